"""Changes to accounts that touch more than the user row."""

from django.conf import settings
from django.db import transaction

from practices.models import Practice


@transaction.atomic
def delete_account(user):
    """Delete the user and everything private to them; what they published stays, without their name.

    Unpublished proposals were never public and go with the account. Published practices keep their
    text (it belongs to the municipality's record) but lose the link to the user and their contact
    details.
    """
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    proposals = Practice.objects.filter(proposed_by=user)
    for draft in proposals.exclude(status=Practice.Status.PUBLISHED):
        draft.delete()  # one by one: their photos and documents leave the storage too (signals)
    # The contact on a practice the user proposed is the user: cleared in every language column
    # (a plain update(contact_name=...) would reach only the current language's column).
    contact_names = {f"contact_name_{code}": "" for code, _name in settings.LANGUAGES}
    proposals.update(contact_email="", contact_phone="", **contact_names)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=user.email).delete()
    # Event registrations are personal data: seats the user held go to the waiting list first.
    from events.models import Registration
    from events.registration import cancel

    for registration in Registration.objects.for_user(user).filter(status__in=Registration.SEAT_HOLDING):
        if not registration.event.is_past:
            cancel(registration)
    Registration.objects.for_user(user).delete()
    # proposed_by is SET_NULL: the published practices stay, anonymised.
    user.delete()
