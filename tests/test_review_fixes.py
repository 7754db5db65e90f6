"""Behaviour found missing in review: each test names the scenario that used to go wrong."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from portal.models import Municipality
from practices.models import Practice, PracticeImage, PracticeTag
from tests.factories import EventFactory, PracticeFactory, PressReleaseFactory


@pytest.mark.django_db
def test_a_practice_dated_in_the_future_stays_out_of_search_until_then(client):
    PracticeFactory(title_en="Embargoed water plan", published_at=timezone.now() + datetime.timedelta(days=30))
    assert client.get("/en/search/", {"q": "embargoed"}).context["paginator"].count == 0


@pytest.mark.django_db
def test_the_admin_actions_keep_search_and_year_in_step(client, editor):
    practice = PracticeFactory(title_en="Quarry road plan")
    client.force_login(editor)
    client.post("/admin/practices/practice/", {"action": "send_back_to_draft", "_selected_action": [practice.pk]})
    assert client.get("/en/search/", {"q": "quarry"}).context["paginator"].count == 0
    draft = PracticeFactory(title_en="Orchard plan", status=Practice.Status.DRAFT, published_at=None)
    client.post("/admin/practices/practice/", {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.year == timezone.localtime().year
    assert client.get("/en/search/", {"q": "orchard"}).context["paginator"].count == 1


@pytest.mark.django_db
def test_cached_results_are_kept_per_language(client):
    PracticeFactory(title_en="Zebra crossing", title_ru="Пешеходный переход зебра", title_ky="Зебра жөө өтмөк")
    client.get("/ru/search/", {"q": "zebra"})
    hits = client.get("/en/search/", {"q": "zebra"}).context["hits"]
    assert [hit.title for hit in hits] == ["Zebra crossing"]


@pytest.mark.django_db
def test_the_map_ignores_a_municipality_with_half_its_coordinates(client):
    municipality = Municipality.objects.filter(latitude__isnull=False).first()
    Municipality.objects.filter(pk=municipality.pk).update(longitude=None)
    PracticeFactory(municipality=municipality)
    assert client.get("/en/practices/map/").status_code == 200
    municipality.refresh_from_db()
    with pytest.raises(ValidationError):
        municipality.clean()


@pytest.mark.django_db
def test_a_press_release_does_not_name_an_unpublished_event(client):
    event = EventFactory(title_en="Secret planning meeting", is_published=False)
    press_release = PressReleaseFactory(event=event)
    html = client.get(f"/en/news/{press_release.slug}/").content.decode()
    assert "Secret planning meeting" not in html


@pytest.mark.django_db
def test_a_file_that_is_not_a_picture_is_refused_with_a_message():
    image = PracticeImage(practice=PracticeFactory(), alt_text_en="x", image=ContentFile(b"not an image", name="a.jpg"))
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "not a picture" in str(error.value)


@pytest.mark.django_db
def test_a_huge_picture_is_refused(settings):
    from PIL import Image

    settings.MAX_IMAGE_PIXELS = 2_000_000
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1100)).save(buffer, "PNG")
    image = PracticeImage(
        practice=PracticeFactory(), alt_text_en="x", image=ContentFile(buffer.getvalue(), name="a.png")
    )
    with pytest.raises(ValidationError) as error, translation.override("en"):
        image.full_clean()
    assert error.value.message_dict["image"] == ["The picture is too large: at most 2 megapixels."]


@pytest.mark.django_db
def test_csv_cells_that_look_like_formulas_stay_text(client):
    PracticeFactory(title_ru='=HYPERLINK("http://evil")')
    response = client.get("/ru/practices/?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    titles = [row["title"] for row in csv.DictReader(io.StringIO(text))]
    assert '\'=HYPERLINK("http://evil")' in titles


@pytest.mark.django_db
def test_tags_get_ascii_slugs():
    practice = PracticeFactory()
    practice.tags.add("Таза көчө")
    assert PracticeTag.objects.get(name="Таза көчө").slug == "taza-kocho"
