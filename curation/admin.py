from django.contrib import admin

from curation.models import Collection
from portal.admin_base import OneLanguageEnoughForm, TranslatedAdmin


class CollectionForm(OneLanguageEnoughForm):
    needed_in_one_language = ("title", "intro")


@admin.register(Collection)
class CollectionAdmin(TranslatedAdmin):
    form = CollectionForm
    list_display = ("title", "on_home_page", "position", "is_published")
    list_editable = ("position",)
    list_filter = ("is_published", "on_home_page", "audiences")
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("audiences",)
    autocomplete_fields = ("practices", "documents", "lessons", "events")
    fields = (
        "title",
        "slug",
        "intro",
        "audiences",
        "practices",
        "documents",
        "lessons",
        "events",
        "on_home_page",
        "position",
        "is_published",
    )
