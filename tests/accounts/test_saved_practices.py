import pytest

from accounts.models import SavedPractice
from tests.factories import PracticeFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def test_a_user_saves_and_unsaves_a_practice_without_javascript(client, outsider):
    practice = PracticeFactory()
    client.force_login(outsider)
    url = f"/en/practices/{practice.slug}/save/"

    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/practices/{practice.slug}/"
    assert SavedPractice.objects.filter(user=outsider, practice=practice).exists()
    page = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert 'aria-pressed="true"' in page
    assert practice.title_en in client.get("/en/account/saved/").content.decode()

    response = client.post(url, {"action": "remove"})
    assert response.status_code == 302
    assert not SavedPractice.objects.filter(user=outsider).exists()
    saved = client.get("/en/account/saved/")
    assert saved.status_code == 200
    html = saved.content.decode()
    assert "Press “Save” on a practice to keep it here." in html
    assert practice.title_en not in html


def test_saving_twice_keeps_one_entry(client, outsider):
    practice = PracticeFactory()
    client.force_login(outsider)
    client.post(f"/en/practices/{practice.slug}/save/")
    client.post(f"/en/practices/{practice.slug}/save/")
    assert SavedPractice.objects.filter(user=outsider).count() == 1


def test_saving_needs_a_post(client, outsider):
    practice = PracticeFactory()
    client.force_login(outsider)
    assert client.get(f"/en/practices/{practice.slug}/save/").status_code == 405
    assert not SavedPractice.objects.exists()


def test_saving_needs_the_csrf_token(outsider):
    from django.test import Client

    practice = PracticeFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(outsider)
    assert client.post(f"/en/practices/{practice.slug}/save/").status_code == 403
    assert not SavedPractice.objects.exists()


def test_a_visitor_is_asked_to_sign_in_to_save(client):
    practice = PracticeFactory()
    page = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert f"/en/account/login/?next=/en/practices/{practice.slug}/" in page
    response = client.post(f"/en/practices/{practice.slug}/save/")
    assert response["Location"].startswith("/en/account/login/")


def test_a_draft_cannot_be_saved(client, outsider):
    draft = PracticeFactory(status="draft")
    client.force_login(outsider)
    assert client.post(f"/en/practices/{draft.slug}/save/").status_code == 404


def test_the_saved_list_does_not_grow_in_queries_with_more_practices(client, outsider):
    client.force_login(outsider)
    SavedPractice.objects.create(user=outsider, practice=PracticeFactory())
    one = count_queries(client, "/en/account/saved/")
    for _ in range(11):
        SavedPractice.objects.create(user=outsider, practice=PracticeFactory())
    assert count_queries(client, "/en/account/saved/") == one
