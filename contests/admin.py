from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from contests.models import Contest, Criterion
from portal.admin_base import OneLanguageEnoughForm, TranslatedAdmin


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
    inlines = [CriterionInline]
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
    )
