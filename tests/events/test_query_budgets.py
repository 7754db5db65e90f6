"""Query budgets of the events and the news: lists, calendar, feeds, event and press-release pages, and the
registrant's own page.

Each page is rendered with one item and with many, under one pinned budget (pretalx style): the budget is
today's count, so an added query fails, and "many" within the same budget proves there is no N+1.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import EventMaterial, Registration
from events.registration import manage_token
from tests.factories import (
    EventFactory,
    MunicipalityPicker,
    OrganizationFactory,
    PracticeFactory,
    PressReleaseFactory,
    ReplicationFactory,
)
from tests.helpers import page_within_budget, post_within_budget

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]
EVENTS_PER_PAGE = 12
NEWS_PER_PAGE = 10


def _soon(minutes):
    return timezone.now() + datetime.timedelta(minutes=30 + minutes)


def _upcoming(count, prefix, **fields):
    """Upcoming events sooner than the sample content's, each somewhere (its place is shown)."""
    places = MunicipalityPicker.with_coordinates()
    return [
        EventFactory(
            title_en=f"{prefix} {i:02}",
            starts_at=_soon(i),
            ends_at=_soon(i) + datetime.timedelta(hours=2),
            municipality=places[i % len(places)],
            **fields,
        )
        for i in range(count)
    ]


def _registration(event, number, user=None, seat=None):
    return Registration.objects.create(
        event=event,
        user=user,
        full_name=f"Zephyr guest {number:02}",
        email=f"guest{number}@zephyr.kg",
        language="en",
        status=Registration.Status.CONFIRMED,
        seat=seat or number + 1,
        consent_at=timezone.now(),
    )


# -- lists -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_upcoming_events_budget(client, django_assert_max_num_queries, count):
    events = _upcoming(count, "Zephyr upcoming event")
    html = page_within_budget(client, django_assert_max_num_queries, 4, "/en/events/")
    assert html.count("Zephyr upcoming event") == min(count, EVENTS_PER_PAGE)
    assert events[0].title_en in html and events[0].municipality.name_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_filtered_events_budget(client, django_assert_max_num_queries, count):
    events = _upcoming(count, "Zephyr filtered event", kind="training")
    region = events[0].municipality.region
    html = page_within_budget(
        client, django_assert_max_num_queries, 5, f"/en/events/?kind=training&region={region.slug}"
    )
    assert events[0].title_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_past_events_budget(client, django_assert_max_num_queries, count):
    now = timezone.now()
    places = MunicipalityPicker.with_coordinates()
    events = [
        EventFactory(
            title_en=f"Zephyr past event {i:02}",
            starts_at=now - datetime.timedelta(hours=3, minutes=i),
            ends_at=now - datetime.timedelta(hours=1, minutes=i),
            municipality=places[i % len(places)],
        )
        for i in range(count)
    ]
    html = page_within_budget(client, django_assert_max_num_queries, 4, "/en/events/past/")
    assert html.count("Zephyr past event") == min(count, EVENTS_PER_PAGE)
    assert events[0].title_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_calendar_budget(client, django_assert_max_num_queries, count):
    start = timezone.make_aware(datetime.datetime(2031, 3, 3, 10))
    events = [
        EventFactory(
            title_en=f"Zephyr calendar event {i:02}",
            starts_at=start + datetime.timedelta(days=i % 25, minutes=i),
            ends_at=start + datetime.timedelta(days=i % 25, hours=2),
        )
        for i in range(count)
    ]
    html = page_within_budget(client, django_assert_max_num_queries, 2, "/en/events/calendar/?month=2031-03")
    assert all(event.title_en in html for event in events)


@pytest.mark.parametrize("count", COUNTS)
def test_upcoming_events_ical_feed_budget(client, django_assert_max_num_queries, count):
    events = _upcoming(count, "Zephyr feed event")
    calendar = page_within_budget(client, django_assert_max_num_queries, 1, "/en/events/feed.ics")
    assert all(event.title_en in calendar for event in events)


@pytest.mark.parametrize("count", COUNTS)
def test_news_list_budget(client, django_assert_max_num_queries, count):
    news = [
        PressReleaseFactory(title_en=f"Zephyr news {i:02}", published_at=timezone.now() - datetime.timedelta(minutes=i))
        for i in range(count)
    ]
    html = page_within_budget(client, django_assert_max_num_queries, 3, "/en/news/")
    assert html.count("Zephyr news") == min(count, NEWS_PER_PAGE)
    assert news[0].title_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_news_feed_budget(client, django_assert_max_num_queries, count):
    news = [
        PressReleaseFactory(
            title_en=f"Zephyr feed news {i:02}", published_at=timezone.now() - datetime.timedelta(minutes=i)
        )
        for i in range(count)
    ]
    feed = page_within_budget(client, django_assert_max_num_queries, 1, "/en/news/feed/")
    assert all(item.title_en in feed for item in news)


# -- the event page ----------------------------------------------------------------------------------


def _full_event(count):
    """An upcoming event with a seat limit and ``count`` organizers, materials, practices, news and
    registrations."""
    event = _upcoming(1, "Zephyr full event", capacity=100)[0]
    event.organizers.set([OrganizationFactory(name_en=f"Zephyr organizer {i:02}") for i in range(count)])
    for i in range(count):
        EventMaterial.objects.create(
            event=event,
            title_en=f"Zephyr material {i:02}",
            file=ContentFile(b"%PDF-1.4 programme", name="programme.pdf"),
            position=i,
        )
        practice = PracticeFactory(title_en=f"Zephyr presented practice {i:02}")
        ReplicationFactory(practice=practice)
        event.practices.add(practice)
        PressReleaseFactory(title_en=f"Zephyr event news {i:02}", event=event)
        _registration(event, i)
    return event


def _assert_shows_everything(html, event, count):
    assert event.title_en in html
    assert f"{100 - count} seats left" in html
    for i in range(count):
        for what in ("organizer", "material", "presented practice", "event news"):
            assert f"Zephyr {what} {i:02}" in html, (what, i)


@pytest.mark.parametrize("count", COUNTS)
def test_event_page_budget(client, django_assert_max_num_queries, count):
    event = _full_event(count)
    html = page_within_budget(client, django_assert_max_num_queries, 9, f"/en/events/{event.slug}/")
    _assert_shows_everything(html, event, count)


@pytest.mark.parametrize("count", COUNTS)
def test_event_page_signed_in_budget(client, django_assert_max_num_queries, outsider, count):
    event = _full_event(count)
    client.force_login(outsider)
    html = page_within_budget(client, django_assert_max_num_queries, 11, f"/en/events/{event.slug}/")
    _assert_shows_everything(html, event, count)
    assert outsider.email in html  # the form is filled in for a signed-in user


@pytest.mark.parametrize("count", COUNTS)
def test_event_calendar_file_budget(client, django_assert_max_num_queries, count):
    event = _full_event(count)
    calendar = page_within_budget(client, django_assert_max_num_queries, 1, f"/en/events/{event.slug}/calendar.ics")
    assert event.title_en in calendar


@pytest.mark.parametrize("count", COUNTS)
def test_registration_page_budget(client, django_assert_max_num_queries, count):
    """The registrant's own page, with ``count`` people registered for the event."""
    event = _full_event(count)
    mine = Registration.objects.filter(event=event).order_by("pk").last()
    html = page_within_budget(
        client, django_assert_max_num_queries, 2, f"/en/events/registration/{manage_token(mine)}/"
    )
    assert event.title_en in html and mine.full_name in html and mine.email in html


# -- the press-release page --------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_press_release_page_budget(client, django_assert_max_num_queries, count):
    event = _upcoming(1, "Zephyr reported event")[0]
    news = PressReleaseFactory(title_en="Zephyr full news", event=event, media_contact_en="Zephyr press office")
    practices = []
    for i in range(count):
        practice = PracticeFactory(title_en=f"Zephyr news practice {i:02}")
        ReplicationFactory(practice=practice)
        practices.append(practice)
    news.practices.set(practices)
    html = page_within_budget(client, django_assert_max_num_queries, 4, f"/en/news/{news.slug}/")
    assert news.title_en in html and event.title_en in html
    assert all(practice.title_en in html for practice in practices)


# -- what the forms of these pages send --------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_registering_budget(client, django_assert_max_num_queries, count):
    """A visitor registers for an event ``count`` people have registered for already."""
    event = _full_event(count)
    data = {"full_name": "Zephyr Newcomer", "email": "newcomer@zephyr.kg", "consent": "on", "municipality": ""}
    post_within_budget(client, django_assert_max_num_queries, 9, f"/en/events/{event.slug}/register/", data)
    assert Registration.objects.get(event=event, email="newcomer@zephyr.kg").seat == count + 1


@pytest.mark.parametrize("count", [1, 2, 20])
def test_cancelling_from_the_registration_page_budget(client, django_assert_max_num_queries, count):
    """A registrant cancels; the event is full and ``count`` people wait: the first of them gets the seat.

    With one person waiting the loop over the waiting list ends by itself (12 queries); with two or more
    it asks once more for a free seat before it stops (13): a constant, not one per person waiting."""
    event = _upcoming(1, "Zephyr full house", capacity=count)[0]
    registrations = [_registration(event, i) for i in range(count)]
    waiting = [
        Registration.objects.create(
            event=event,
            full_name=f"Zephyr waiting {i:02}",
            email=f"waiting{i}@zephyr.kg",
            language="en",
            status=Registration.Status.WAITING,
            consent_at=timezone.now(),
        )
        for i in range(count)
    ]
    url = f"/en/events/registration/{manage_token(registrations[0])}/"
    post_within_budget(client, django_assert_max_num_queries, 13, url, {})
    waiting[0].refresh_from_db()
    assert waiting[0].status == Registration.Status.CONFIRMED
