"""The public vote on the shortlist: signed-in users with a verified e-mail, one vote per contest."""

from django.db import IntegrityError, transaction

from contests.models import Vote


class VoteRefused(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "closed", "unverified", "already"


def has_verified_email(user):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def cast_vote(user, entry):
    """Record the user's vote (or move it, when the contest allows); returns the vote."""
    contest = entry.contest
    if not contest.vote_is_open() or contest.results_published or entry.status not in ("shortlisted", "winner"):
        raise VoteRefused("closed")
    if not has_verified_email(user):
        raise VoteRefused("unverified")
    try:
        with transaction.atomic():
            # The unique (contest, user) constraint decides between simultaneous clicks: exactly one
            # insert wins, the others land in the except below.
            vote, created = Vote.objects.get_or_create(contest=contest, user=user, defaults={"entry": entry})
    except IntegrityError:
        vote, created = Vote.objects.get(contest=contest, user=user), False
    if created or vote.entry_id == entry.pk:
        return vote
    if not contest.votes_changeable:
        raise VoteRefused("already")
    Vote.objects.filter(pk=vote.pk).update(entry=entry)
    vote.entry = entry
    return vote
