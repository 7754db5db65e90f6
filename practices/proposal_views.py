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
from practices.proposal_forms import ATTACHMENT_FORMS, ProposalForm, ProposalStartForm, missing_for_review
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
    return _render_form(request, practice, ProposalForm(instance=practice), _empty_attachment_forms())


def _empty_attachment_forms():
    return {prefix: form_class(prefix=prefix) for prefix, (form_class, _related, _limit) in ATTACHMENT_FORMS.items()}


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
    """Save everything that is valid, keep the rest on the page with its errors.

    The text and each attachment are saved independently: a rejected photo does not cost the user the
    text they typed, and a mistake in the budget does not cost them the document they uploaded.
    """
    removed = _remove_attachments(practice, request.POST)
    form = ProposalForm(request.POST, instance=practice)
    problems = not form.is_valid()
    if not problems:
        form.save()
    attachment_forms = {}
    for prefix, (form_class, related, limit) in ATTACHMENT_FORMS.items():
        attachment = form_class(request.POST, request.FILES, prefix=prefix)
        if not attachment.has_changed():
            attachment_forms[prefix] = form_class(prefix=prefix)
        elif not attachment.is_valid():
            attachment_forms[prefix], problems = attachment, True
        elif getattr(practice, related).count() >= limit:
            attachment.add_error(None, _("A practice can have at most %(limit)d of these.") % {"limit": limit})
            attachment_forms[prefix], problems = attachment, True
        else:
            attachment.save(practice)
            attachment_forms[prefix] = form_class(prefix=prefix)

    if problems:
        messages.error(request, _("Some fields need your attention (marked below). Everything else is saved."))
        return _render_form(request, practice, form, attachment_forms, status=400)
    if "submit" in request.POST:
        missing = missing_for_review(practice)
        if missing:
            for field, message in missing.items():
                form.add_error(field, message)
            messages.error(
                request, _("Your draft is saved, but it cannot be submitted yet: fill in the marked fields.")
            )
            return _render_form(request, practice, form, attachment_forms, status=400)
        submit(practice)
        messages.success(request, _("Thank you! Your practice is sent to the editors. We will e-mail you."))
        return redirect("accounts:proposal", pk=practice.pk)
    messages.success(
        request, _("Your draft is saved.") if not removed else _("Your draft is saved; the file is removed.")
    )
    return redirect("accounts:proposal", pk=practice.pk)


def _remove_attachments(practice, data):
    """ "Remove" buttons of photos, documents and videos: only the practice's own can be removed."""
    removed = 0
    for prefix, (_form_class, related, _limit) in ATTACHMENT_FORMS.items():
        pk = data.get(f"remove_{prefix}", "")
        if pk.isascii() and pk.isdecimal():
            for attachment in getattr(practice, related).filter(pk=int(pk)):
                attachment.delete()  # one by one, so their files are removed too (signals)
                removed += 1
    return removed


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
