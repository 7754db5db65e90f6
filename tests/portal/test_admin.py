import pytest
from django.contrib import admin
from django.contrib.auth.models import Group

from practices.models import Practice

EDITOR_MODELS = [
    "practices/practice",
    "practices/sector",
    "practices/audience",
    "events/event",
    "events/pressrelease",
    "portal/organization",
    "portal/project",
    "portal/municipality",
    "portal/staticpage",
    "practices/practicetag",
    "contests/contest",
    "library/librarydocument",
    "lessons/videolesson",
    "lessons/course",
    "curation/collection",
]


@pytest.mark.parametrize("model", EDITOR_MODELS)
def test_a_content_editor_can_open_the_list_and_the_add_form(client, sample_content, editor, model):
    client.force_login(editor)
    assert client.get(f"/admin/{model}/").status_code == 200
    assert client.get(f"/admin/{model}/add/").status_code == 200


def test_a_content_editor_can_open_a_practice_with_its_translation_tabs(client, sample_content, editor):
    client.force_login(editor)
    practice = Practice.objects.get(slug="kumbel-drinking-water")
    html = client.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()
    for language in ("ky", "ru", "en"):
        assert f'name="title_{language}"' in html


def test_a_content_editor_writes_the_award_and_the_results_note_in_each_language(client, sample_content, editor):
    from contests.models import Entry

    client.force_login(editor)
    winner = Entry.objects.get(practice__slug="alamudun-e-library")
    entry_form = client.get(f"/admin/contests/entry/{winner.pk}/change/").content.decode()
    contest_form = client.get(f"/admin/contests/contest/{winner.contest_id}/change/").content.decode()
    for language in ("ky", "ru", "en"):
        assert f'name="award_{language}"' in entry_form
        assert f'name="results_note_{language}"' in contest_form


def test_a_content_editor_cannot_manage_groups(client, editor):
    client.force_login(editor)
    assert client.get("/admin/auth/group/").status_code == 403


def test_a_content_editor_looks_users_up_but_cannot_add_or_change_them(client, editor, outsider):
    # Editors verify municipal users, so they see the list; accounts and permissions stay with admins.
    client.force_login(editor)
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/admin/accounts/user/add/").status_code == 403
    response = client.post(
        f"/admin/accounts/user/{outsider.pk}/change/", {"email": outsider.email, "is_staff": "on", "is_superuser": "on"}
    )
    assert response.status_code == 403
    outsider.refresh_from_db()
    assert not outsider.is_superuser


@pytest.mark.django_db
def test_the_content_editors_group_covers_every_content_model():
    permissions = set(Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True))
    assert {"add_practice", "change_practice", "delete_practice", "change_event", "add_pressrelease"} <= permissions
    assert not {"add_user", "change_user", "change_group", "delete_region"} & permissions


def test_the_publish_action_publishes_drafts(client, sample_content, editor):
    from tests.factories import PracticeFactory

    draft = PracticeFactory(status=Practice.Status.DRAFT, published_at=None)
    client.force_login(editor)
    response = client.post(
        "/admin/practices/practice/", {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Practice.Status.PUBLISHED
    assert draft.published_at is not None


def test_every_registered_model_has_a_search_or_filter(sample_content):
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in {"practices", "events", "portal"}:
            assert model_admin.search_fields, f"{model.__name__} admin has no search"


def test_the_admin_loads_no_script_from_another_site(client, sample_content, editor):
    client.force_login(editor)
    practice = Practice.objects.get(slug="kumbel-drinking-water")
    html = client.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()
    assert "jquery-ui.min.js" in html  # the language tabs need it
    assert "//ajax.googleapis.com" not in html
