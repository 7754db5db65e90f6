from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from portal.admin_base import HttpsLinks, OneLanguageEnoughForm, TranslatedAdmin
from practices.models import (
    Audience,
    Practice,
    PracticeDocument,
    PracticeImage,
    PracticeTag,
    PracticeVideo,
    Replication,
    Sector,
)
from practices.proposals import notify_author
from practices.services import set_status


class ProposalFilter(admin.SimpleListFilter):
    title = _("origin")
    parameter_name = "proposal"

    def lookups(self, request, model_admin):
        return [("to_review", _("Proposals to review")), ("proposed", _("All proposals from users"))]

    def queryset(self, request, queryset):
        if self.value() == "to_review":
            return queryset.filter(proposed_by__isnull=False, status=Practice.Status.IN_REVIEW)
        if self.value() == "proposed":
            return queryset.filter(proposed_by__isnull=False)
        return queryset


class PracticeAdminForm(OneLanguageEnoughForm):
    needed_in_one_language = ("title", "summary")

    def clean(self):
        cleaned_data = super().clean()
        comment = cleaned_data.get("review_comment", "").strip()
        if cleaned_data.get("status") == Practice.Status.SENT_BACK and not comment:
            self.add_error("review_comment", _("Write what the author should change before sending the practice back."))
        return cleaned_data


@admin.register(Sector)
class SectorAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("name_ky", "name_ru", "name_en", "slug")


@admin.register(Audience)
class AudienceAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("name_ky", "name_ru", "name_en", "slug")


@admin.register(PracticeTag)
class PracticeTagAdmin(admin.ModelAdmin):
    list_display = ("name", "language", "slug")
    list_editable = ("language",)
    list_filter = ("language",)
    search_fields = ("name", "slug")


class ImageForm(OneLanguageEnoughForm):
    needed_in_one_language = ("alt_text",)


class DocumentForm(OneLanguageEnoughForm):
    needed_in_one_language = ("title",)


class ImageInline(TranslationTabularInline):
    model = PracticeImage
    form = ImageForm
    fields = ("image", "preview", "alt_text", "caption", "position")
    readonly_fields = ("preview",)
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj.thumbnail:
            return format_html('<img src="{}" alt="" width="120">', obj.thumbnail.url)
        return "—"


class DocumentInline(TranslationTabularInline):
    model = PracticeDocument
    form = DocumentForm
    fields = ("title", "file", "position")
    extra = 0


class VideoInline(HttpsLinks, TranslationTabularInline):
    model = PracticeVideo
    fields = ("url", "title", "position")
    extra = 0


class ReplicationInline(TranslationStackedInline):
    model = Replication
    fields = ("municipality", "year", "results")
    autocomplete_fields = ("municipality",)
    extra = 0


@admin.register(Practice)
class PracticeAdmin(TranslatedAdmin):
    list_display = ("title", "municipality", "region", "status", "proposed_by", "featured", "published_at")
    list_filter = (
        "status",
        ProposalFilter,
        "featured",
        "municipality__region",
        "sectors",
        "year",
        "project",
        "country",
    )
    inlines = [ImageInline, DocumentInline, VideoInline, ReplicationInline]
    list_select_related = ("municipality__region", "proposed_by")
    form = PracticeAdminForm
    readonly_fields = ("proposed_by", "text_language", "submitted_at")
    search_fields = ("title_ky", "title_ru", "title_en", "slug", "municipality__name_ru", "municipality__name_ky")
    autocomplete_fields = ("municipality", "project", "organizations", "related")
    filter_horizontal = ("sectors", "audiences")
    date_hierarchy = "published_at"
    actions = ["publish", "send_back_to_draft"]
    # Filled from the Russian title on a new practice (Django transliterates Cyrillic); later renames
    # of the slug keep the old address working through a redirect.
    prepopulated_fields = {"slug": ("title_ru",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "status", "featured", "published_at")}),
        (
            _("Proposal from a municipality"),
            {
                "fields": ("proposed_by", "text_language", "submitted_at", "review_comment"),
                "description": _(
                    "To send a proposal back, write what the author should change and set the status to "
                    "“Sent back”; to publish it, set “Published”. The author is e-mailed either way."
                ),
            },
        ),
        (
            _("The practice"),
            {
                "fields": (
                    "situation_before",
                    "objectives",
                    "resources",
                    "process",
                    "results",
                    "sustainability",
                    "lessons_learned",
                    "how_to_replicate",
                )
            },
        ),
        (_("Place and topics"), {"fields": ("municipality", "country", "sectors", "audiences", "tags")}),
        (_("Project and dates"), {"fields": ("project", "organizations", "started_on", "completed_on", "related")}),
        (_("Budget, soms"), {"fields": ("total_cost", "own_contribution", "other_sources")}),
        (_("Contact"), {"fields": ("contact_name", "contact_email", "contact_phone")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "status" in form.changed_data:
            notify_author(obj)

    @admin.display(description=_("region"), ordering="municipality__region")
    def region(self, obj):
        return obj.municipality.region if obj.municipality else "—"

    @admin.action(description=_("Publish the selected practices"), permissions=["change"])
    def publish(self, request, queryset):
        count = set_status(queryset, Practice.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d practice published.", "%(count)d practices published.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Send the selected practices back to draft"), permissions=["change"])
    def send_back_to_draft(self, request, queryset):
        # A user's proposal goes back to its author with a comment (its own page, status "Sent back"),
        # never silently to draft.
        proposals = queryset.filter(proposed_by__isnull=False).count()
        if proposals:
            self.message_user(
                request,
                ngettext(
                    "%(count)d practice proposed by a user was left as it is: open it, write a comment and "
                    "set the status to “Sent back”.",
                    "%(count)d practices proposed by users were left as they are: open each, write a comment "
                    "and set the status to “Sent back”.",
                    proposals,
                )
                % {"count": proposals},
                messages.WARNING,
            )
        count = set_status(queryset.filter(proposed_by__isnull=True), Practice.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%(count)d practice sent back to draft.", "%(count)d practices sent back to draft.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Replication)
class ReplicationAdmin(TranslatedAdmin):
    list_display = ("practice", "municipality", "year")
    list_filter = ("year", "municipality__region")
    list_select_related = ("practice", "municipality")
    search_fields = ("practice__title_ru", "practice__title_ky", "practice__title_en", "municipality__name_ru")
    autocomplete_fields = ("practice", "municipality")
