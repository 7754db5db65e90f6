"""Signing up for an event, cancelling, and the waiting list.

Every change that takes or frees a seat locks the event's row first (SELECT ... FOR UPDATE), so sign-ups
for the same event queue up: the count of taken seats is read and the new seat written before the next
one looks. The unique (event, seat) constraint is the backstop should that ever be bypassed.
"""

from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.emails import absolute_url, send_to_address
from events.calendar import event_ics
from events.models import Event, Registration

CANCEL_SALT = "events.registration.manage"
RESEND_INTERVAL_SECONDS = 600


class RegistrationClosed(Exception):
    """The event does not take registrations now (not yet open, past its deadline, or off)."""


@dataclass
class Outcome:
    registration: Registration
    # "confirmed", "waiting" or "already" (the address was registered before; the e-mail is re-sent)
    result: str


def _next_free_seat(event):
    """The lowest seat number nobody holds, or None when the event is full (also when an organizer
    lowered the capacity below the seats already given)."""
    taken = set(event.registrations.holding_seats().values_list("seat", flat=True))
    if event.capacity is not None and len(taken) >= event.capacity:
        return None
    return next(seat for seat in range(1, len(taken) + 2) if seat not in taken)


def _seats_can_move(event):
    """Seats change hands only before the event starts, and only for a published event."""
    return event.is_published and timezone.now() < event.starts_at


def _fill_from_waiting_list(event):
    """Give free seats to the people waiting, first come first served; returns who moved up."""
    promoted = []
    if not _seats_can_move(event):
        return promoted
    for waiting in event.registrations.waiting().select_for_update():
        seat = _next_free_seat(event)
        if seat is None:
            break
        waiting.status = Registration.Status.CONFIRMED
        waiting.seat = seat
        waiting.save(update_fields=["status", "seat", "updated_at"])
        send_registration_email(waiting, template="registration_promoted")
        promoted.append(waiting)
    return promoted


@transaction.atomic
def register(event, *, full_name, email, phone="", organization="", municipality=None, language, user=None):
    """Register a person, or put them on the waiting list when every seat is taken."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.registration_state() != "open":
        raise RegistrationClosed
    email = email.strip().lower()
    existing = Registration.objects.filter(event=event, email=email).first()
    if existing and existing.status != Registration.Status.CANCELLED:
        # Whoever typed the address gets no access to the registration: the e-mail goes to its owner,
        # at most once in ten minutes (the form must not become a way to flood someone's mailbox).
        if cache.add(f"registration-resent:{existing.pk}", True, RESEND_INTERVAL_SECONDS):
            send_registration_email(existing)
        return Outcome(existing, "already")

    # Anyone already waiting is served before a newcomer.
    _fill_from_waiting_list(event)
    registration = existing or Registration(event=event, email=email)
    registration.full_name = full_name
    registration.phone = phone
    registration.organization = organization
    registration.municipality = municipality
    registration.language = language
    registration.user = user or registration.user
    registration.consent_at = timezone.now()
    registration.created_at = timezone.now()  # a returning registrant queues from now
    registration.cancelled_at = None
    registration.reminder_sent_at = None
    registration.seat = _next_free_seat(event)
    registration.status = Registration.Status.CONFIRMED if registration.seat else Registration.Status.WAITING
    registration.save()
    send_registration_email(registration)
    return Outcome(registration, registration.status)


def can_cancel(registration):
    """The registrant may cancel until the event starts; attendance, once marked, stays."""
    return registration.status in (Registration.Status.CONFIRMED, Registration.Status.WAITING) and (
        timezone.now() < registration.event.starts_at
    )


@transaction.atomic
def cancel(registration):
    """Free the registration's seat (or its place in the queue) and give the seat to the first person
    waiting (before the event starts). Returns the promoted registration, if any."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return None
    registration.status = Registration.Status.CANCELLED
    registration.seat = None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "seat", "cancelled_at", "updated_at"])
    if not event.is_past:
        send_registration_email(registration, template="registration_cancelled")
    promoted = _fill_from_waiting_list(event)
    return promoted[0] if promoted else None


@transaction.atomic
def fill_free_seats(event):
    """After an organizer raises the capacity: confirm people from the waiting list, in order."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    return _fill_from_waiting_list(event)


def mark_attended(registrations):
    return registrations.filter(status=Registration.Status.CONFIRMED).update(
        status=Registration.Status.ATTENDED, updated_at=timezone.now()
    )


# The signed link in the e-mails: whoever holds it may see and cancel that one registration.


def manage_token(registration):
    # Signed, not encrypted: it carries only the registration's number, never the e-mail address.
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_from_token(token):
    """The registration the token was made for, or None if the token was altered or does not match."""
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("event__municipality__region").filter(pk=pk).first()


def manage_url(registration):
    return reverse("events:registration", args=[manage_token(registration)])


def send_registration_email(registration, template=None):
    """The e-mail for the registration's current state; a confirmed seat comes with the event as .ics."""
    template = (
        template
        or {
            Registration.Status.CONFIRMED: "registration_confirmed",
            Registration.Status.ATTENDED: "registration_confirmed",
            Registration.Status.WAITING: "registration_waiting",
        }[registration.status]
    )
    send_to_registrant(registration, template)


# These e-mails carry the event for the registrant's calendar.
WITH_CALENDAR_FILE = ("registration_confirmed", "registration_promoted", "registration_reminder")


def send_to_registrant(registration, template, extra_context=None):
    """An e-mail to a registrant (account or not), in the language they registered in."""
    attachments = []
    if template in WITH_CALENDAR_FILE:
        attachments.append(("event.ics", event_ics([registration.event], registration.language), "text/calendar"))
    with translation.override(registration.language):
        link = absolute_url(manage_url(registration))
    send_to_address(
        registration.email,
        registration.language,
        template,
        {"registration": registration, "event": registration.event, "manage_url": link, **(extra_context or {})},
        attachments=attachments,
    )
