import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.utils import timezone

from practices.models import Practice
from tests.factories import (
    AccessAttemptFactory,
    AccessFailureLogFactory,
    AccessLogFactory,
    CertificateFactory,
    EmailAddressFactory,
    PracticeFactory,
    RegistrationFactory,
    ReplicationFactory,
    SavedPracticeFactory,
    ScoreFactory,
    TagFactory,
    UserFactory,
    VoteFactory,
)

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


# What the content editors may do, model by model: everything they publish; users are only looked up and
# verified, the jury's scores and the votes only read (to export).
EVERYTHING = "add change delete view"
EDITORS_MAY = {
    "accounts.user": "view verify_municipal_user",
    "contests.contest": EVERYTHING,
    "contests.criterion": EVERYTHING,
    "contests.entry": "change view",
    "contests.question": EVERYTHING,
    "contests.score": "view",
    "contests.vote": "view",
    "curation.collection": EVERYTHING,
    "events.event": EVERYTHING,
    "events.eventmaterial": EVERYTHING,
    "events.pressrelease": EVERYTHING,
    "events.registration": "change delete view",
    "lessons.certificate": "view",
    "lessons.course": EVERYTHING,
    "lessons.courselesson": EVERYTHING,
    "lessons.videolesson": EVERYTHING,
    "library.librarydocument": EVERYTHING,
    "library.libraryfile": EVERYTHING,
    "portal.district": "view",
    "portal.municipality": "add change view",
    "portal.organization": EVERYTHING,
    "portal.project": EVERYTHING,
    "portal.projectpartner": EVERYTHING,
    "portal.region": "view",
    "portal.staticpage": EVERYTHING,
    "practices.audience": "add change view",
    "practices.practice": EVERYTHING,
    "practices.practicedocument": EVERYTHING,
    "practices.practiceimage": EVERYTHING,
    "practices.practiceredirect": "delete view",
    "practices.practicetag": EVERYTHING,
    "practices.practicevideo": EVERYTHING,
    "practices.replication": EVERYTHING,
    "practices.sector": "add change view",
    "practices.taggedpractice": EVERYTHING,
}
# The other models of the portal's own apps: no editor works on them in the admin.
NOT_FOR_EDITORS = {
    "accounts.savedpractice",  # the users' own bookmarks
    "contests.answer",  # the applicants' answers, read on the entry's pages
    "lessons.watchedlesson",  # the users' own progress
    "library.taggedlibrarydocument",  # tags are typed on the document itself
    "portal.searchdocument",  # the search index, kept by the portal
}
PORTAL_APPS = ("accounts", "contests", "curation", "events", "lessons", "library", "portal", "practices")


@pytest.mark.django_db
def test_the_content_editors_group_covers_every_content_model():
    from django.apps import apps

    models = {model._meta.label_lower for app in PORTAL_APPS for model in apps.get_app_config(app).get_models()}
    assert models == set(EDITORS_MAY) | NOT_FOR_EDITORS
    expected = set()
    for label, actions in EDITORS_MAY.items():
        app_label, model_name = label.split(".")
        for action in actions.split():
            codename = f"{action}_{model_name}" if action in EVERYTHING.split() else action
            expected.add(f"{app_label}.{codename}")
    group = Group.objects.get(name="Content editors")
    granted = {
        f"{app}.{codename}" for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert granted == expected


def test_the_publish_action_publishes_drafts(client, sample_content, editor):
    draft = PracticeFactory(status=Practice.Status.DRAFT, published_at=None)
    client.force_login(editor)
    response = client.post(
        "/admin/practices/practice/", {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Practice.Status.PUBLISHED
    assert draft.published_at is not None


def test_the_admin_actions_keep_search_and_year_in_step(client, editor):
    practice = PracticeFactory(title_en="Quarry road plan")
    assert client.get("/en/search/", {"q": "quarry"}).context["paginator"].count == 1
    client.force_login(editor)
    response = client.post(
        "/admin/practices/practice/", {"action": "send_back_to_draft", "_selected_action": [practice.pk]}
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == Practice.Status.DRAFT
    assert client.get("/en/search/", {"q": "quarry"}).context["paginator"].count == 0
    draft = PracticeFactory(title_en="Orchard plan", status=Practice.Status.DRAFT, published_at=None)
    assert client.get("/en/search/", {"q": "orchard"}).context["paginator"].count == 0
    response = client.post("/admin/practices/practice/", {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.year == timezone.localtime().year
    hits = client.get("/en/search/", {"q": "orchard"}).context["hits"]
    assert [hit.title for hit in hits] == ["Orchard plan"]


# Admins that refuse the add page: the portal or a tool writes these records, nobody types them.
NO_ADD_PAGE = {
    "axes.accessattempt",  # django-axes records sign-in attempts
    "axes.accessfailurelog",
    "axes.accesslog",
    "contests.score",  # jurors score on the jury pages
    "contests.vote",  # citizens vote on the shortlist
    "events.registration",  # people register on the event's page, giving their consent
    "lessons.certificate",  # the portal issues certificates for completed courses
}

# Models the sample content has no record of: the test makes one (a user too, rather than open its own superuser).
NOT_IN_THE_SAMPLE_CONTENT = {
    "account.emailaddress": EmailAddressFactory,
    "accounts.savedpractice": SavedPracticeFactory,
    "accounts.user": UserFactory,
    "axes.accessattempt": AccessAttemptFactory,
    "axes.accessfailurelog": AccessFailureLogFactory,
    "axes.accesslog": AccessLogFactory,
    "contests.score": ScoreFactory,
    "contests.vote": VoteFactory,
    "events.registration": RegistrationFactory,
    "lessons.certificate": CertificateFactory,
    "practices.replication": ReplicationFactory,
    "taggit.tag": TagFactory,
}

# Admins without a search box, and why: each has list filters instead.
NO_SEARCH = {
    "contests.score": "scores are found by contest and juror (the list filters)",
    "contests.vote": "votes are anonymous: a search by voter would say who voted for what",
}

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label_lower)


def _a_record(model):
    label = model._meta.label_lower
    if label in NOT_IN_THE_SAMPLE_CONTENT:
        return NOT_IN_THE_SAMPLE_CONTENT[label]()
    record = model._default_manager.order_by("pk").first()
    assert record is not None, f"the sample content has no {label}: add a factory to NOT_IN_THE_SAMPLE_CONTENT"
    return record


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
@pytest.mark.parametrize("model", [model for model, _admin in REGISTERED], ids=lambda model: model._meta.label_lower)
def test_every_admin_page_opens_for_a_superuser_in_each_language(admin_client, sample_content, model, language):
    record = _a_record(model)
    opts = model._meta
    base = f"/admin/{opts.app_label}/{opts.model_name}/"
    admin_client.cookies["django_language"] = language  # the admin has no language prefix
    in_language = f'<html lang="{language}" '

    listing = admin_client.get(base)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert in_language in html
    assert 'id="changelist"' in html
    assert f'href="{base}{record.pk}/change/' in html

    add = admin_client.get(f"{base}add/")
    if opts.label_lower in NO_ADD_PAGE:
        assert add.status_code == 403
    else:
        assert add.status_code == 200
        html = add.content.decode()
        assert in_language in html
        assert f'id="{opts.model_name}_form"' in html

    change = admin_client.get(f"{base}{record.pk}/change/")
    assert change.status_code == 200
    html = change.content.decode()
    assert in_language in html
    assert f'id="{opts.model_name}_form"' in html
    assert f'href="{base}{record.pk}/history/"' in html


def test_the_list_of_admins_without_an_add_page_is_exact(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    refusing = {
        model._meta.label_lower for model, model_admin in REGISTERED if not model_admin.has_add_permission(request)
    }
    assert refusing == NO_ADD_PAGE


@pytest.mark.parametrize("model", [model for model, _admin in REGISTERED], ids=lambda model: model._meta.label_lower)
def test_every_registered_model_has_a_search_or_filter(admin_client, rf, admin_user, sample_content, model):
    model_admin = admin.site._registry[model]
    request = rf.get("/admin/")
    request.user = admin_user
    label = model._meta.label_lower
    if label in NO_SEARCH:
        assert not model_admin.get_search_fields(request)
        assert model_admin.list_filter, f"{label} admin has neither a search nor a filter"
        return
    assert model_admin.get_search_fields(request), f"{label} admin has no search"
    # Every search field exists: a search answers with the list, not an error.
    admin_client.cookies["django_language"] = "en"
    response = admin_client.get(f"/admin/{model._meta.app_label}/{model._meta.model_name}/", {"q": "kumbel"})
    assert response.status_code == 200
    assert 'id="changelist"' in response.content.decode()


def test_the_admin_loads_no_script_from_another_site(client, sample_content, editor):
    client.force_login(editor)
    practice = Practice.objects.get(slug="kumbel-drinking-water")
    html = client.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()
    assert "jquery-ui.min.js" in html  # the language tabs need it
    assert "//ajax.googleapis.com" not in html
