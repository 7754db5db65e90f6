"""The cabinet's "My practices": verified municipal users propose practices of their own municipality.

A proposal is a Practice with an author. Its author reaches it at /account/practices/<id>/; anyone else
gets a 404 there, whoever they are.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practices.models import Practice
from practices.practice_editing import empty_attachment_forms, save_practice_page
from practices.proposal_forms import ProposalForm, ProposalStartForm, missing_for_review
from practices.proposals import proposals_of, start_proposal, submit


def may_propose(user):
    return user.is_verified_municipal_user


def may_edit(user, practice):
    """The author edits a draft or a sent-back proposal while still verified for its municipality."""
    return (
        practice.status in Practice.EDITABLE_BY_AUTHOR
        and user.is_verified_municipal_user
        and user.municipality_id == practice.municipality_id
    )


def _render(request, template, context, status=200):
    return render(request, template, {"section": "account", "cabinet_page": "proposals", **context}, status=status)


@login_required
def proposal_list(request):
    proposals = proposals_of(request.user).select_related("municipality").order_by("-updated_at")
    return _render(request, "accounts/proposal_list.html", {"proposals": proposals})


@login_required
def proposal_start(request):
    if not may_propose(request.user):
        return _render(request, "accounts/proposal_not_allowed.html", {}, status=403)
    form = ProposalStartForm(request.POST or None, initial={"text_language": get_language()})
    if request.method == "POST" and form.is_valid():
        practice = start_proposal(request.user, form.cleaned_data["text_language"], form.cleaned_data["title"])
        messages.success(request, _("Your draft is created. Fill in the sections and save as often as you like."))
        return redirect("accounts:proposal", pk=practice.pk)
    return _render(request, "accounts/proposal_start.html", {"form": form})


@login_required
def proposal_detail(request, pk):
    practice = get_object_or_404(proposals_of(request.user), pk=pk)
    if not may_edit(request.user, practice):
        if request.method == "POST":
            messages.error(request, _("This practice can no longer be changed from your account."))
            return redirect("accounts:proposal", pk=practice.pk)
        return _render(request, "accounts/proposal_readonly.html", {"practice": practice})
    if request.method == "POST":
        return _save_proposal(request, practice)
    return _render_form(request, practice, ProposalForm(instance=practice), empty_attachment_forms())


def _render_form(request, practice, form, attachment_forms, status=200):
    return _render(
        request,
        "accounts/proposal_form.html",
        {
            "practice": practice,
            "form": form,
            "attachment_forms": attachment_forms,
            "images": practice.images.all(),
            "documents": practice.documents.all(),
            "videos": practice.videos.all(),
        },
        status=status,
    )


@transaction.atomic
def _save_proposal(request, practice):
    page = save_practice_page(request, practice)
    form = page.form
    if page.problems:
        messages.error(request, _("Some fields need your attention (marked below). Everything else is saved."))
        return _render_form(request, practice, form, page.attachment_forms, status=400)
    if "submit" in request.POST:
        missing = missing_for_review(practice)
        if missing:
            for field, message in missing.items():
                form.add_error(field, message)
            messages.error(
                request, _("Your draft is saved, but it cannot be submitted yet: fill in the marked fields.")
            )
            return _render_form(request, practice, form, page.attachment_forms, status=400)
        submit(practice)
        messages.success(request, _("Thank you! Your practice is sent to the editors. We will e-mail you."))
        return redirect("accounts:proposal", pk=practice.pk)
    messages.success(
        request, _("Your draft is saved.") if not page.removed else _("Your draft is saved; the file is removed.")
    )
    return redirect("accounts:proposal", pk=practice.pk)


@require_POST
@login_required
def proposal_delete(request, pk):
    practice = get_object_or_404(proposals_of(request.user), pk=pk)
    # Once published, a practice belongs to the portal's record, even when editors later unpublish it.
    if practice.status not in Practice.EDITABLE_BY_AUTHOR or practice.published_at:
        messages.error(request, _("A practice in review or published cannot be deleted from your account."))
        return redirect("accounts:proposal", pk=practice.pk)
    practice.delete()
    messages.success(request, _("The draft is deleted."))
    return redirect("accounts:proposals")
