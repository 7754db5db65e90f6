"""Events as iCalendar (RFC 5545): one event for "add to calendar" and the e-mails, or the feed of
upcoming events. Times are written in Asia/Bishkek with its VTIMEZONE, so every calendar shows the local
time of the event whatever the reader's own zone."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from accounts.emails import absolute_url

EVENT_TIME_ZONE = ZoneInfo("Asia/Bishkek")


def _location(event):
    parts = [event.venue]
    if event.municipality:
        parts.append(event.municipality.name)
    if event.is_online:
        parts.append(event.livestream_url or translation.gettext("Online"))
    return ", ".join(part for part in parts if part)


def _calendar_event(event):
    url = absolute_url(event.get_absolute_url())
    description = "\n\n".join(part for part in (event.summary, url) if part)
    entry = CalendarEvent.new(
        uid=f"event-{event.pk}@{settings.SITE_URL.split('://')[-1]}",
        summary=event.title,
        start=event.starts_at.astimezone(EVENT_TIME_ZONE),
        end=event.ends_at.astimezone(EVENT_TIME_ZONE),
        stamp=timezone.now(),
        last_modified=event.updated_at,
        description=description,
        location=_location(event) or None,
        url=url,
    )
    return entry


def event_ics(events, language):
    """The events as the bytes of an .ics file, texts in ``language``."""
    with translation.override(language):
        calendar = Calendar.new(
            prodid="-//LSG Best Practice Portal//Events//EN",
            name=translation.gettext("Events of the LSG Best Practice Portal"),
            method="PUBLISH",
            subcomponents=[_calendar_event(event) for event in events],
        )
        calendar.add_missing_timezones()
        return calendar.to_ical()
