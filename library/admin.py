from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from library.covers import refresh_thumbnail
from library.models import LibraryDocument, LibraryFile
from portal.admin_base import OneLanguageEnoughForm, TranslatedAdmin


class LibraryDocumentForm(OneLanguageEnoughForm):
    needed_in_one_language = ("title",)


class FilesFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if self.instance.is_published and not kept:
            raise ValidationError(_("A published document needs at least one file."))


class FileInline(admin.TabularInline):
    model = LibraryFile
    formset = FilesFormSet
    fields = ("language", "file", "download_count")
    readonly_fields = ("download_count",)
    extra = 1


@admin.register(LibraryDocument)
class LibraryDocumentAdmin(TranslatedAdmin):
    form = LibraryDocumentForm
    inlines = [FileInline]
    list_display = ("title", "kind", "year", "publisher", "is_published", "downloads")
    list_filter = ("is_published", "kind", "year", "sectors", "audiences")
    list_select_related = ("publisher",)
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("sectors", "audiences")
    autocomplete_fields = ("publisher",)
    readonly_fields = ("cover_preview",)
    fields = (
        "title",
        "slug",
        "summary",
        "kind",
        "year",
        "publisher",
        "sectors",
        "audiences",
        "tags",
        "cover",
        "cover_preview",
        "is_published",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("files")

    @admin.display(description=_("downloads"))
    def downloads(self, obj):
        return obj.download_count

    @admin.display(description=_("cover shown on the site"))
    def cover_preview(self, obj):
        if obj.thumbnail:
            return format_html('<img src="{}" alt="" width="120">', obj.thumbnail.url)
        return _("None yet: upload a picture, or a PDF file whose first page can become the cover.")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the commit: drawing a PDF page can take seconds and must not hold the transaction open.
        document = form.instance
        transaction.on_commit(lambda: refresh_thumbnail(document))
