"""A municipality enters the contest: a draft over several visits, submitted before the deadline."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from contests.models import Entry, Question
from portal.models import Municipality
from practices.models import Sector
from tests.factories import UserFactory, make_contest

pytestmark = pytest.mark.django_db

TEXT = {
    "title": "Таза суу ар бир үйгө",
    "summary": "Айыл өкмөтү жана тургундар суу түтүгүн оңдошту.",
    "situation_before": "Үйлөрдүн жарымында суу жок болчу.",
    "process": "Жыйын, чогултулган акча, жаңы түтүк.",
    "results": "Бардык үйлөргө суу келди.",
}


@pytest.fixture
def officer(db):
    return UserFactory(
        email="officer@atbashy.kg",
        municipality=Municipality.objects.get(slug="at-bashy"),
        municipality_verified_at=timezone.now(),
        preferred_language="ru",
    )


@pytest.fixture
def contest(db):
    contest = make_contest()
    Question.objects.create(contest=contest, text_en="Who paid for it?", position=0)
    return contest


def start(client, officer, contest):
    client.force_login(officer)
    response = client.post(f"/en/contests/{contest.slug}/enter/", {"text_language": "ky", "title": TEXT["title"]})
    assert response.status_code == 302
    return Entry.objects.get(applicant=officer)


def full_form(entry, **changes):
    question = entry.contest.questions.get()
    data = {
        **TEXT,
        "sectors": [Sector.objects.get(slug="drinking-water").pk],
        f"question_{question.pk}": "The ayil okmotu and the residents, half each.",
    }
    data.update(changes)
    return data


def test_a_draft_is_saved_and_restored_on_the_next_visit(client, officer, contest):
    entry = start(client, officer, contest)
    client.post(f"/en/contests/entries/{entry.pk}/", {"title": TEXT["title"], "summary": TEXT["summary"], "save": ""})
    client.logout()  # the browser was closed
    client.force_login(officer)
    html = client.get(f"/en/contests/entries/{entry.pk}/").content.decode()
    assert TEXT["summary"] in html
    assert entry.practice.status == "draft"
    assert client.get(f"/ky/practices/{entry.practice.slug}/").status_code == 404


def test_an_entry_is_submitted_with_a_receipt(client, officer, contest, django_capture_on_commit_callbacks):
    entry = start(client, officer, contest)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/contests/entries/{entry.pk}/", full_form(entry, submit=""))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "submitted" and entry.submitted_at
    assert entry.answers.get().text.startswith("The ayil okmotu")
    assert mail.outbox[0].to == [officer.email]
    assert entry.number in mail.outbox[0].subject
    assert TEXT["title"] in client.get("/en/account/").content.decode()  # "My contest entries"


def test_a_required_question_must_be_answered_to_submit(client, officer, contest):
    entry = start(client, officer, contest)
    question = contest.questions.get()
    response = client.post(
        f"/en/contests/entries/{entry.pk}/", full_form(entry, submit="", **{f"question_{question.pk}": ""})
    )
    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.status == "draft"
    assert entry.practice.summary_ky == TEXT["summary"]  # the rest is saved


def test_submitting_after_the_deadline_is_refused(client, officer, contest):
    entry = start(client, officer, contest)
    contest.submissions_close_at = timezone.now() - datetime.timedelta(minutes=1)
    contest.save()
    response = client.post(f"/en/contests/entries/{entry.pk}/", full_form(entry, submit=""))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "draft"
    assert not entry.practice.summary_ky  # nothing of that request was saved
    assert "Submissions are closed" in client.get(f"/en/contests/entries/{entry.pk}/").content.decode()


def test_editing_after_the_deadline_is_refused(client, officer, contest):
    entry = start(client, officer, contest)
    client.post(f"/en/contests/entries/{entry.pk}/", full_form(entry, submit=""))
    contest.submissions_close_at = timezone.now() - datetime.timedelta(minutes=1)
    contest.save()
    response = client.post(
        f"/en/contests/entries/{entry.pk}/",
        full_form(entry, summary="Changed after the deadline", save=""),
        follow=True,
    )
    assert response.redirect_chain == [(f"/en/contests/entries/{entry.pk}/", 302)]
    assert "Submissions are closed: the entry can no longer be changed." in response.content.decode()
    entry.refresh_from_db()
    assert entry.practice.summary_ky == TEXT["summary"]


def test_a_submission_racing_the_deadline_lands_whole_or_not_at_all(client, officer, contest):
    entry = start(client, officer, contest)
    # Open when the request starts, closed by the time it submits: the deadline passed in between.
    with mock.patch("contests.models.Contest.accepts_submissions", side_effect=[True, True, False]):
        response = client.post(f"/en/contests/entries/{entry.pk}/", full_form(entry, submit=""))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "draft"
    assert not entry.practice.summary_ky and not entry.answers.exists()


def test_someone_elses_entry_answers_404(client, officer, contest):
    entry = start(client, officer, contest)
    colleague = UserFactory(municipality=officer.municipality, municipality_verified_at=timezone.now())
    for user in (colleague, UserFactory()):
        client.force_login(user)
        assert client.get(f"/en/contests/entries/{entry.pk}/").status_code == 404
        assert client.post(f"/en/contests/entries/{entry.pk}/", full_form(entry, save="")).status_code == 404


def test_an_unverified_user_cannot_enter(client, contest):
    client.force_login(UserFactory())
    assert client.get(f"/en/contests/{contest.slug}/enter/").status_code == 403
    response = client.post(f"/en/contests/{contest.slug}/enter/", {"text_language": "en", "title": "Mine"})
    assert response.status_code == 403
    assert not contest.entries.exists()


def test_an_entry_of_a_sector_the_contest_does_not_accept_cannot_be_submitted(client, officer, contest):
    contest.eligible_sectors.set([Sector.objects.get(slug="roads")])
    entry = start(client, officer, contest)
    response = client.post(f"/en/contests/entries/{entry.pk}/", full_form(entry, submit=""))
    assert response.status_code == 400
    assert "accepts practices of other sectors" in response.content.decode()


def test_a_request_that_crosses_the_deadline_leaves_no_files_behind(client, officer, contest, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    entry = start(client, officer, contest)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(buffer, "PNG")
    photo = SimpleUploadedFile("lamps.png", buffer.getvalue(), "image/png")
    with mock.patch("contests.models.Contest.accepts_submissions", side_effect=[True, True, False, False]):
        client.post(f"/en/contests/entries/{entry.pk}/", full_form(entry, submit="", **{"image-image": photo}))
    assert not entry.practice.images.exists()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]
