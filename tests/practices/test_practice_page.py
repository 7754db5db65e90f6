from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from PIL import Image

from practices.models import PracticeDocument, PracticeImage, PracticeVideo, Replication
from practices.video import parse_video_url
from tests.factories import PracticeFactory, ReplicationFactory
from tests.helpers import count_queries


def _photo(width=3000, height=2000):
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#3a7").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="photo.jpg")


def _attach(practice, images=0, documents=0, replications=0, videos=0):
    for number in range(images):
        PracticeImage.objects.create(practice=practice, image=_photo(40, 30), alt_text_en=f"Photo {number}")
    for number in range(documents):
        PracticeDocument.objects.create(
            practice=practice, title_en=f"Report {number}", file=ContentFile(b"%PDF-1.4 test", name="report.pdf")
        )
    for _ in range(replications):
        ReplicationFactory(practice=practice)
    for number in range(videos):
        PracticeVideo.objects.create(practice=practice, url=f"https://youtu.be/abcdefghij{number}")


@pytest.mark.django_db
def test_the_practice_page_issues_the_same_queries_with_none_and_ten_of_everything(client):
    # Both have a related practice: a related card's own sectors are one more query, asked once.
    empty = PracticeFactory()
    empty.related.add(PracticeFactory())
    full = PracticeFactory()
    _attach(full, images=10, documents=10, replications=10, videos=3)
    full.related.add(*PracticeFactory.create_batch(4))
    assert count_queries(client, f"/en/practices/{empty.slug}/") == count_queries(client, f"/en/practices/{full.slug}/")


@pytest.mark.django_db
def test_photos_are_shown_as_small_copies_never_the_original(client):
    practice = PracticeFactory()
    image = PracticeImage.objects.create(practice=practice, image=_photo(), alt_text_en="New pipes in the village")
    with image.thumbnail.open() as file, Image.open(file) as thumbnail:
        assert (thumbnail.format, thumbnail.width) == ("WEBP", 480)
    with image.large.open() as file, Image.open(file) as large:
        assert large.width == 1280
    html = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert image.thumbnail.url in html
    assert 'alt="New pipes in the village"' in html
    assert image.image.url not in html


@pytest.mark.django_db
def test_documents_show_their_type_and_size(client):
    practice = PracticeFactory()
    PracticeDocument.objects.create(
        practice=practice, title_en="Tariff decision", file=ContentFile(b"x" * 2048, name="tariff.pdf")
    )
    html = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert "Tariff decision" in html
    assert "PDF, 2.0\xa0KB" in html


def test_a_document_of_another_type_is_refused():
    document = PracticeDocument(title_en="Program", file=ContentFile(b"MZ", name="setup.exe"))
    with pytest.raises(ValidationError) as error:
        document.full_clean(exclude=["practice"])
    assert "file" in error.value.message_dict


@pytest.mark.django_db
def test_a_file_that_is_not_a_picture_is_refused_with_a_message():
    image = PracticeImage(practice=PracticeFactory(), alt_text_en="x", image=ContentFile(b"not an image", name="a.jpg"))
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            image.full_clean()
        assert error.value.message_dict["image"] == [
            "This file is not a picture the portal can read. Upload a JPEG, PNG or WebP photo."
        ]


@pytest.mark.django_db
def test_a_huge_picture_is_refused(settings):
    settings.MAX_IMAGE_PIXELS = 2_000_000
    buffer = BytesIO()
    Image.new("RGB", (2000, 1100)).save(buffer, "PNG")
    image = PracticeImage(
        practice=PracticeFactory(), alt_text_en="x", image=ContentFile(buffer.getvalue(), name="a.png")
    )
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            image.full_clean()
        assert error.value.message_dict["image"] == ["The picture is too large: at most 2 megapixels."]


@pytest.mark.django_db
def test_videos_load_nothing_from_the_video_site_before_a_click(client):
    practice = PracticeFactory()
    PracticeVideo.objects.create(practice=practice, url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", title_en="Tour")
    html = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html


@pytest.mark.parametrize(
    ("url", "provider", "embed"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        (
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=5",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://www.facebook.com/DPIKyrgyzstan/videos/123/",
            "Facebook",
            "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2FDPIKyrgyzstan%2Fvideos%2F123%2F&show_text=false",
        ),
    ],
)
def test_video_links_become_privacy_friendly_embeds(url, provider, embed):
    video = parse_video_url(url)
    assert (video.provider, video.embed_url) == (provider, embed)


@pytest.mark.parametrize(
    "url", ["https://example.com/video", "javascript:alert(1)", "https://youtu.be/short", "ftp://vimeo.com/1"]
)
def test_other_links_are_not_embedded(url):
    assert parse_video_url(url) is None


@pytest.mark.django_db
def test_the_practice_shows_where_it_was_replicated(client):
    practice = PracticeFactory()
    first, second = ReplicationFactory(practice=practice, year=2022), ReplicationFactory(practice=practice)
    html = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert "Replicated in 2 municipalities" in html
    assert first.municipality.name_en in html and second.municipality.name_en in html


@pytest.mark.django_db
def test_a_practice_is_not_replicated_where_it_began():
    practice = PracticeFactory()
    with pytest.raises(ValidationError):
        Replication(practice=practice, municipality=practice.municipality, year=2024).full_clean()


@pytest.mark.django_db
def test_an_old_address_redirects_after_a_rename(client):
    practice = PracticeFactory(slug="water-in-kumbel")
    practice.slug = "kumbel-drinking-water-service"
    practice.save()
    response = client.get("/ru/practices/water-in-kumbel/")
    assert response.status_code == 301
    assert response["Location"] == "/ru/practices/kumbel-drinking-water-service/"
    # Taking the old name back removes the redirect instead of looping.
    practice.slug = "water-in-kumbel"
    practice.save()
    assert client.get("/ru/practices/water-in-kumbel/").status_code == 200


@pytest.mark.django_db
def test_an_old_address_of_a_draft_stays_hidden(client):
    practice = PracticeFactory(slug="old-name")
    practice.slug, practice.status = "new-name", "draft"
    practice.save()
    assert client.get("/en/practices/old-name/").status_code == 404


def test_the_sample_document_downloads(client, sample_content):
    response = client.get("/en/practices/psi-38-service-action-plans/")
    assert response.status_code == 200
    html = response.content.decode()
    document = PracticeDocument.objects.get(practice__slug="psi-38-service-action-plans")
    assert f'<a href="{document.file.url}" download>PSI results summary (PDF)</a>' in html
    with document.file.open("rb") as file:
        assert file.read(5) == b"%PDF-"  # the link leads to a stored PDF
    # The sample practice was not replicated: the page says so rather than showing an empty list.
    assert "Replicated in 0 municipalities" in html
    assert "No municipality has reported applying this practice yet." in html


@pytest.mark.django_db
def test_share_links_carry_the_practice_address(client):
    practice = PracticeFactory(slug="shared-practice")
    html = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert "https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Fen%2Fpractices%2Fshared-practice%2F" in html


@pytest.mark.django_db
def test_generate_practices_writes_three_languages_quickly():
    from practices.generator import generate_practices
    from practices.models import Practice

    total = generate_practices(200)
    generated = Practice.objects.filter(slug__startswith="generated-")
    assert total == Practice.objects.count()
    assert generated.count() == 200
    sample = generated.first()
    assert sample.title_ky and sample.title_ru and sample.title_en
    assert sample.sectors.exists()
    assert generated.published().count() == 200
