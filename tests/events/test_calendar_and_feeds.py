import datetime
import xml.etree.ElementTree as ElementTree
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import Event, PressRelease
from tests.factories import EventFactory, PressReleaseFactory, UserFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

BISHKEK = ZoneInfo("Asia/Bishkek")


def test_add_to_calendar_gives_a_valid_ics_in_bishkek_time(client):
    start = datetime.datetime(2030, 3, 14, 10, 0, tzinfo=BISHKEK)
    event = EventFactory(
        title_ru="Семинар о бюджете", starts_at=start, ends_at=start + datetime.timedelta(hours=3), venue_ru="Ош"
    )
    response = client.get(f"/ru/events/{event.slug}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    entry = calendar.events[0]
    assert entry["SUMMARY"] == "Семинар о бюджете"
    assert entry.start == start and entry.start.tzinfo.key == "Asia/Bishkek"
    assert entry.end - entry.start == datetime.timedelta(hours=3)
    assert "DTSTART;TZID=Asia/Bishkek:20300314T100000" in response.content.decode()
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Bishkek"]
    assert f"/ru/events/{event.slug}/" in str(entry["URL"])


def test_the_events_feed_lists_upcoming_events_only(client):
    EventFactory(title_en="Coming seminar")
    past = timezone.now() - datetime.timedelta(days=20)
    EventFactory(title_en="Old seminar", starts_at=past, ends_at=past + datetime.timedelta(hours=2))
    calendar = Calendar.from_ical(client.get("/en/events/feed.ics").content)
    summaries = [str(event["SUMMARY"]) for event in calendar.events]
    assert "Coming seminar" in summaries and "Old seminar" not in summaries
    # The sample content's upcoming events are there too, and nothing that has ended.
    assert len(summaries) == Event.objects.published().filter(ends_at__gte=timezone.now()).count()
    assert all(event.end > timezone.now() for event in calendar.events)


def test_the_news_feed_is_valid_atom_in_the_pages_language(client):
    PressReleaseFactory(title_ru="Новость о практике", title_en="News about a practice")
    response = client.get("/ru/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    titles = [entry.find(f"{atom}title").text for entry in root.iter(f"{atom}entry")]
    # The newest first, then the sample content's releases, all in Russian.
    assert titles[0] == "Новость о практике"
    assert titles == list(PressRelease.objects.published().values_list("title_ru", flat=True)[:30])
    assert root.find(f"{atom}link").get("href").endswith("/ru/news/")
    assert root.find(f"{atom}author/{atom}name").text == "Портал лучших практик МСУ"


def test_events_filter_by_kind_format_and_month(client):
    start = timezone.localtime() + datetime.timedelta(days=40)
    EventFactory(title_en="Online consultation", kind="consultation", is_online=True, starts_at=start, ends_at=start)
    EventFactory(title_en="Seminar in Osh", kind="seminar")
    seminars = client.get("/en/events/?kind=seminar")
    assert seminars.status_code == 200
    html = seminars.content.decode()
    assert "Seminar in Osh" in html
    assert "Online consultation" not in html
    online = client.get("/en/events/?format=online")
    assert online.status_code == 200
    html = online.content.decode()
    assert "Online consultation" in html
    assert "Seminar in Osh" not in html
    html = client.get(f"/en/events/?month={start:%Y-%m}").content.decode()
    assert "Online consultation" in html


def test_unreadable_filters_are_ignored_with_a_note(client):
    EventFactory(title_en="Seminar in Osh")
    html = client.get("/en/events/?kind=circus&month=2020-99").content.decode()
    assert "Seminar in Osh" in html
    assert "could not be read" in html


def test_the_month_calendar_shows_the_events_of_the_month(client):
    start = datetime.datetime(2031, 5, 20, 9, 0, tzinfo=BISHKEK)
    EventFactory(title_en="Exchange visit to Talas", starts_at=start, ends_at=start + datetime.timedelta(days=2))
    html = client.get("/en/events/calendar/?month=2031-05").content.decode()
    assert html.count("Exchange visit to Talas") == 3  # it runs three days
    assert "?month=2031-04" in html and "?month=2031-06" in html
    for month in ("nonsense", "9999-12", "0001-01"):
        assert client.get(f"/en/events/calendar/?month={month}").status_code == 200
    assert client.get("/en/events/?month=9999-12").status_code == 200


def test_the_event_list_issues_the_same_queries_for_one_and_for_many(client):
    EventFactory()
    one = count_queries(client, "/en/events/")
    for _ in range(11):
        EventFactory()
    assert count_queries(client, "/en/events/") == one


def test_the_registration_csv_is_for_staff_only(client, editor):
    from events.models import Registration

    event = EventFactory()
    Registration.objects.create(
        event=event, full_name="=cmd", email="=cmd|'/Ccalc'!A0@x.kg", language="ky", consent_at=timezone.now(), seat=1
    )
    url = f"/admin/events/event/{event.pk}/registrations.csv"
    for visitor in (None, UserFactory()):  # signed out, then signed in without being staff
        if visitor:
            client.force_login(visitor)
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/admin/login/?next={url}"
    client.force_login(editor)
    client.cookies["django_language"] = "en"  # the admin has no language prefix
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("Full name,E-mail,Phone,Organization,Municipality")
    assert row.startswith("'=cmd,'=cmd|")


def test_organizers_mark_attendance_and_write_to_participants(client, editor, django_capture_on_commit_callbacks):
    from django.core import mail

    from events.models import Registration

    event = EventFactory()
    registration = Registration.objects.create(
        event=event, full_name="A", email="a@example.kg", language="ru", consent_at=timezone.now(), seat=1
    )
    client.force_login(editor)
    client.cookies["django_language"] = "en"  # the admin has no language prefix
    client.post("/admin/events/registration/", {"action": "mark_attended", "_selected_action": [registration.pk]})
    registration.refresh_from_db()
    assert registration.status == "attended"
    form = client.post("/admin/events/event/", {"action": "email_participants", "_selected_action": [event.pk]})
    assert b"1 confirmed participant" in form.content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/events/event/",
            {
                "action": "email_participants",
                "_selected_action": [event.pk],
                "send": "1",
                "subject": "Bus leaves at 8:00",
                "message": "Meet at the city hall.",
            },
        )
    assert mail.outbox[-1].subject == "Bus leaves at 8:00"
    assert "Meet at the city hall." in mail.outbox[-1].body
