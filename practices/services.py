"""Writes to practices that touch more than one row."""

from django.db import transaction
from django.utils import timezone

from practices.models import Practice


@transaction.atomic
def set_status(practices, status):
    """Publish or send back several practices. Each is saved on its own (not a bulk UPDATE), so its
    year, its search rows and everything else that listens to saves stay right; returns how many."""
    from practices.proposals import notify_author

    count = 0
    for practice in practices.select_related(None).select_for_update(of=("self",)):
        changed = practice.status != status
        practice.status = status
        if status == Practice.Status.PUBLISHED and practice.published_at is None:
            practice.published_at = timezone.now()
        practice.save()
        if changed:
            notify_author(practice)
        count += 1
    return count
