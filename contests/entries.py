"""Entering a contest: a draft that a verified municipal user fills over days, submitted before the
deadline. The deadline is checked on the server inside the transaction that saves the entry, so a
submission racing it either lands complete or not at all."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.emails import send_to_user
from contests.models import Entry
from practices.proposal_forms import missing_for_review
from practices.proposals import new_draft_practice


class SubmissionsClosed(Exception):
    """The contest does not take or change entries now."""


def entries_of(user):
    """The entries a user made; anyone else's answer 404."""
    return (
        Entry.objects.filter(applicant=user)
        .select_related("contest", "practice", "municipality")
        .prefetch_related("answers__question")
    )


def may_enter(user, contest):
    return user.is_authenticated and user.is_verified_municipal_user and contest.accepts_submissions()


def is_editable(entry, user):
    """Until the deadline the applicant may change a draft or a submitted entry."""
    return (
        entry.status in (Entry.Status.DRAFT, Entry.Status.SUBMITTED)
        and entry.contest.accepts_submissions()
        and user.is_verified_municipal_user
        and user.municipality_id == entry.municipality_id
    )


@transaction.atomic
def start_entry(user, contest, language, title):
    if not may_enter(user, contest):
        raise SubmissionsClosed
    practice = new_draft_practice(user.municipality, language, title)
    return Entry.objects.create(contest=contest, practice=practice, municipality=user.municipality, applicant=user)


def missing_for_submission(entry):
    """{field: message} for what the entry still lacks: the practice's sections, the contest's
    required questions, and a sector the contest accepts."""
    missing = missing_for_review(entry.practice)
    # Read afresh (not from a prefetch made before this request saved the answers).
    answered = set(entry.answers.exclude(text="").values_list("question_id", flat=True))
    for question in entry.contest.questions.filter(required=True):
        if question.pk not in answered:
            missing[f"question_{question.pk}"] = _("Needed before you can submit the entry.")
    eligible = set(entry.contest.eligible_sectors.values_list("pk", flat=True))
    if (
        eligible
        and "sectors" not in missing
        and not set(entry.practice.sectors.values_list("pk", flat=True)) & eligible
    ):
        missing["sectors"] = _("This contest accepts practices of other sectors: choose one of them.")
    return missing


def submit(entry):
    """Mark the entry submitted; to be called inside the transaction that saved it, which a closed
    deadline rolls back as a whole."""
    if not entry.contest.accepts_submissions(timezone.now()):
        raise SubmissionsClosed
    first_time = entry.status == Entry.Status.DRAFT
    entry.status = Entry.Status.SUBMITTED
    entry.submitted_at = timezone.now()
    entry.save(update_fields=["status", "submitted_at", "updated_at"])
    if first_time and entry.applicant:
        send_to_user(entry.applicant, "contest_entry_received", {"entry": entry, "contest": entry.contest})
