"""Query budgets of the collections: their list and a collection's page with everything it gathers.

Each page is rendered with one item and with many, under one pinned budget (pretalx style): the budget is
today's count, so an added query fails, and "many" within the same budget proves there is no N+1.
"""

import pytest
from django.core.files.base import ContentFile

from curation.models import Collection
from lessons.models import VideoLesson
from library.models import LibraryDocument, LibraryFile
from practices.models import Audience, Sector
from tests.factories import EventFactory, OrganizationFactory, PracticeFactory, ReplicationFactory
from tests.helpers import page_within_budget

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]


def _collection(slug, title, audiences):
    collection = Collection.objects.create(slug=slug, title_en=title, intro_en="Gathered for you.", is_published=True)
    collection.audiences.set(audiences)
    return collection


def _document(number):
    document = LibraryDocument.objects.create(
        slug=f"zephyr-gathered-guide-{number:02}",
        title_en=f"Zephyr gathered guide {number:02}",
        kind="guide",
        year=2090,
        publisher=OrganizationFactory(name_en=f"Zephyr publisher {number:02}"),
        is_published=True,
    )
    document.sectors.set(Sector.objects.order_by("pk")[:2])
    for language in ("ky", "ru"):
        LibraryFile(document=document, language=language).file.save(
            f"{document.slug}-{language}.pdf", ContentFile(b"%PDF-1.4 guide")
        )
    return document


def _lesson(number):
    return VideoLesson.objects.create(
        slug=f"zephyr-gathered-lesson-{number:02}",
        title_en=f"Zephyr gathered lesson {number:02}",
        video_url="https://www.youtube.com/watch?v=LSGlesson01",
        duration_minutes=12,
        is_published=True,
    )


@pytest.mark.parametrize("count", COUNTS)
def test_collection_list_budget(client, django_assert_max_num_queries, count):
    audiences = list(Audience.objects.order_by("pk")[:3])
    collections = [_collection(f"zephyr-shelf-{i:02}", f"Zephyr shelf {i:02}", audiences) for i in range(count)]
    html = page_within_budget(client, django_assert_max_num_queries, 3, "/en/collections/")
    assert all(collection.title_en in html for collection in collections)
    assert all(audience.name_en in html for audience in audiences)


@pytest.mark.parametrize("count", COUNTS)
def test_collection_page_budget(client, django_assert_max_num_queries, count):
    collection = _collection("zephyr-full-shelf", "Zephyr full shelf", Audience.objects.order_by("pk")[:count])
    for i in range(count):
        practice = PracticeFactory(title_en=f"Zephyr gathered practice {i:02}")
        ReplicationFactory(practice=practice)
        collection.practices.add(practice)
        collection.documents.add(_document(i))
        collection.lessons.add(_lesson(i))
        collection.events.add(EventFactory(title_en=f"Zephyr gathered event {i:02}"))
    html = page_within_budget(client, django_assert_max_num_queries, 10, f"/en/collections/{collection.slug}/")
    for i in range(count):
        for what in ("practice", "guide", "lesson", "event"):
            assert f"Zephyr gathered {what} {i:02}" in html, (what, i)
        assert f"Zephyr publisher {i:02}" in html
    assert all(audience.name_en in html for audience in collection.audiences.all())
