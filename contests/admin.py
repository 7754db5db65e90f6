from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from contests.decisions import record_results_held_elsewhere
from contests.models import Contest, Criterion, Entry, Question, Score, Vote
from portal.admin_base import OneLanguageEnoughForm, TranslatedAdmin
from portal.spreadsheets import csv_download


class CriterionForm(OneLanguageEnoughForm):
    needed_in_one_language = ("title",)


class CriterionInline(TranslationTabularInline):
    model = Criterion
    form = CriterionForm
    fields = ("title", "description", "weight", "position")
    extra = 0


class ContestForm(OneLanguageEnoughForm):
    needed_in_one_language = ("title", "rules")


@admin.register(Contest)
class ContestAdmin(TranslatedAdmin):
    form = ContestForm
    list_display = ("title", "year", "submissions_open_at", "submissions_close_at", "results_at", "is_published")
    list_filter = ("is_published",)
    search_fields = ("title_ky", "title_ru", "title_en", "slug")
    filter_horizontal = ("eligible_sectors", "jury")
    fieldsets = (
        (None, {"fields": ("title", "slug", "year", "summary", "rules", "eligible_sectors", "is_published")}),
        (
            _("Phases"),
            {
                "fields": (
                    "submissions_open_at",
                    "submissions_close_at",
                    "review_starts_at",
                    "review_ends_at",
                    "vote_opens_at",
                    "vote_closes_at",
                    "results_at",
                )
            },
        ),
        (
            _("Scoring and decisions"),
            {
                "fields": (
                    "scale_min",
                    "scale_max",
                    "jury_share",
                    "number_of_winners",
                    "scores_hidden_until_scored",
                    "votes_changeable",
                    "vote_counts_hidden",
                    "jury",
                )
            },
        ),
        (_("Results"), {"fields": ("results_note",)}),
    )


class QuestionInline(TranslationTabularInline):
    model = Question
    fields = ("text", "help_text", "required", "position")
    extra = 0


ContestAdmin.inlines = [CriterionInline, QuestionInline]


@admin.register(Entry)
class EntryAdmin(TranslatedAdmin):
    list_display = ("practice", "contest", "municipality", "status", "award", "submitted_at")
    list_filter = ("contest", "status")
    list_select_related = ("practice", "contest", "municipality")
    search_fields = ("practice__title_ky", "practice__title_ru", "practice__title_en", "municipality__name_ru")
    raw_id_fields = ("practice", "applicant")
    filter_horizontal = ("assigned_jurors",)
    actions = ["export_entries"]

    RESULT_FIELDS = ("final_jury_score", "final_votes")

    def get_readonly_fields(self, request, obj=None):
        # The portal's own results are frozen at the announcement; only a contest held elsewhere has its
        # figures typed in (and then ranked by the portal).
        fixed = ("submitted_at", "final_rank", "final_combined")
        if obj is None or not (obj.contest.results_published and obj.contest.was_run_off_the_portal):
            fixed += self.RESULT_FIELDS
        return fixed

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.contest.was_run_off_the_portal and obj.contest.results_published:
            record_results_held_elsewhere(obj.contest)

    @admin.action(description=_("Download the selected entries as CSV"), permissions=["view"])
    def export_entries(self, request, queryset):
        rows = (
            (
                e.contest.year,
                e.number,
                e.practice.title,
                e.municipality.name,
                e.get_status_display(),
                e.award_title,
                e.submitted_at,
            )
            for e in queryset.select_related("contest", "practice", "municipality")
        )
        header = (_("Year"), _("Number"), _("Title"), _("Municipality"), _("Status"), _("Award"), _("Submitted"))
        return csv_download("entries.csv", header, rows)


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ("entry", "juror", "criterion", "value")
    list_filter = ("entry__contest", "juror")
    list_select_related = ("entry__practice", "entry__contest", "juror", "criterion")
    actions = ["export_scores"]

    def has_add_permission(self, request):
        return False  # jurors score on the jury pages

    @admin.action(description=_("Download the selected scores as CSV"), permissions=["view"])
    def export_scores(self, request, queryset):
        rows = (
            (
                s.entry.number,
                s.entry.practice.title,
                s.juror.email,
                s.criterion.title,
                s.criterion.weight,
                s.value,
                s.comment,
            )
            for s in queryset.select_related("entry__contest", "entry__practice", "juror", "criterion")
        )
        header = (_("Number"), _("Title"), _("Juror"), _("Criterion"), _("Weight"), _("Score"), _("Comment"))
        return csv_download("scores.csv", header, rows)


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    # Voters stay anonymous to editors: the list, the detail page and the export show the vote, never the voter.
    list_display = ("entry", "contest", "created_at")
    list_filter = ("contest",)
    list_select_related = ("entry__practice", "contest")
    fields = ("contest", "entry", "created_at")
    readonly_fields = ("contest", "entry", "created_at")
    actions = ["export_votes"]

    def lookup_allowed(self, lookup, value, request=None):
        return not lookup.startswith("user") and super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # votes are the voters' own

    @admin.action(description=_("Download the selected votes as CSV"), permissions=["view"])
    def export_votes(self, request, queryset):
        # The voters stay anonymous in the export: the vote, the entry and the time.
        rows = (
            (v.contest.year, v.entry.number, v.entry.practice.title, v.created_at)
            for v in queryset.select_related("contest", "entry__practice")
        )
        return csv_download("votes.csv", (_("Year"), _("Number"), _("Title"), _("Voted")), rows)
