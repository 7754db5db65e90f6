"""Query budgets of the portal's own pages: home, static pages, search, places, sitemap and the machine paths.

Each page is rendered with one item and with many, under one pinned budget (pretalx style): the budget is
today's count, so an added query fails, and "many" within the same budget proves there is no N+1.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from curation.models import Collection
from portal.models import Municipality, StaticPage
from practices.models import Audience
from tests.factories import (
    EventFactory,
    MunicipalityPicker,
    PracticeFactory,
    PressReleaseFactory,
    ReplicationFactory,
)
from tests.helpers import page_within_budget, response_within_budget

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]


def _ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes + 1)


def _practice(title, minutes=0, **fields):
    """A published practice newer than the sample content, with two sectors and one replication."""
    practice = PracticeFactory(title_en=title, published_at=_ago(minutes), **fields)
    ReplicationFactory(practice=practice, municipality=_other_municipality(practice.municipality))
    return practice


def _other_municipality(municipality):
    return Municipality.objects.exclude(pk=getattr(municipality, "pk", None)).order_by("-pk").first()


def _place():
    """A municipality with a district (so its region and district pages list it)."""
    return MunicipalityPicker.with_coordinates()[0]


# -- home --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_home_page_budget(client, django_assert_max_num_queries, count):
    audiences = list(Audience.objects.order_by("pk")[:3])
    practices = [_practice(f"Zephyr home practice {i:02}", minutes=i, featured=True) for i in range(count)]
    now = timezone.now()
    events = [
        EventFactory(
            title_en=f"Zephyr home event {i:02}",
            starts_at=now + datetime.timedelta(minutes=30 + i),
            ends_at=now + datetime.timedelta(hours=2, minutes=i),
        )
        for i in range(count)
    ]
    news = [PressReleaseFactory(title_en=f"Zephyr home news {i:02}", published_at=_ago(i)) for i in range(count)]
    collections = []
    for i in range(count):
        collection = Collection.objects.create(
            slug=f"zephyr-home-{i:02}",
            title_en=f"Zephyr home collection {i:02}",
            intro_en="For everyone.",
            is_published=True,
        )
        collection.audiences.set(audiences)
        collections.append(collection)
    html = page_within_budget(client, django_assert_max_num_queries, 11, "/en/")
    # The home page shows six featured practices, three events, three news and four collections at most.
    assert practices[0].title_en in html and html.count("Zephyr home practice") == min(count, 6)
    assert events[0].title_en in html and html.count("Zephyr home event") == min(count, 3)
    assert news[0].title_en in html and html.count("Zephyr home news") == min(count, 3)
    assert collections[0].title_en in html
    assert audiences[0].name_en in html


# -- static pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_static_page_budget(client, django_assert_max_num_queries, count):
    pages = [
        StaticPage.objects.create(slug=f"zephyr-page-{i:02}", title_en=f"Zephyr page {i:02}", body_en="Text.")
        for i in range(count)
    ]
    html = page_within_budget(client, django_assert_max_num_queries, 2, f"/en/pages/{pages[-1].slug}/")
    # The page itself and every footer link.
    assert all(page.title_en in html for page in pages)


# -- search ------------------------------------------------------------------------------------------


def _search_budget(on_sqlite):
    """PostgreSQL asks one query more than SQLite: the full-text "few hits?" probe that decides whether
    trigram matching joins in (SQLite has a plain match only)."""
    return on_sqlite + 1 if connection.vendor == "postgresql" else on_sqlite


@pytest.mark.parametrize("count", COUNTS)
def test_search_results_budget(client, django_assert_max_num_queries, count):
    for i in range(count):
        PracticeFactory(title_en=f"Zephyrine practice {i:02}")
        EventFactory(title_en=f"Zephyrine seminar {i:02}")
        PressReleaseFactory(title_en=f"Zephyrine news {i:02}")
    # Cold: the cache is cleared before each test, so the counts and the first results are computed here.
    response = response_within_budget(
        client, django_assert_max_num_queries, _search_budget(8), "/en/search/?q=zephyrine"
    )
    assert response.context["paginator"].count == 3 * count
    hits = response.context["hits"]
    assert len(hits) == min(3 * count, 10)
    assert all(hit.title in response.content.decode() for hit in hits)


@pytest.mark.parametrize("count", COUNTS)
def test_search_filtered_results_budget(client, django_assert_max_num_queries, count):
    place = _place()
    practices = [PracticeFactory(title_en=f"Zephyrine filtered {i:02}", municipality=place) for i in range(count)]
    sector = practices[0].sectors.first()
    url = f"/en/search/?q=zephyrine&type=practice&sector={sector.slug}&region={place.region.slug}"
    response = response_within_budget(client, django_assert_max_num_queries, _search_budget(10), url)
    assert response.context["paginator"].count == count
    hits = response.context["hits"]
    assert [hit.title for hit in hits] and all(hit.title.startswith("Zephyrine filtered") for hit in hits)
    assert response.content.decode().count("Zephyrine filtered") >= min(count, 10)


@pytest.mark.parametrize("count", COUNTS)
def test_search_page_without_a_query_budget(client, django_assert_max_num_queries, count):
    practices = [_practice(f"Zephyr recent practice {i:02}", minutes=i) for i in range(count)]
    html = page_within_budget(client, django_assert_max_num_queries, 4, "/en/search/")
    assert practices[0].title_en in html


# -- places ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_municipality_index_budget(client, django_assert_max_num_queries, count):
    place = _place()
    for i in range(count):
        _practice(f"Zephyr index practice {i:02}", minutes=i, municipality=place)
    html = page_within_budget(client, django_assert_max_num_queries, 3, "/en/municipalities/")
    assert place.name_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_municipality_page_budget(client, django_assert_max_num_queries, count):
    place = _place()
    now = timezone.now()
    practices = [_practice(f"Zephyr local practice {i:02}", minutes=i, municipality=place) for i in range(count)]
    replicated = [
        ReplicationFactory(practice=PracticeFactory(title_en=f"Zephyr replicated {i:02}"), municipality=place)
        for i in range(count)
    ]
    upcoming = [
        EventFactory(
            title_en=f"Zephyr coming {i:02}",
            municipality=place,
            starts_at=now + datetime.timedelta(days=1, minutes=i),
            ends_at=now + datetime.timedelta(days=2),
        )
        for i in range(count)
    ]
    past = [
        EventFactory(
            title_en=f"Zephyr was {i:02}",
            municipality=place,
            starts_at=now - datetime.timedelta(days=2, minutes=-i),
            ends_at=now - datetime.timedelta(days=1),
        )
        for i in range(count)
    ]
    html = page_within_budget(client, django_assert_max_num_queries, 8, f"/en/municipalities/{place.slug}/")
    assert practices[0].title_en in html and html.count("Zephyr local practice") == min(count, 12)
    assert all(replication.practice.title_en in html for replication in replicated)
    assert all(event.title_en in html for event in upcoming)
    assert past[-1].title_en in html and html.count("Zephyr was") == min(count, 10)


@pytest.mark.parametrize("count", COUNTS)
def test_region_page_budget(client, django_assert_max_num_queries, count):
    place = _place()
    practices = [_practice(f"Zephyr regional practice {i:02}", minutes=i, municipality=place) for i in range(count)]
    html = page_within_budget(client, django_assert_max_num_queries, 7, f"/en/regions/{place.region.slug}/")
    assert practices[0].title_en in html
    assert html.count("Zephyr regional practice") == min(count, 12)
    assert place.district.name_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_district_page_budget(client, django_assert_max_num_queries, count):
    place = _place()
    practices = [_practice(f"Zephyr district practice {i:02}", minutes=i, municipality=place) for i in range(count)]
    html = page_within_budget(client, django_assert_max_num_queries, 6, f"/en/districts/{place.district.slug}/")
    assert practices[0].title_en in html
    assert html.count("Zephyr district practice") == min(count, 12)
    assert place.name_en in html


# -- machines ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_sitemap_budget(client, django_assert_max_num_queries, count):
    practices = [_practice(f"Zephyr mapped practice {i:02}", minutes=i) for i in range(count)]
    events = [EventFactory(title_en=f"Zephyr mapped event {i:02}") for i in range(count)]
    xml = page_within_budget(client, django_assert_max_num_queries, 12, "/sitemap.xml")
    assert all(f"/en/practices/{practice.slug}/" in xml for practice in practices)
    assert all(f"/en/events/{event.slug}/" in xml for event in events)


def test_machine_paths_budget(client, django_assert_max_num_queries, sample_content):
    """The load balancer's check asks the database one question; robots.txt and the icon none."""
    with django_assert_max_num_queries(1):
        assert client.get("/healthz").status_code == 200
    with django_assert_max_num_queries(0):
        assert b"Sitemap:" in client.get("/robots.txt").content
    with django_assert_max_num_queries(0):
        assert client.get("/favicon.ico").status_code == 302
