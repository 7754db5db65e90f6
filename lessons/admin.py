from django.contrib import admin

from lessons.models import Certificate, Course, CourseLesson, VideoLesson
from portal.admin_base import OneLanguageEnoughForm, TranslatedAdmin


class TitledForm(OneLanguageEnoughForm):
    needed_in_one_language = ("title",)


@admin.register(VideoLesson)
class VideoLessonAdmin(TranslatedAdmin):
    form = TitledForm
    list_display = ("title", "duration_minutes", "is_published", "created_at")
    list_filter = ("is_published", "sectors", "audiences")
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("sectors", "audiences")
    fields = (
        "title",
        "slug",
        "description",
        "video_url",
        "duration_minutes",
        "sectors",
        "audiences",
        "file",
        "is_published",
    )


class CourseLessonInline(admin.TabularInline):
    model = CourseLesson
    fields = ("lesson", "position")
    autocomplete_fields = ("lesson",)
    extra = 1


@admin.register(Course)
class CourseAdmin(TranslatedAdmin):
    form = TitledForm
    inlines = [CourseLessonInline]
    list_display = ("title", "is_published")
    list_filter = ("is_published",)
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    fields = ("title", "slug", "description", "is_published")


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Looked up when someone asks about a certificate; issued by the portal only."""

    list_display = ("code", "full_name", "course", "issued_on")
    list_filter = ("course",)
    search_fields = ("code", "full_name", "user__email")
    list_select_related = ("course",)
    readonly_fields = ("code", "user", "course", "full_name", "issued_on")

    def has_add_permission(self, request):
        return False
