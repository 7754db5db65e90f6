"""How events and press releases read in site search."""

from events.models import Event, PressRelease
from portal.search.indexing import Indexer, register


def _event_row(event):
    place = ""
    if event.municipality:
        place = f"{event.municipality.name} {event.municipality.region.name}"
    return {
        "title": event.title or "",
        "summary": event.summary or "",
        "body": event.description or "",
        "keywords": " ".join(filter(None, [event.get_kind_display(), event.venue, place])),
        "places": place,
    }


def _press_release_row(press_release):
    return {
        "title": press_release.title or "",
        "summary": press_release.lead or "",
        "body": press_release.body or "",
        "keywords": press_release.event.title if press_release.event and press_release.event.is_published else "",
    }


def _sectors_of_practices(record):
    """An event or a release is filed under the sectors of the practices it presents."""
    return {sector for practice in record.practices.all() for sector in practice.sectors.all()}


EVENTS = register(
    Indexer(
        kind="event",
        code=2,
        model=Event,
        url_name="events:detail",
        queryset=lambda: Event.objects.select_related("municipality__region").prefetch_related("practices__sectors"),
        row=_event_row,
        is_public=lambda event: event.is_published,
        sectors=_sectors_of_practices,
        region_id=lambda event: event.municipality.region_id if event.municipality else None,
    )
)

PRESS_RELEASES = register(
    Indexer(
        kind="pressrelease",
        code=3,
        model=PressRelease,
        url_name="events:press_release",
        queryset=lambda: PressRelease.objects.select_related("event").prefetch_related("practices__sectors"),
        row=_press_release_row,
        is_public=lambda press_release: press_release.is_published,
        visible_from=lambda press_release: press_release.published_at,
        sectors=_sectors_of_practices,
    )
)
