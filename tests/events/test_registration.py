"""Registering for events: seats, the waiting list, the signed link, e-mails, bots."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events import registration as service
from events.models import Registration
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db

PERSON = {
    "full_name": "Бакыт Асанов",
    "email": "Bakyt@Example.kg",
    "phone": "+996 700 11 22 33",
    "organization": "Kara-Suu city hall",
    "municipality": "",
    "consent": "on",
}


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    """E-mails go out when the transaction commits; in a test, run those callbacks right away."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def register(client, event, language="en", **changes):
    return client.post(f"/{language}/events/{event.slug}/register/", {**PERSON, **changes})


def test_a_visitor_without_an_account_registers_and_gets_the_confirmation(client, send_now):
    event = EventFactory(capacity=10)
    response = send_now(register, client, event, language="ru")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.email, registration.status, registration.seat) == ("bakyt@example.kg", "confirmed", 1)
    assert registration.language == "ru" and registration.consent_at
    page = client.get(response["Location"]).content.decode()
    assert "Бакыт Асанов" in page
    message = mail.outbox[0]
    assert message.to == ["bakyt@example.kg"]
    assert event.title_ru in message.subject
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    assert Calendar.from_ical(content).events[0]["SUMMARY"] == event.title_ru


def test_consent_is_required_and_the_typing_is_kept(client):
    event = EventFactory()
    response = client.post(f"/en/events/{event.slug}/register/", {**PERSON, "consent": ""})
    assert response.status_code == 400
    assert 'value="Бакыт Асанов"' in response.content.decode()
    assert not Registration.objects.exists()


def test_a_second_registration_with_the_same_address_resends_the_confirmation(client, send_now):
    from django.test import Client

    event = EventFactory()
    send_now(register, client, event)
    other_browser = Client()
    response = send_now(register, other_browser, event, email="bakyt@example.kg ")
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["bakyt@example.kg"]
    # Whoever typed the address learns nothing more: no link to the registration, no name.
    assert response["Location"] == f"/en/events/{event.slug}/"
    shown = other_browser.get(response["Location"])
    assert shown.status_code == 200
    page = shown.content.decode()
    assert "already registered for this event" in page
    assert "Бакыт" not in page
    # And the form cannot be used to flood the owner's mailbox.
    send_now(register, other_browser, event)
    assert len(mail.outbox) == 2


def test_when_the_seats_are_taken_people_join_the_waiting_list_and_move_up(client, send_now):
    event = EventFactory(capacity=1)
    send_now(register, client, event, email="first@example.kg")
    send_now(register, client, event, email="second@example.kg")
    send_now(register, client, event, email="third@example.kg")
    first, second, third = Registration.objects.order_by("created_at", "pk")
    assert [first.status, second.status, third.status] == ["confirmed", "waiting", "waiting"]
    mail.outbox.clear()
    promoted = send_now(service.cancel, first)
    assert promoted == second
    second.refresh_from_db()
    assert (second.status, second.seat) == ("confirmed", 1)
    assert {message.to[0] for message in mail.outbox} == {"first@example.kg", "second@example.kg"}
    third.refresh_from_db()
    assert third.status == "waiting"


def test_registration_is_closed_after_the_deadline(client):
    event = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(minutes=1))
    response = register(client, event)
    assert response.status_code == 302
    assert response["Location"] == f"/en/events/{event.slug}/"
    assert not Registration.objects.exists()
    assert "Registration for this event is closed." in client.get(response["Location"]).content.decode()


def test_registration_is_closed_once_the_event_started(client):
    start = timezone.now() - datetime.timedelta(minutes=5)
    event = EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    response = client.post(f"/en/events/{event.slug}/register/", PERSON, follow=True)
    assert response.redirect_chain == [(f"/en/events/{event.slug}/", 302)]
    assert response.status_code == 200
    html = response.content.decode()
    assert event.title_en in html
    assert "Registration for this event is closed." in html
    assert not Registration.objects.exists()


def test_a_tampered_cancel_link_is_rejected(client, send_now):
    event = EventFactory()
    send_now(register, client, event)
    registration = Registration.objects.get()
    token = service.manage_token(registration)
    other = Registration.objects.create(
        event=event, full_name="X", email="x@example.kg", language="en", consent_at=timezone.now(), seat=2
    )
    # The other registration's number with this token's signature: the signature no longer matches.
    from django.core.signing import b64_encode

    forged = b64_encode(str(other.pk).encode()).decode() + token[token.index(":") :]
    assert forged != token
    assert client.post(f"/en/events/registration/{forged}/").status_code == 404
    assert client.post(f"/en/events/registration/{token}x/").status_code == 404
    other.refresh_from_db()
    assert other.status == "confirmed"
    response = client.post(f"/en/events/registration/{token}/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled" and registration.seat is None


def test_the_honeypot_stops_bots_quietly(client):
    event = EventFactory()
    response = register(client, event, website="http://spam.example")
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_too_many_registrations_from_one_address_are_refused(client, settings):
    settings.EVENT_REGISTRATIONS_PER_HOUR = 2
    event = EventFactory()
    for number in range(2):
        assert register(client, event, email=f"p{number}@example.kg").status_code == 302
    response = register(client, event, email="p3@example.kg")
    assert response.status_code == 429
    assert Registration.objects.count() == 2


def test_a_signed_in_users_details_are_filled_in(client):
    user = UserFactory(full_name="Айгүл Бекова", organization="Ak-Suu AO", phone="+996 555 000")
    client.force_login(user)
    html = client.get(f"/en/events/{EventFactory().slug}/").content.decode()
    assert 'value="Айгүл Бекова"' in html
    assert f'value="{user.email}"' in html


def test_registrants_are_never_shown_on_public_pages(client, send_now):
    event = EventFactory(capacity=5)
    send_now(register, client, event)
    client.cookies.clear()
    month = f"{timezone.localtime(event.starts_at):%Y-%m}"
    for url in (
        f"/en/events/{event.slug}/",
        "/en/events/",
        f"/en/events/calendar/?month={month}",
        "/en/events/feed.ics",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert event.title_en in html, url  # the event is shown ...
        assert "Бакыт" not in html, url  # ... its registrants are not
        assert "bakyt@example.kg" not in html, url
        assert "700 11 22" not in html, url
    assert "4 seats left" in client.get(f"/en/events/{event.slug}/").content.decode()


def test_the_reminder_is_sent_once(client, send_now):
    from django.core.management import call_command

    soon = EventFactory(starts_at=timezone.now() + datetime.timedelta(hours=20))
    later = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=5))
    send_now(register, client, soon)
    send_now(register, client, later)
    mail.outbox.clear()
    send_now(call_command, "send_event_reminders")
    send_now(call_command, "send_event_reminders")
    assert len(mail.outbox) == 1
    assert soon.title_en in mail.outbox[0].subject
    assert Registration.objects.get(event=soon).reminder_sent_at is not None


def test_the_cabinet_lists_my_registrations_and_cancels_only_mine(client, send_now):
    from allauth.account.models import EmailAddress

    user = UserFactory(email="bakyt@example.kg")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    event = EventFactory()
    send_now(register, client, event)
    client.force_login(user)
    assert event.title_en in client.get("/en/account/").content.decode()
    stranger = Registration.objects.create(
        event=event, full_name="S", email="s@example.kg", language="en", consent_at=timezone.now(), seat=2
    )
    assert client.post(f"/en/account/registrations/{stranger.pk}/cancel/").status_code == 404
    mine = Registration.objects.get(email="bakyt@example.kg")
    assert client.post(f"/en/account/registrations/{mine.pk}/cancel/").status_code == 302
    mine.refresh_from_db()
    assert mine.status == "cancelled"


def test_deleting_a_registration_in_the_admin_moves_the_waiting_list_up(admin_client, client):
    event = EventFactory(capacity=1)
    register(client, event, email="spam@example.kg")
    register(client, event, email="real@example.kg")
    spam = Registration.objects.get(email="spam@example.kg")
    admin_client.post(f"/admin/events/registration/{spam.pk}/delete/", {"post": "yes"})
    assert not Registration.objects.filter(email="spam@example.kg").exists()
    assert Registration.objects.get(email="real@example.kg").status == "confirmed"


def test_an_unverified_address_does_not_claim_someone_elses_registration(client, send_now):
    from allauth.account.models import EmailAddress

    event = EventFactory()
    send_now(register, client, event)
    impostor = UserFactory(email="bakyt@example.kg")
    EmailAddress.objects.create(user=impostor, email=impostor.email, verified=False, primary=True)
    client.force_login(impostor)
    cabinet = client.get("/en/account/")
    assert cabinet.status_code == 200
    html = cabinet.content.decode()
    assert "You have not registered for any upcoming events." in html
    assert event.title_en not in html
    registration = Registration.objects.get()
    assert client.post(f"/en/account/registrations/{registration.pk}/cancel/").status_code == 404


def test_lowering_the_capacity_never_overbooks(client, send_now):
    event = EventFactory(capacity=3)
    for number in range(4):
        register(client, event, email=f"p{number}@example.kg")
    event.capacity = 2
    event.save()
    service.cancel(Registration.objects.get(seat=1))
    assert Registration.objects.holding_seats().count() == 2
    register(client, event, email="late@example.kg")
    assert Registration.objects.get(email="late@example.kg").status == "waiting"
    service.cancel(Registration.objects.get(seat=2))
    # Now a seat is really free: it goes to the first in the queue, not to the latecomer.
    assert Registration.objects.holding_seats().count() == 2
    assert Registration.objects.get(email="p3@example.kg").status == "confirmed"
    assert Registration.objects.get(email="late@example.kg").status == "waiting"


def test_newcomers_do_not_jump_the_waiting_list(client):
    event = EventFactory(capacity=1)
    register(client, event, email="first@example.kg")
    register(client, event, email="waiting@example.kg")
    event.capacity = 2
    event.save()  # raised outside the admin, so nobody moved up yet
    register(client, event, email="newcomer@example.kg")
    assert Registration.objects.get(email="waiting@example.kg").status == "confirmed"
    assert Registration.objects.get(email="newcomer@example.kg").status == "waiting"


def test_deleting_spam_in_bulk_keeps_the_queue_right(admin_client, client):
    event = EventFactory(capacity=1)
    for address in ("spam1@example.kg", "spam2@example.kg", "real@example.kg"):
        register(client, event, email=address)
    spam = Registration.objects.filter(email__startswith="spam")
    admin_client.post(
        "/admin/events/registration/",
        {"action": "delete_selected", "_selected_action": [r.pk for r in spam], "post": "yes"},
    )
    assert list(Registration.objects.values_list("email", "status")) == [("real@example.kg", "confirmed")]


def test_a_registration_cannot_be_cancelled_once_the_event_started(client, send_now):
    event = EventFactory()
    send_now(register, client, event)
    registration = Registration.objects.get()
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1), ends_at=timezone.now() + datetime.timedelta(hours=2)
    )
    url = f"/en/events/registration/{service.manage_token(registration)}/"
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "The event has started: the registration can no longer be cancelled." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
