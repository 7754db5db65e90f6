"""Files attached to a proposal: checked by content, pictures re-encoded, a rejected file explained and
nothing else the user typed or uploaded lost."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from practices.models import Practice

pytestmark = pytest.mark.django_db

TYPED = {"title": "Таза суу", "summary": "Айыл суу менен камсыз болду.", "process": "Жамаат чогулду."}


@pytest.fixture
def draft(client, municipal_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(municipal_user)
    client.post("/ky/account/practices/new/", {"text_language": "ky", "title": TYPED["title"]})
    return Practice.objects.get(proposed_by=municipal_user)


def photo_bytes(size=(64, 48), exif=None, image_format="JPEG"):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (20, 120, 200)).save(buffer, image_format, **options)
    return buffer.getvalue()


def png_claiming_size(width, height):
    """A small PNG whose header says it is width x height: a decompression bomb's calling card."""
    data = bytearray(photo_bytes(image_format="PNG"))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def post(client, draft, **files):
    return client.post(f"/en/account/practices/{draft.pk}/", {**TYPED, "save": "", **files})


def assert_rejected_and_typing_kept(response, draft, message):
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    # What the user typed is still on the page...
    assert TYPED["summary"] in html
    assert 'value="Тамчы сугаруу"' in html  # the title or description typed for the refused file
    # ...and saved.
    draft.refresh_from_db()
    assert draft.summary_ky == TYPED["summary"]
    assert not draft.images.exists() and not draft.documents.exists()


def test_an_exe_renamed_pdf_is_rejected(client, draft):
    fake = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00" + b"\x00" * 500, content_type="application/pdf")
    response = post(client, draft, **{"document-file": fake, "document-title": "Тамчы сугаруу"})
    assert_rejected_and_typing_kept(response, draft, "The portal checks what a file contains")


def test_a_20000_by_20000_pixel_png_is_rejected(client, draft):
    bomb = SimpleUploadedFile("plan.png", png_claiming_size(20_000, 20_000), content_type="image/png")
    response = post(client, draft, **{"image-image": bomb, "image-alt_text": "Тамчы сугаруу"})
    assert_rejected_and_typing_kept(response, draft, "The picture is too large")


def test_an_svg_is_rejected(client, draft):
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"
    )
    response = post(client, draft, **{"image-image": svg, "image-alt_text": "Тамчы сугаруу"})
    assert_rejected_and_typing_kept(response, draft, "not a picture the portal can read")


def test_an_oversized_file_is_rejected(client, draft, settings):
    settings.MAX_DOCUMENT_MEGABYTES = 1
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), "application/pdf")
    response = post(client, draft, **{"document-file": big, "document-title": "Тамчы сугаруу"})
    assert_rejected_and_typing_kept(response, draft, "The file is too large")


def test_a_rejected_photo_does_not_cost_the_document_uploaded_with_it(client, draft):
    svg = SimpleUploadedFile("logo.svg", b"<svg/>", "image/svg+xml")
    pdf = SimpleUploadedFile("decision.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    response = post(client, draft, **{"image-image": svg, "image-caption": "Тамчы сугаруу", "document-file": pdf})
    assert response.status_code == 400
    assert [document.title_ky for document in draft.documents.all()] == ["decision"]
    assert 'value="Тамчы сугаруу"' in response.content.decode()  # the caption typed for the refused photo


def test_a_photo_is_stored_without_its_exif_and_gps_position(client, draft):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (42.0, 30.0, 0.0)}  # GPS latitude
    original = photo_bytes(exif=exif.tobytes())
    assert b"PhoneMaker" in original
    upload = SimpleUploadedFile("photo.jpg", original, "image/jpeg")
    response = post(client, draft, **{"image-image": upload, "image-alt_text": "New pipes"})
    assert response.status_code == 302
    image = draft.images.get()
    with image.image.open("rb") as stored:
        data = stored.read()
    assert b"PhoneMaker" not in data
    assert not Image.open(io.BytesIO(data)).getexif()
    assert image.alt_text_ky == "New pipes"
    assert image.thumbnail and image.large


def test_a_real_docx_is_accepted_even_when_named_wrongly(client, draft):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    upload = SimpleUploadedFile("budget.pdf", buffer.getvalue(), "application/pdf")
    response = post(client, draft, **{"document-file": upload, "document-title": "Budget"})
    assert response.status_code == 302
    document = draft.documents.get()
    assert document.file.name.endswith(".docx")
    assert document.file_type == "DOCX"


def test_a_video_link_must_be_from_a_known_player(client, draft):
    response = post(client, draft, **{"video-url": "https://example.com/clip.mp4"})
    assert response.status_code == 400
    assert "Only YouTube, Facebook and Vimeo" in response.content.decode()
    response = post(client, draft, **{"video-url": "https://youtu.be/dQw4w9WgXcQ"})
    assert response.status_code == 302
    assert draft.videos.count() == 1


def test_the_author_removes_a_photo(client, draft):
    post(client, draft, **{"image-image": SimpleUploadedFile("a.png", photo_bytes(image_format="PNG"), "image/png")})
    image = draft.images.get()
    response = client.post(f"/ky/account/practices/{draft.pk}/", {**TYPED, "remove_image": str(image.pk)})
    assert response.status_code == 302
    assert not draft.images.exists()


def test_the_admin_refuses_a_renamed_program_too(admin_client, settings, tmp_path):
    from django.core.exceptions import ValidationError

    from practices.models import PracticeDocument
    from tests.factories import PracticeFactory
    from tests.helpers import admin_form_data

    settings.MEDIA_ROOT = tmp_path
    practice = PracticeFactory()
    document = PracticeDocument(practice=practice, title_en="x", file=SimpleUploadedFile("a.pdf", b"MZ\x90\x00rest"))
    with pytest.raises(ValidationError):
        document.full_clean()
    # And an editor attaching it on the practice's admin page is told why, with nothing stored.
    admin_client.cookies["django_language"] = "en"  # the admin has no language prefix
    url = f"/admin/practices/practice/{practice.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    data = admin_form_data(page)
    prefix = next(
        formset.formset.prefix
        for formset in page.context["inline_admin_formsets"]
        if formset.formset.model is PracticeDocument
    )
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-title_en": "Budget",
            f"{prefix}-0-position": "0",
            f"{prefix}-0-file": SimpleUploadedFile("budget.pdf", b"MZ\x90\x00rest", "application/pdf"),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "The portal checks what a file contains" in response.content.decode()
    assert not practice.documents.exists()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_a_removed_photo_leaves_the_storage(client, draft):
    post(client, draft, **{"image-image": SimpleUploadedFile("a.png", photo_bytes(image_format="PNG"), "image/png")})
    image = draft.images.get()
    storage, names = image.image.storage, [image.image.name, image.thumbnail.name, image.large.name]
    assert all(storage.exists(name) for name in names)
    # The stored name is not guessable from the practice and the file name.
    assert image.image.name != f"practices/{draft.slug}/image/a.png"
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/en/account/practices/{draft.pk}/", {**TYPED, "remove_image": str(image.pk)})
    assert not any(storage.exists(name) for name in names)


@pytest.mark.parametrize("value", ["²", "-1", "1e3", " 1"])
def test_a_strange_remove_value_is_ignored(client, draft, value):
    response = client.post(f"/en/account/practices/{draft.pk}/", {**TYPED, "remove_image": value})
    assert response.status_code == 302


def test_a_photo_with_broken_exif_is_still_stored(client, draft, monkeypatch):
    import struct as struct_module

    from PIL import ImageOps

    def broken_exif(image, **kwargs):
        raise struct_module.error("unpack requires a buffer of 4 bytes")  # what damaged EXIF gives

    monkeypatch.setattr(ImageOps, "exif_transpose", broken_exif)
    upload = SimpleUploadedFile("broken.jpg", photo_bytes(), "image/jpeg")
    response = post(client, draft, **{"image-image": upload, "image-alt_text": "Pipes"})
    assert response.status_code == 302
    assert draft.images.count() == 1


def test_a_damaged_archive_is_refused_not_crashed_on(client, draft):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text" * 50)
    data = bytearray(buffer.getvalue())
    data[40:60] = b"\xff" * 20  # corrupt the compressed stream
    upload = SimpleUploadedFile("report.odt", bytes(data), "application/vnd.oasis.opendocument.text")
    response = post(client, draft, **{"document-file": upload})
    assert response.status_code == 400
    assert "The portal checks what a file contains" in response.content.decode()
