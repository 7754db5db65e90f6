"""Jury pages (outside the Django admin): a juror's entries, the score form, and the organizer's ranking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.emails import send_to_user
from contests import scoring
from contests.decisions import DecisionRefused, announce_results, set_shortlist
from contests.jury_forms import ScoreForm
from contests.models import Contest, Score


def _render(request, template, context, status=200):
    return render(request, template, {"section": "jury", **context}, status=status)


def _contest_for_juror(request, slug):
    contest = get_object_or_404(Contest.objects.published(), slug=slug)
    if not scoring.is_juror(contest, request.user):
        raise Http404("Not a juror of this contest.")
    return contest


@login_required
def jury_home(request):
    contests = Contest.objects.published().filter(jury=request.user)
    return _render(request, "contests/jury/home.html", {"contests": contests})


@login_required
def jury_contest(request, slug):
    contest = _contest_for_juror(request, slug)
    entries = list(scoring.entries_for_juror(contest, request.user))
    criteria_count = contest.criteria.count()
    scored = {}
    for score in Score.objects.filter(juror=request.user, entry__in=entries).values("entry_id"):
        scored[score["entry_id"]] = scored.get(score["entry_id"], 0) + 1
    rows = [(entry, scored.get(entry.pk, 0) == criteria_count and criteria_count > 0) for entry in entries]
    done = sum(1 for _entry, complete in rows if complete)
    return _render(
        request,
        "contests/jury/contest.html",
        {"contest": contest, "rows": rows, "done": done, "total": len(rows), "in_review": contest.in_review()},
    )


@login_required
def jury_entry(request, slug, pk):
    contest = _contest_for_juror(request, slug)
    entry = get_object_or_404(
        scoring.entries_for_juror(contest, request.user).prefetch_related("answers__question", "practice__documents"),
        pk=pk,
    )
    form = ScoreForm(request.POST or None, entry=entry, juror=request.user)
    if request.method == "POST":
        if not contest.in_review():
            messages.error(request, _("Scores can be given only during the jury review."))
            return redirect("contests:jury_entry", slug=slug, pk=pk)
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, _("Your scores are saved."))
            return redirect("contests:jury_contest", slug=slug)
    my_scores = Score.objects.filter(entry=entry, juror=request.user).count()
    criteria = list(contest.criteria.all())
    finished = bool(criteria) and my_scores == len(criteria)
    others = []
    if finished or not contest.scores_hidden_until_scored:
        others = (
            Score.objects.filter(entry=entry)
            .exclude(juror=request.user)
            .select_related("juror", "criterion")
            .order_by("juror_id", "criterion__position")
        )
    return _render(
        request,
        "contests/jury/entry.html",
        {
            "contest": contest,
            "entry": entry,
            "practice": entry.practice,
            "form": form,
            "in_review": contest.in_review(),
            "others": others,
            "others_hidden": contest.scores_hidden_until_scored and not finished,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@permission_required("contests.change_contest", raise_exception=True)
def ranking(request, slug):
    contest = get_object_or_404(Contest, slug=slug)
    rows = scoring.ranking(contest)
    return _render(
        request,
        "contests/jury/ranking.html",
        {
            "contest": contest,
            "rows": rows,
            "jury": list(contest.jury.all()),
            "behind": scoring.jurors_behind(contest, rows),
            "may_shortlist": contest.may_change_shortlist(),
            "may_announce": contest.may_announce(),
        },
    )


@require_POST
@login_required
@permission_required("contests.change_contest", raise_exception=True)
def remind_jurors(request, slug):
    contest = get_object_or_404(Contest, slug=slug)
    behind = scoring.jurors_behind(contest, scoring.ranking(contest))
    for juror, count in behind.items():
        send_to_user(juror, "jury_reminder", {"contest": contest, "count": count})
    messages.success(request, _("Reminders sent to %(count)d jurors.") % {"count": len(behind)})
    return redirect("contests:ranking", slug=slug)


@require_POST
@login_required
@permission_required("contests.change_contest", raise_exception=True)
def decisions(request, slug):
    """The ranking page's two forms: save the shortlist, or announce the winners."""
    contest = get_object_or_404(Contest, slug=slug)
    # Entry numbers only (a bigint at most): anything else in the form is ignored.
    chosen = [int(pk) for pk in request.POST.getlist("entry") if pk.isascii() and pk.isdecimal() and len(pk) < 19]
    try:
        if "shortlist" in request.POST:
            set_shortlist(contest, chosen)
            messages.success(request, _("The shortlist is saved."))
        elif "announce" in request.POST:
            # Typed in the organizer's language; empty reads "Winner" in each reader's language.
            awards = {pk: request.POST.get(f"award_{pk}", "").strip()[:200] for pk in chosen}
            announce_results(contest, awards)
            messages.success(request, _("The results are announced and every applicant is e-mailed."))
            return redirect("contests:results", slug=slug)
    except DecisionRefused:
        messages.error(
            request,
            _(
                "Not now: the shortlist can change between the close of submissions and the opening of the vote; "
                "the winners are announced, once, after the vote closes and with at least one entry chosen."
            ),
        )
    return redirect("contests:ranking", slug=slug)
