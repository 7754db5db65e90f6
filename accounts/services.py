"""Changes to accounts that touch more than the user row."""

from django.db import transaction

from practices.models import Practice


@transaction.atomic
def delete_account(user):
    """Delete the user and everything private to them; what they published stays, without their name.

    Unpublished proposals were never public and go with the account. Published practices keep their
    text (it belongs to the municipality's record) but lose the link to the user, and the contact
    details are cleared where they were the user's own.
    """
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    proposals = Practice.objects.filter(proposed_by=user)
    proposals.exclude(status=Practice.Status.PUBLISHED).delete()
    proposals.filter(contact_email__iexact=user.email).update(contact_name="", contact_email="", contact_phone="")
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=user.email).delete()
    # proposed_by is SET_NULL: the published practices stay, anonymised.
    user.delete()
