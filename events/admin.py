from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from events.models import Event, PressRelease
from portal.admin_base import TranslatedAdmin


class UpcomingFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.filter(pk__in=Event.objects.upcoming().values("pk"))
        if self.value() == "past":
            return queryset.filter(pk__in=Event.objects.past().values("pk"))
        return queryset


@admin.register(Event)
class EventAdmin(TranslatedAdmin):
    list_display = ("title", "kind", "starts_at", "municipality", "is_online", "is_published")
    list_filter = (UpcomingFilter, "kind", "is_online", "is_published", "municipality__region", "project")
    list_select_related = ("municipality",)
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    autocomplete_fields = ("municipality", "project", "organizers", "practices")
    date_hierarchy = "starts_at"
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "description", "is_published")}),
        (_("When and where"), {"fields": ("starts_at", "ends_at", "venue", "municipality", "is_online")}),
        (_("Links"), {"fields": ("livestream_url", "recording_url")}),
        (_("Organizers and content"), {"fields": ("organizers", "project", "practices")}),
        (_("Participants"), {"fields": ("capacity", "participants_count")}),
    )


@admin.register(PressRelease)
class PressReleaseAdmin(TranslatedAdmin):
    list_display = ("title", "published_at", "event", "is_published")
    list_filter = ("is_published",)
    list_select_related = ("event",)
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    autocomplete_fields = ("event", "practices")
    date_hierarchy = "published_at"
