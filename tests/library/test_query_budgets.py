"""Query budgets of the e-library: the list (plain, filtered, searched), the document page and the download.

Each page is rendered with one item and with many, under one pinned budget (pretalx style): the budget is
today's count, so an added query fails, and "many" within the same budget proves there is no N+1.
"""

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from curation.models import Collection
from library.models import LibraryDocument, LibraryFile
from practices.models import Audience, Sector
from tests.factories import OrganizationFactory
from tests.helpers import page_within_budget, response_within_budget

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]
PER_PAGE = 12
CARD_PUBLISHER = '<p class="document-card__publisher">'
LANGUAGES = ["ky", "ru", "en"]


def _document(title, slug, languages=("ky", "ru"), kind="law", sectors=None, **fields):
    """A published document with a small PDF per language (no drawing of PDF pages: fast)."""
    document = LibraryDocument.objects.create(
        slug=slug,
        title_en=title,
        kind=kind,
        year=2090,
        publisher=OrganizationFactory(name_en=f"Publisher of {title}"),
        is_published=True,
        **fields,
    )
    document.sectors.set(sectors if sectors is not None else Sector.objects.order_by("pk")[:2])
    document.audiences.set(Audience.objects.order_by("pk")[:1])
    document.tags.add("zephyr-tag")
    for language in languages:
        LibraryFile(document=document, language=language).file.save(
            f"{slug}-{language}.pdf", ContentFile(b"%PDF-1.4 " + title.encode())
        )
    return document


def _documents(count, prefix):
    return [_document(f"{prefix} {i:02}", f"zephyr-{prefix.lower().replace(' ', '-')}-{i:02}") for i in range(count)]


# -- the list ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_library_list_budget(client, django_assert_max_num_queries, count):
    documents = _documents(count, "Zephyr library guide")
    html = page_within_budget(client, django_assert_max_num_queries, 16, "/en/library/")
    assert html.count(CARD_PUBLISHER + "Publisher of Zephyr library guide") == min(count, PER_PAGE)
    assert documents[-1].title_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_filtered_library_list_budget(client, django_assert_max_num_queries, count):
    documents = _documents(count, "Zephyr filtered law")
    sector = documents[0].sectors.first()
    query = f"?kind=law&language=ky&sector={sector.slug}&tag=zephyr-tag&sort=downloads"
    html = page_within_budget(client, django_assert_max_num_queries, 18, f"/en/library/{query}")
    assert html.count(CARD_PUBLISHER + "Publisher of Zephyr filtered law") == min(count, PER_PAGE)


@pytest.mark.parametrize("count", COUNTS)
def test_library_keywords_budget(client, django_assert_max_num_queries, count):
    _documents(count, "Zephyrine keyword law")
    # PostgreSQL asks one query more: site search's full-text "few hits?" probe before trigram matching.
    budget = 17 if connection.vendor == "postgresql" else 16
    html = page_within_budget(client, django_assert_max_num_queries, budget, "/en/library/?q=zephyrine")
    assert html.count(CARD_PUBLISHER + "Publisher of Zephyrine keyword law") == min(count, PER_PAGE)


# -- the document page -------------------------------------------------------------------------------


def _full_document(count):
    """A document in up to three languages with ``count`` sectors, audiences, tags and collections."""
    document = _document(
        "Zephyr full guide",
        "zephyr-full-guide",
        languages=LANGUAGES[: min(count, 3)],
        sectors=Sector.objects.order_by("pk")[:count],
        summary_en="What the guide is for.",
    )
    document.audiences.set(Audience.objects.order_by("pk")[:count])
    document.tags.add(*[f"zephyr-tag-{i:02}" for i in range(count)])
    for i in range(count):
        collection = Collection.objects.create(
            slug=f"zephyr-shelf-{i:02}", title_en=f"Zephyr shelf {i:02}", intro_en="Gathered.", is_published=True
        )
        collection.documents.add(document)
    return document


def _assert_shows_everything(html, document, count):
    assert document.title_en in html
    for language in LANGUAGES[: min(count, 3)]:
        assert f"/library/{document.slug}/download/{language}/" in html
    for sector in document.sectors.all():
        assert sector.name_en in html
    for audience in document.audiences.all():
        assert audience.name_en in html
    for i in range(count):
        assert f"zephyr-tag-{i:02}" in html and f"Zephyr shelf {i:02}" in html


@pytest.mark.parametrize("count", COUNTS)
def test_document_page_budget(client, django_assert_max_num_queries, count):
    document = _full_document(count)
    html = page_within_budget(client, django_assert_max_num_queries, 7, f"/en/library/{document.slug}/")
    _assert_shows_everything(html, document, count)


@pytest.mark.parametrize("count", COUNTS)
def test_document_preview_for_editors_budget(client, django_assert_max_num_queries, editor, count):
    document = _full_document(count)
    LibraryDocument.objects.filter(pk=document.pk).update(is_published=False)
    client.force_login(editor)
    html = page_within_budget(client, django_assert_max_num_queries, 11, f"/en/library/{document.slug}/")
    _assert_shows_everything(html, document, count)
    assert "Draft: not public" in html


@pytest.mark.parametrize("count", [1, 3])
def test_download_budget(client, django_assert_max_num_queries, count):
    """The counted download of one file of a document in ``count`` languages: a redirect to the file."""
    document = _document("Zephyr downloaded guide", "zephyr-downloaded", languages=LANGUAGES[:count])
    language = LANGUAGES[count - 1]
    response = response_within_budget(
        client, django_assert_max_num_queries, 3, f"/en/library/{document.slug}/download/{language}/", status=302
    )
    assert response["Location"] == document.files.get(language=language).file.url
    assert document.files.get(language=language).download_count == 1
