"""Jury scores and the ranking they make.

A juror's total for an entry is the weighted average of their scores over the contest's criteria, counted
only once they have scored every criterion; an entry's jury score is the average of the jurors' totals.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

TWO_PLACES = Decimal("0.01")


def entries_for_juror(contest, juror):
    """Submitted entries the juror scores: those assigned to them, and those assigned to nobody; none
    while submissions are open (the applicants are still writing)."""
    if timezone.now() < contest.submissions_close_at:
        return contest.entries.none()
    return (
        contest.entries.submitted()
        .filter(Q(assigned_jurors=juror) | Q(assigned_jurors__isnull=True))
        .select_related("practice", "municipality__region")
        .distinct()
        .order_by("pk")
    )


def is_juror(contest, user):
    return user.is_authenticated and contest.jury.filter(pk=user.pk).exists()


def weighted_total(values, criteria):
    """The weighted average of ``values`` ({criterion id: score}), or None until every criterion has one."""
    if not criteria or any(criterion.pk not in values for criterion in criteria):
        return None
    total_weight = sum(criterion.weight for criterion in criteria)
    weighted = sum(Decimal(values[criterion.pk]) * criterion.weight for criterion in criteria)
    return (weighted / total_weight).quantize(TWO_PLACES, ROUND_HALF_UP)


@dataclass
class RankedEntry:
    entry: object
    juror_totals: dict = field(default_factory=dict)  # juror -> total (None while incomplete)
    missing: int = 0  # scores still to give, over all expected jurors and criteria

    @property
    def jury_score(self):
        totals = [total for total in self.juror_totals.values() if total is not None]
        if not totals:
            return None
        return (sum(totals) / len(totals)).quantize(TWO_PLACES, ROUND_HALF_UP)

    @property
    def spread(self):
        """How far the jurors disagree: the highest total minus the lowest."""
        totals = [total for total in self.juror_totals.values() if total is not None]
        return (max(totals) - min(totals)) if len(totals) > 1 else None


def ranking(contest):
    """Every submitted entry with its jury score, best first (entries without a score last)."""
    from contests.models import Score

    criteria = list(contest.criteria.all())
    jury = list(contest.jury.all())
    entries = list(
        contest.entries.submitted().select_related("practice", "municipality").prefetch_related("assigned_jurors")
    )
    values = {}
    for score in Score.objects.filter(entry__in=entries).values("entry_id", "juror_id", "criterion_id", "value"):
        values.setdefault((score["entry_id"], score["juror_id"]), {})[score["criterion_id"]] = score["value"]
    ranked = []
    for entry in entries:
        expected = list(entry.assigned_jurors.all()) or jury
        row = RankedEntry(entry)
        for juror in expected:
            given = values.get((entry.pk, juror.pk), {})
            row.juror_totals[juror] = weighted_total(given, criteria)
            row.missing += sum(1 for criterion in criteria if criterion.pk not in given)
        ranked.append(row)
    ranked.sort(key=lambda row: (row.jury_score is None, -(row.jury_score or 0), row.entry.pk))
    return ranked


def jurors_behind(contest, rows):
    """Jurors with entries still to score (from a ranking already computed), and how many."""
    behind = {}
    for row in rows:
        for juror, total in row.juror_totals.items():
            if total is None:
                behind[juror] = behind.get(juror, 0) + 1
    return behind


def jury_users():
    return get_user_model().objects.filter(groups__name="Jury members", is_active=True)
