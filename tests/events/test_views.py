import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import Event, EventMaterial
from tests.factories import EventFactory, PressReleaseFactory
from tests.helpers import count_queries


@pytest.mark.django_db
def test_upcoming_and_past_events_are_listed_apart(client):
    EventFactory(title_en="Next seminar")
    past_start = timezone.now() - datetime.timedelta(days=30)
    EventFactory(title_en="Old seminar", starts_at=past_start, ends_at=past_start + datetime.timedelta(hours=3))
    upcoming = client.get("/en/events/").content.decode()
    past = client.get("/en/events/past/").content.decode()
    assert "Next seminar" in upcoming and "Old seminar" not in upcoming
    assert "Old seminar" in past and "Next seminar" not in past


@pytest.mark.django_db
def test_an_unpublished_event_answers_404(client):
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_an_event_page_shows_its_place_organizers_and_practices(client, sample_content):
    event = Event.objects.get(slug="lebedinovka-exchange-visit-2021")
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert event.title_en in html
    assert "Lebedinovka" in html
    for organization in event.organizers.all():
        assert organization.name_en in html
    assert "Practices presented" in html


def test_a_press_release_links_its_event(client, sample_content):
    html = client.get("/ru/news/").content.decode()
    assert "Новости" in html
    from events.models import PressRelease

    press_release = PressRelease.objects.filter(event__isnull=False).first()
    detail = client.get(f"/ru/news/{press_release.slug}/").content.decode()
    assert press_release.title_ru in detail
    assert f"/ru/events/{press_release.event.slug}/" in detail


@pytest.mark.django_db
def test_a_press_release_does_not_name_an_unpublished_event(client):
    event = EventFactory(title_en="Secret planning meeting", is_published=False)
    press_release = PressReleaseFactory(event=event, title_en="Budget hearings in Kara-Suu")
    response = client.get(f"/en/news/{press_release.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Budget hearings in Kara-Suu</h1>" in html
    assert "Secret planning meeting" not in html
    assert f"/en/events/{event.slug}/" not in html


@pytest.mark.django_db
def test_event_and_news_lists_issue_the_same_queries_for_one_item_and_for_many(client):
    EventFactory()
    PressReleaseFactory()
    events, news = count_queries(client, "/en/events/"), count_queries(client, "/en/news/")
    EventFactory.create_batch(9)
    PressReleaseFactory.create_batch(9)
    assert count_queries(client, "/en/events/") == events
    assert count_queries(client, "/en/news/") == news


@pytest.mark.django_db
def test_a_deleted_material_leaves_the_storage(django_capture_on_commit_callbacks):
    event = EventFactory(title_en="Budget hearing")
    material = EventMaterial.objects.create(
        event=event, title_en="Programme", file=ContentFile(b"%PDF-1.4 programme", name="programme.pdf")
    )
    storage, name = material.file.storage, material.file.name
    assert storage.exists(name)
    # Media are public: the address is not guessable from the event and the file's name.
    assert name.startswith(f"events/{event.slug}/") and name.endswith("/programme.pdf")
    assert name != f"events/{event.slug}/programme.pdf"
    with django_capture_on_commit_callbacks(execute=True):
        material.delete()
    assert not storage.exists(name)


@pytest.mark.django_db
def test_a_replaced_material_leaves_no_old_file_behind(django_capture_on_commit_callbacks):
    material = EventMaterial.objects.create(
        event=EventFactory(), title_en="Slides", file=ContentFile(b"%PDF-1.4 first", name="slides.pdf")
    )
    storage, old = material.file.storage, material.file.name
    with django_capture_on_commit_callbacks(execute=True):
        material.file = ContentFile(b"%PDF-1.4 second", name="slides.pdf")
        material.save()
    assert not storage.exists(old)
    with storage.open(material.file.name) as file:
        assert file.read() == b"%PDF-1.4 second"
