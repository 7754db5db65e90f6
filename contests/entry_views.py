"""A municipality's entry: started from the contest page, filled over several visits, submitted before the
deadline, and listed in the cabinet under "My contest entries"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from contests import entries as service
from contests.forms import AnswersForm
from contests.models import Contest
from practices.practice_editing import empty_attachment_forms, save_practice_page
from practices.proposal_forms import ProposalForm, ProposalStartForm


def _render(request, template, context, status=200):
    return render(request, template, {"section": "account", "cabinet_page": "entries", **context}, status=status)


@login_required
def entry_start(request, slug):
    contest = get_object_or_404(Contest.objects.published(), slug=slug)
    if not service.may_enter(request.user, contest):
        return _render(request, "contests/entry_not_allowed.html", {"contest": contest}, status=403)
    form = ProposalStartForm(request.POST or None, initial={"text_language": get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            entry = service.start_entry(
                request.user, contest, form.cleaned_data["text_language"], form.cleaned_data["title"]
            )
        except service.SubmissionsClosed:
            messages.error(request, _("Submissions for this contest are closed."))
            return redirect(contest)
        messages.success(
            request, _("Your entry is created as a draft. Save as often as you like; submit it before the deadline.")
        )
        return redirect("contests:entry", pk=entry.pk)
    return _render(request, "contests/entry_start.html", {"contest": contest, "form": form})


@login_required
def entry_list(request):
    return _render(request, "contests/entry_list.html", {"entries": service.entries_of(request.user)})


@login_required
def entry_detail(request, pk):
    entry = get_object_or_404(service.entries_of(request.user), pk=pk)
    if not service.is_editable(entry, request.user):
        if request.method == "POST":
            messages.error(request, _("Submissions are closed: the entry can no longer be changed."))
            return redirect("contests:entry", pk=entry.pk)
        return _render(request, "contests/entry_readonly.html", {"entry": entry, "practice": entry.practice})
    if request.method != "POST":
        return _render_form(
            request, entry, ProposalForm(instance=entry.practice), AnswersForm(entry=entry), empty_attachment_forms()
        )
    try:
        with transaction.atomic():
            return _save_entry(request, entry)
    except service.SubmissionsClosed:
        # Raised inside the transaction: whatever this request changed is rolled back as a whole.
        messages.error(
            request,
            _("Submissions closed at %(deadline)s. Your last changes were not saved.")
            % {"deadline": _local(entry.contest.submissions_close_at)},
        )
        return redirect("contests:entry", pk=entry.pk)


def _local(moment):
    from django.utils import formats, timezone

    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _save_entry(request, entry):
    if not entry.contest.accepts_submissions():
        raise service.SubmissionsClosed
    page = save_practice_page(request, entry.practice)
    try:
        response = _finish_saving(request, entry, page)
        # Checked again at the end, on every path: a request that crossed the deadline saves nothing.
        if not entry.contest.accepts_submissions():
            raise service.SubmissionsClosed
    except service.SubmissionsClosed:
        page.delete_added_files()  # the rows roll back; their files must not stay behind
        raise
    return response


def _finish_saving(request, entry, page):
    answers = AnswersForm(request.POST, entry=entry)
    problems = page.problems or not answers.is_valid()
    if answers.is_valid():
        answers.save()
    if problems:
        messages.error(request, _("Some fields need your attention (marked below). Everything else is saved."))
        return _render_form(request, entry, page.form, answers, page.attachment_forms, status=400)
    missing = service.missing_for_submission(entry)
    wants_submit = "submit" in request.POST
    if missing and (wants_submit or entry.status == entry.Status.SUBMITTED):
        for field, message in missing.items():
            (answers if field.startswith("question_") else page.form).add_error(field, message)
        if entry.status == entry.Status.SUBMITTED:
            entry.status = entry.Status.DRAFT
            entry.save(update_fields=["status", "updated_at"])
            messages.error(request, _("Your entry is back to draft: fill in the marked fields and submit it again."))
        else:
            messages.error(
                request, _("Your draft is saved, but it cannot be submitted yet: fill in the marked fields.")
            )
        return _render_form(request, entry, page.form, answers, page.attachment_forms, status=400)
    if wants_submit and entry.status == entry.Status.DRAFT:
        service.submit(entry)
        messages.success(request, _("Your entry is submitted. We have sent you a receipt by e-mail."))
    else:
        messages.success(request, _("Your entry is saved."))
    return redirect("contests:entry", pk=entry.pk)


def _render_form(request, entry, form, answers, attachment_forms, status=200):
    practice = entry.practice
    return _render(
        request,
        "contests/entry_form.html",
        {
            "entry": entry,
            "contest": entry.contest,
            "practice": practice,
            "form": form,
            "answers_form": answers,
            "attachment_forms": attachment_forms,
            "images": practice.images.all(),
            "documents": practice.documents.all(),
            "videos": practice.videos.all(),
        },
        status=status,
    )
