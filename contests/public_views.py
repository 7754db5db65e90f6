"""The public side of a contest after the jury: the shortlist and its vote, then the results."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from contests import voting
from contests.decisions import published_results
from contests.models import Contest, Vote
from portal.ratelimit import allow


def _contest(slug):
    return get_object_or_404(Contest.objects.published(), slug=slug)


def shortlist(request, slug):
    """The shortlisted entries, with the vote while it is open."""
    contest = _contest(slug)
    entries = list(contest.entries.shortlisted().select_related("practice", "municipality__region"))
    if not entries:
        raise Http404("No shortlist yet.")
    show_counts = not contest.vote_counts_hidden or contest.vote_is_over()
    counts = {}
    if show_counts:
        counts = dict(contest.votes.values_list("entry").annotate(count=Count("pk")).values_list("entry", "count"))
    my_vote = None
    if request.user.is_authenticated:
        my_vote = Vote.objects.filter(contest=contest, user=request.user).values_list("entry_id", flat=True).first()
    return render(
        request,
        "contests/shortlist.html",
        {
            "section": "contests",
            "contest": contest,
            "rows": [(entry, counts.get(entry.pk, 0)) for entry in entries],
            "show_counts": show_counts,
            "my_vote": my_vote,
            "vote_open": contest.vote_is_open(),
        },
    )


def entry_page(request, slug, pk):
    """A shortlisted entry, readable by everyone (drafts and other entries answer 404)."""
    contest = _contest(slug)
    entry = get_object_or_404(
        contest.entries.shortlisted()
        .select_related("practice__municipality__region")
        .prefetch_related("practice__images", "practice__documents", "answers__question"),
        pk=pk,
    )
    return render(
        request,
        "contests/entry_public.html",
        {"section": "contests", "contest": contest, "entry": entry, "practice": entry.practice},
    )


@require_POST
@login_required
def vote(request, slug, pk):
    contest = _contest(slug)
    entry = get_object_or_404(contest.entries.shortlisted(), pk=pk)
    if not allow(request, "contest-vote", settings.CONTEST_VOTES_PER_HOUR, 3600):
        messages.error(request, _("Too many votes from your connection. Please try again later."))
        return redirect("contests:shortlist", slug=slug)
    try:
        voting.cast_vote(request.user, entry)
    except voting.VoteRefused as refusal:
        messages.error(request, REFUSALS[refusal.reason])
    else:
        messages.success(request, _("Thank you: your vote is counted."))
    return redirect("contests:shortlist", slug=slug)


REFUSALS = {
    "closed": gettext_lazy("The vote is not open."),
    "unverified": gettext_lazy("Confirm your e-mail address first: only verified users vote."),
    "already": gettext_lazy("You have already voted in this contest."),
}


def results_page(request, slug):
    contest = _contest(slug)
    if not contest.results_published:
        raise Http404("Results not announced yet.")
    entries = published_results(contest)
    most_votes = max((entry.final_votes or 0 for entry in entries), default=0)
    return render(
        request,
        "contests/results.html",
        {"section": "contests", "contest": contest, "entries": entries, "most_votes": most_votes},
    )
