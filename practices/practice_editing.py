"""Saving a practice's text and attachments from one page, for proposals and contest entries alike.

Everything valid is saved, and the rest stays on the page with its errors: a rejected photo does not
cost the user the text they typed, and a mistake in the budget does not cost them the document they
uploaded.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from practices.proposal_forms import ATTACHMENT_FORMS, ProposalForm


@dataclass
class SavedPracticePage:
    form: ProposalForm
    attachment_forms: dict
    problems: bool
    removed: int
    # The attachments this request added, so that a rolled-back request can take their files away.
    added: list

    def delete_added_files(self):
        from practices.file_cleanup import FILE_FIELDS

        for attachment in self.added:
            for name in FILE_FIELDS.get(type(attachment), ()):
                field_file = getattr(attachment, name)
                if field_file and field_file.name:
                    field_file.storage.delete(field_file.name)


def empty_attachment_forms():
    return {prefix: form_class(prefix=prefix) for prefix, (form_class, _related, _limit) in ATTACHMENT_FORMS.items()}


def save_practice_page(request, practice):
    removed = remove_attachments(practice, request.POST)
    form = ProposalForm(request.POST, instance=practice)
    problems = not form.is_valid()
    if not problems:
        form.save()
    attachment_forms, added = {}, []
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
            added.append(attachment.save(practice))
            attachment_forms[prefix] = form_class(prefix=prefix)
    return SavedPracticePage(form, attachment_forms, problems, removed, added)


def remove_attachments(practice, data):
    """ "Remove" buttons of photos, documents and videos: only the practice's own can be removed."""
    removed = 0
    for prefix, (_form_class, related, _limit) in ATTACHMENT_FORMS.items():
        pk = data.get(f"remove_{prefix}", "")
        if pk.isascii() and pk.isdecimal():
            for attachment in getattr(practice, related).filter(pk=int(pk)):
                attachment.delete()  # one by one, so their files are removed too (signals)
                removed += 1
    return removed
