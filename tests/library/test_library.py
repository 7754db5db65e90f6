"""The e-library: facets and their counts, document pages, downloads, covers and upload checks."""

import shutil

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from library.models import LibraryDocument, LibraryFile
from tests.factories import LibraryDocumentFactory, small_pdf
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def _png():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (60, 80), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _facet(response, name):
    return {o.value: o.count for f in response.context["facets"] if f.name == name for o in f.options}


def test_the_library_lists_published_documents_with_facets_and_counts(client, sample_content):
    LibraryDocumentFactory(slug="hidden-draft", title_en="A hidden draft", is_published=False)
    response = client.get("/en/library/")
    html = response.content.decode()
    published = LibraryDocument.objects.filter(is_published=True).count()
    assert response.context["paginator"].count == published == 5
    assert "A hidden draft" not in html
    assert _facet(response, "kind") == {"methodology": 1, "template": 1, "guide": 2, "presentation": 1}
    # Languages count documents that have a file in that language.
    assert _facet(response, "language") == {"ky": 4, "ru": 5, "en": 1}
    assert "Public Service Improvement: a summary of the PSI project methodology" in html


@pytest.mark.parametrize("query", ["", "?kind=guide", "?language=ky&audience=women"])
def test_every_library_facet_count_matches_the_list_it_leads_to(client, sample_content, query):
    response = client.get(f"/en/library/{query}")
    for facet in response.context["facets"]:
        for option in facet.options:
            if option.selected:
                continue
            separator = "&" if query else "?"
            followed = client.get(f"/en/library/{query}{separator}{facet.name}={option.value}")
            assert followed.context["paginator"].count == option.count, (facet.name, option.value)


def test_a_filter_shows_the_collections_gathered_for_that_audience(client, sample_content):
    html = client.get("/en/library/?audience=farmers").content.decode()
    assert "Gathered for this audience" in html and 'href="/en/collections/women-farmers/"' in html


def test_filters_the_library_cannot_read_are_ignored_with_a_note(client, sample_content):
    response = client.get("/en/library/?kind=poem&year=abc")
    assert response.status_code == 200
    assert response.context["paginator"].count == 5
    assert "were not understood and are ignored" in response.content.decode()


def test_the_library_issues_the_same_queries_for_one_document_and_for_fifty(client, db):
    LibraryDocumentFactory(files=["ru", "ky"])
    one = count_queries(client, "/en/library/?sort=downloads")
    for _ in range(49):
        LibraryDocumentFactory(files=["ru", "ky"])
    assert count_queries(client, "/en/library/?sort=downloads") == one


def test_the_document_page_offers_each_language_and_counts_downloads(client, db):
    document = LibraryDocumentFactory(files=["ru", "ky"])
    html = client.get(f"/ky/library/{document.slug}/").content.decode()
    # The reader's language first.
    assert html.index(f"/ky/library/{document.slug}/download/ky/") < html.index(
        f"/ky/library/{document.slug}/download/ru/"
    )
    response = client.get(f"/en/library/{document.slug}/download/ru/")
    assert response.status_code == 302 and response["Location"].endswith(".pdf")
    client.get(f"/en/library/{document.slug}/download/ru/")
    assert LibraryFile.objects.get(document=document, language="ru").download_count == 2
    assert client.get(f"/en/library/{document.slug}/download/en/").status_code == 404


def test_a_draft_document_and_its_files_answer_404_to_readers(client, db):
    document = LibraryDocumentFactory(is_published=False)
    assert client.get(f"/en/library/{document.slug}/").status_code == 404
    assert client.get(f"/en/library/{document.slug}/download/ru/").status_code == 404


# The one test that needs the real tool: .ci/run installs it; `make test` on a machine without it skips
# this test and nothing else (the portal then shows the file type instead of a cover).
@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="draws a real PDF page: needs pdftoppm (apt-get install poppler-utils)"
)
def test_a_pdf_s_first_page_becomes_the_cover(db):
    from library.covers import refresh_thumbnail

    document = LibraryDocumentFactory()
    assert refresh_thumbnail(document)
    assert document.thumbnail.name.endswith(".webp") and document.thumbnail_source.endswith(".pdf")


def test_without_pdftoppm_the_document_simply_has_no_cover(db, monkeypatch):
    from library import covers

    monkeypatch.setattr(covers.shutil, "which", lambda name: None)
    document = LibraryDocumentFactory()
    assert not covers.refresh_thumbnail(document)
    assert not document.thumbnail


def test_a_library_file_of_the_wrong_type_is_refused(db):
    document = LibraryDocumentFactory(files=[])
    disguised = SimpleUploadedFile("law.pdf", b"MZ\x90\x00 an executable, not a PDF", content_type="application/pdf")
    library_file = LibraryFile(document=document, language="ru", file=disguised)
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            library_file.full_clean()
        assert refused.value.message_dict["file"] == [
            "This file is not a PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS document. "
            "The portal checks what a file contains, not its name."
        ]
    renamed = SimpleUploadedFile("law.docx", small_pdf(), content_type="application/pdf")
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            LibraryFile(document=document, language="ky", file=renamed).full_clean()
        assert refused.value.message_dict["file"] == [
            "This file is a PDF document but its name ends in .docx: rename it and upload it again."
        ]


def test_the_admin_refuses_a_wrong_file_and_keeps_what_was_typed(client, editor, db):
    from portal.models import Organization

    client.cookies["django_language"] = "en"
    client.force_login(editor)
    response = client.post(
        "/admin/library/librarydocument/add/",
        {
            "title_en": "Budget hearing template",
            "slug": "budget-hearing-template",
            "kind": "template",
            "year": "2025",
            "publisher": Organization.objects.first().pk if Organization.objects.exists() else "",
            "is_published": "on",
            "files-TOTAL_FORMS": "1",
            "files-INITIAL_FORMS": "0",
            "files-0-language": "ru",
            "files-0-file": SimpleUploadedFile("template.pdf", b"<svg>not a pdf</svg>"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The portal checks what a file contains, not its name." in html
    assert 'value="Budget hearing template"' in html
    assert not LibraryDocument.objects.filter(slug="budget-hearing-template").exists()


def test_a_published_document_needs_a_file(client, editor, db):
    client.cookies["django_language"] = "en"
    client.force_login(editor)
    response = client.post(
        "/admin/library/librarydocument/add/",
        {
            "title_en": "Empty",
            "slug": "empty",
            "kind": "guide",
            "is_published": "on",
            "files-TOTAL_FORMS": "0",
            "files-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "A published document needs at least one file." in response.content.decode()
    assert not LibraryDocument.objects.filter(slug="empty").exists()


def test_heads_and_crawlers_are_not_counted_as_downloads(client, db):
    document = LibraryDocumentFactory()
    url = f"/en/library/{document.slug}/download/ru/"
    assert client.head(url).status_code == 302
    client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.get(url, HTTP_USER_AGENT="TelegramBot (like TwitterBot)")
    assert LibraryFile.objects.get(document=document).download_count == 0
    assert client.post(url).status_code == 405
    assert "Disallow: /en/library/*/download/" in client.get("/robots.txt").content.decode()


def test_an_editor_previews_a_draft_and_its_files_without_counting(client, editor, db):
    document = LibraryDocumentFactory(is_published=False)
    client.force_login(editor)
    assert client.get(f"/en/library/{document.slug}/").status_code == 200
    assert client.get(f"/en/library/{document.slug}/download/ru/").status_code == 302
    assert LibraryFile.objects.get(document=document).download_count == 0


def test_a_replaced_pdf_gives_a_new_cover_even_when_the_files_were_prefetched(
    db, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.files.base import ContentFile

    from library import covers
    from library.covers import refresh_thumbnail

    # The page drawing itself is pdftoppm's job (tested above); here a plain picture stands in for it.
    monkeypatch.setattr(covers, "_first_page", lambda pdf: ContentFile(_png(), name="page.png"))

    document = LibraryDocumentFactory()
    refresh_thumbnail(document)
    old_thumbnail = document.thumbnail.name
    document = LibraryDocument.objects.prefetch_related("files").get(pk=document.pk)
    list(document.files.all())  # the admin's prefetch, taken before the inline rows change
    with django_capture_on_commit_callbacks(execute=True):
        LibraryFile.objects.filter(document=document).delete()
        LibraryFile(document=document, language="ky").file.save("new.pdf", ContentFile(small_pdf("New")))
        assert refresh_thumbnail(document)
    assert document.thumbnail_source.endswith("new.pdf")
    assert document.thumbnail.name != old_thumbnail
    assert not document.thumbnail.storage.exists(old_thumbnail)


def test_an_editor_publishes_a_document_with_its_file_from_the_admin(
    client, editor, db, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/library/librarydocument/add/",
            {
                "title_ky": "Бюджеттик угуулардын үлгүсү",
                "slug": "budget-hearing-template",
                "kind": "template",
                "year": "2025",
                "is_published": "on",
                "files-TOTAL_FORMS": "1",
                "files-INITIAL_FORMS": "0",
                "files-0-language": "ky",
                "files-0-file": SimpleUploadedFile(
                    "template.pdf", small_pdf("Template"), content_type="application/pdf"
                ),
            },
        )
    assert response.status_code == 302
    document = LibraryDocument.objects.get(slug="budget-hearing-template")
    stored = document.files.get()
    assert (stored.language, stored.size > 0, stored.file_type) == ("ky", True, "PDF")
    # The cover was made after the commit, from the file just uploaded.
    assert document.thumbnail_source == stored.file.name
    assert client.get("/ky/library/budget-hearing-template/").status_code == 200
