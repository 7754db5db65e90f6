"""Practices proposed by verified municipal users: draft -> in review -> sent back or published.

Every step goes through these functions, whether it comes from the cabinet or from the admin, so the
author and the editors are e-mailed the same way whichever door was used.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.emails import absolute_url, send_to_user, send_to_users
from portal.text import ascii_slug
from practices.models import Practice

EDITORS_GROUP = "Content editors"


SLUG_LENGTH = Practice._meta.get_field("slug").max_length


def unique_slug(title):
    # Room for a "-NN" suffix within the column's length.
    base = ascii_slug(title)[: SLUG_LENGTH - 4].strip("-") or "practice"
    slug, number = base, 2
    while Practice.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def start_proposal(author, language, title):
    """A new draft for the author's own municipality, written in ``language``."""
    return new_draft_practice(author.municipality, language, title, proposed_by=author)


def new_draft_practice(municipality, language, title, proposed_by=None):
    """An unpublished practice with a free slug (proposals and contest entries start this way)."""
    for _attempt in range(5):
        practice = Practice(
            slug=unique_slug(title),
            municipality=municipality,
            proposed_by=proposed_by,
            text_language=language,
            status=Practice.Status.DRAFT,
        )
        setattr(practice, f"title_{language}", title)
        try:
            # Two drafts with the same title at the same moment: the second one takes the next slug.
            with transaction.atomic():
                practice.save()
        except IntegrityError:
            continue
        return practice
    raise IntegrityError("No free slug for a new practice.")


def proposals_of(user):
    """The practices a user proposed; anything else is none of their business (404)."""
    return Practice.objects.filter(proposed_by=user)


@transaction.atomic
def submit(practice):
    """The author hands the proposal to the editors."""
    practice.status = Practice.Status.IN_REVIEW
    practice.submitted_at = timezone.now()
    practice.save(update_fields=["status", "submitted_at", "updated_at"])
    context = {"practice": practice, "title": practice_title(practice)}
    send_to_user(practice.proposed_by, "proposal_submitted", context)
    editors = (
        get_user_model()
        .objects.filter(groups__name=EDITORS_GROUP, is_active=True, is_staff=True)
        .exclude(email="")
        .distinct()
    )
    review_url = absolute_url(f"/admin/practices/practice/{practice.pk}/change/")
    send_to_users(editors, "proposal_to_review", {**context, "review_url": review_url})


@transaction.atomic
def send_back(practice, comment):
    """An editor returns the proposal to its author with what to change."""
    practice.status = Practice.Status.SENT_BACK
    practice.review_comment = comment
    practice.save(update_fields=["status", "review_comment", "updated_at"])
    notify_author(practice)


def notify_author(practice):
    """Tell the author what became of their proposal (sent back or published); nothing for editors' own."""
    if not practice.proposed_by_id:
        return
    template = {
        Practice.Status.SENT_BACK: "proposal_sent_back",
        Practice.Status.PUBLISHED: "proposal_published",
    }.get(practice.status)
    if template:
        send_to_user(practice.proposed_by, template, {"practice": practice, "title": practice_title(practice)})


def practice_title(practice):
    """The title in the language the author wrote it in (the e-mail may be in another language)."""
    return getattr(practice, f"title_{practice.text_language}", "") or practice.title
