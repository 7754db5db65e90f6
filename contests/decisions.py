"""The organizer's decisions: the shortlist, the winners, and announcing the results all at once."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from accounts.emails import send_to_user
from contests.models import Contest, Entry
from contests.scoring import ranking
from practices.models import Practice


def results(contest):
    """Every finalist with its jury score, votes and combined score, winners first, then best combined."""
    votes = dict(contest.votes.values_list("entry").annotate(count=Count("pk")).values_list("entry", "count"))
    # The public ranking shows the finalists (shortlist and winners); other entries were never public.
    finalists = [
        (row.entry, row.jury_score, votes.get(row.entry.pk, 0))
        for row in ranking(contest)
        if row.entry.status in (Entry.Status.SHORTLISTED, Entry.Status.WINNER)
    ]
    return rank_finalists(contest, finalists)


def rank_finalists(contest, finalists):
    """(entry, jury score or None, votes) → rows ranked winners first, then by combined score.

    Combined = jury share × jury score + vote share × votes, both on a 0–100 scale: the jury score
    rescaled from the contest's scale, the votes as a share of the most-voted entry's."""
    most_votes = max((vote_count for _entry, _jury, vote_count in finalists), default=0)
    span = Decimal(contest.scale_max - contest.scale_min)
    rows = []
    for entry, jury_score, vote_count in finalists:
        jury_100 = (jury_score - contest.scale_min) * 100 / span if jury_score is not None else Decimal(0)
        vote_100 = Decimal(vote_count * 100) / most_votes if most_votes else Decimal(0)
        combined = (jury_100 * contest.jury_share + vote_100 * contest.vote_share) / 100
        rows.append(
            {
                "entry": entry,
                "jury_score": jury_score,
                "votes": vote_count,
                "vote_percent": round(vote_100),
                "combined": combined.quantize(Decimal("0.1")),
            }
        )
    rows.sort(key=lambda item: (item["entry"].status != Entry.Status.WINNER, -item["combined"], item["entry"].pk))
    return rows


def record_results_held_elsewhere(contest):
    """A contest run off the portal: its finalists' recorded jury scores and votes, ranked (and the
    combined score computed) exactly as an announcement on the portal would rank them."""
    finalists = [(entry, entry.final_jury_score, entry.final_votes or 0) for entry in contest.entries.shortlisted()]
    contest.entries.exclude(pk__in=[entry.pk for entry, _jury, _votes in finalists]).update(
        final_rank=None, final_combined=None
    )
    record_ranking(rank_finalists(contest, finalists))


def record_ranking(rows):
    """Freeze the announced ranking into the entries: the results page reads these figures only."""
    for rank, row in enumerate(rows, start=1):
        Entry.objects.filter(pk=row["entry"].pk).update(
            final_rank=rank,
            final_jury_score=row["jury_score"],
            final_votes=row["votes"],
            final_combined=row["combined"],
        )


class DecisionRefused(Exception):
    pass


@transaction.atomic
def set_shortlist(contest, entry_ids):
    if not contest.may_change_shortlist():
        raise DecisionRefused
    entries = contest.entries.submitted()
    entries.filter(pk__in=entry_ids).update(status=Entry.Status.SHORTLISTED)
    entries.exclude(pk__in=entry_ids).exclude(status=Entry.Status.DRAFT).update(status=Entry.Status.SUBMITTED)


@transaction.atomic
def announce_results(contest, winners):
    """Winners (entry id -> award text) are published as practices with their award; every other
    entry is "not selected"; every applicant is e-mailed, in their language, when this commits."""
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    if not contest.may_announce():
        raise DecisionRefused
    winners = {pk: award for pk, award in winners.items() if contest.entries.submitted().filter(pk=pk).exists()}
    if not winners:
        raise DecisionRefused
    now = timezone.now()
    for entry in contest.entries.submitted().select_related("practice", "applicant"):
        if entry.pk in winners:
            entry.status, entry.award = Entry.Status.WINNER, winners[entry.pk]
            practice = entry.practice
            practice.status, practice.published_at = Practice.Status.PUBLISHED, practice.published_at or now
            practice.save()
        elif entry.status != Entry.Status.SHORTLISTED:
            # Finalists stay "shortlisted" (their public pages keep working); the others were not selected.
            entry.status = Entry.Status.NOT_SELECTED
        entry.save(update_fields=["status", "award", "updated_at"])
        if entry.applicant:
            send_to_user(entry.applicant, "contest_result", {"entry": entry, "contest": contest})
    record_ranking(results(contest))
    contest.results_announced_at = now
    contest.save(update_fields=["results_announced_at", "updated_at"])
    return contest


def published_results(contest):
    """The ranking as it was announced (winners first), from the frozen figures."""
    return list(
        contest.entries.filter(final_rank__isnull=False)
        .select_related("practice", "municipality")
        .order_by("final_rank")
    )
