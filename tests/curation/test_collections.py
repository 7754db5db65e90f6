"""Collections for an audience; the new sections in search, the sitemap and the home page."""

import pytest

from curation.models import Collection
from practices.models import Audience
from tests.factories import EventFactory, LibraryDocumentFactory, PracticeFactory, VideoLessonFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def _collection(**fields):
    collection = Collection.objects.create(
        slug="for-young-people", title_en="For young people", intro_en="Start here.\n\nThen go on.", **fields
    )
    collection.audiences.set(Audience.objects.filter(slug="youth"))
    return collection


def _fill(collection, count):
    for _ in range(count):
        collection.practices.add(PracticeFactory())
        collection.documents.add(LibraryDocumentFactory(files=["ru", "en"]))
        collection.lessons.add(VideoLessonFactory())
        collection.events.add(EventFactory())


def test_a_collection_gathers_published_practices_documents_lessons_and_events(client, db):
    collection = _collection(is_published=True)
    _fill(collection, 1)
    collection.lessons.add(VideoLessonFactory(title_en="An unpublished lesson", is_published=False))
    collection.documents.add(LibraryDocumentFactory(title_en="An unpublished guide", is_published=False))
    response = client.get("/en/collections/for-young-people/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>Start here.</p>" in html and "<p>Then go on.</p>" in html
    for section in ('id="lessons"', 'id="documents"', 'id="practices"', 'id="events"'):
        assert section in html
    assert "An unpublished lesson" not in html and "An unpublished guide" not in html


def test_an_unpublished_collection_answers_404(client, sample_content):
    _collection(is_published=False)
    assert client.get("/en/collections/for-young-people/").status_code == 404
    response = client.get("/en/collections/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "For women farmers" in html  # the published collections of the sample content are listed
    assert "For young people" not in html


def test_the_collection_page_issues_the_same_queries_for_one_item_of_each_kind_and_for_many(client, db):
    collection = _collection(is_published=True)
    _fill(collection, 1)
    one = count_queries(client, "/en/collections/for-young-people/")
    _fill(collection, 12)
    assert count_queries(client, "/en/collections/for-young-people/") == one


def test_the_sample_collections_are_on_the_home_page_and_linked_from_their_audience(client, sample_content):
    home = client.get("/ky/").content.decode()
    assert 'href="/ky/collections/women-candidates-local-councils/"' in home
    assert 'href="/ky/collections/women-farmers/"' in home
    catalogue = client.get("/en/practices/?audience=women").content.decode()
    assert 'href="/en/collections/women-candidates-local-councils/"' in catalogue


@pytest.mark.parametrize(
    ("query", "kind", "url"),
    [
        ("PSI methodology", "librarydocument", "/en/library/psi-methodology-summary/"),
        ("public vote", "videolesson", "/en/videos/best-practice-contest-and-public-vote/"),
        ("women farmers", "collection", "/en/collections/women-farmers/"),
    ],
)
def test_site_search_finds_library_lessons_and_collections(client, sample_content, query, kind, url):
    response = client.get("/en/search/", {"q": query, "type": kind})
    assert url in [hit.url for hit in response.context["hits"]]


def test_the_sitemap_lists_the_new_sections_in_three_languages(client, sample_content):
    xml = client.get("/sitemap.xml").content.decode()
    for path in (
        "/library/psi-methodology-summary/",
        "/videos/courses/learning-from-best-practices/",
        "/collections/women-farmers/",
    ):
        for language in ("ky", "ru", "en"):
            assert f"/{language}{path}" in xml
