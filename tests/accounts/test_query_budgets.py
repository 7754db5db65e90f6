"""Query budgets of every page under /account/: the cabinet and its sub-pages (profile, saved practices,
proposals, data download, closing the account) and the sign-in pages of django-allauth.

Each page is rendered with one item and with many, under one pinned budget (pretalx style): the budget is
today's count, so an added query fails, and "many" within the same budget proves there is no N+1.
"""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.utils import timezone

from accounts.models import SavedPractice
from contests.models import Contest, Entry
from events.models import Registration
from lessons.models import Certificate, Course, CourseLesson, VideoLesson, WatchedLesson
from practices.models import Practice
from practices.proposals import new_draft_practice, start_proposal
from tests.factories import EventFactory, PracticeFactory, attach_media
from tests.helpers import page_within_budget, post_within_budget, response_within_budget

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]
DAY = datetime.timedelta(days=1)
SAVED_PER_PAGE = 12


def _ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes + 1)


def _saved(user, count):
    practices = [PracticeFactory(title_en=f"Zephyr saved practice {i:02}") for i in range(count)]
    for practice in practices:
        SavedPractice.objects.create(user=user, practice=practice)
    return practices


def _proposals(user, count, status=Practice.Status.DRAFT):
    proposals = []
    for i in range(count):
        practice = start_proposal(user, "en", f"Zephyr proposal {i:02}")
        if status != Practice.Status.DRAFT:
            practice.status = status
            practice.published_at = _ago(i) if status == Practice.Status.PUBLISHED else None
            practice.save()
        proposals.append(practice)
    return proposals


def _registrations(user, count):
    """Registrations for ``count`` upcoming events: made signed in, or with the user's verified address."""
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    registrations = []
    for i in range(count):
        event = EventFactory(title_en=f"Zephyr registered event {i:02}", starts_at=timezone.now() + DAY * (i + 1))
        registrations.append(
            Registration.objects.create(
                event=event,
                user=user if i % 2 else None,
                full_name=user.full_name,
                email=user.email,
                language="en",
                seat=1,
                consent_at=timezone.now(),
            )
        )
    return registrations


def _contest(number):
    now = timezone.now()
    return Contest.objects.create(
        slug=f"zephyr-contest-{number:02}",
        year=2200 + number,
        title_en=f"Zephyr contest {number:02}",
        rules_en="Rules.",
        submissions_open_at=now - 10 * DAY,
        submissions_close_at=now + 20 * DAY,
        review_starts_at=now + 21 * DAY,
        review_ends_at=now + 40 * DAY,
        results_at=now + 60 * DAY,
        is_published=True,
    )


def _entries(user, count):
    entries = []
    for i in range(count):
        practice = new_draft_practice(user.municipality, "en", f"Zephyr contest entry {i:02}")
        entries.append(
            Entry.objects.create(contest=_contest(i), practice=practice, municipality=user.municipality, applicant=user)
        )
    return entries


def _courses(user, count):
    """``count`` courses the user has begun (one lesson of two watched), each with a certificate."""
    courses = []
    for i in range(count):
        course = Course.objects.create(
            slug=f"zephyr-course-{i:02}", title_en=f"Zephyr course {i:02}", is_published=True
        )
        for position in (1, 2):
            lesson = VideoLesson.objects.create(
                slug=f"zephyr-lesson-{i:02}-{position}",
                title_en=f"Zephyr lesson {i:02}-{position}",
                video_url="https://www.youtube.com/watch?v=LSGlesson01",
                duration_minutes=10,
                is_published=True,
            )
            CourseLesson.objects.create(course=course, lesson=lesson, position=position)
            if position == 1:
                WatchedLesson.objects.create(user=user, lesson=lesson)
        Certificate.objects.create(
            user=user,
            course=course,
            full_name=user.full_name,
            issued_on=timezone.localdate(),
            lesson_count=2,
            minutes=20,
        )
        courses.append(course)
    return courses


# -- the cabinet -------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_cabinet_budget(client, django_assert_max_num_queries, municipal_user, count):
    """The overview with ``count`` saved practices, proposals, registrations, contest entries and courses."""
    _saved(municipal_user, count)
    _proposals(municipal_user, count)
    registrations = _registrations(municipal_user, count)
    entries = _entries(municipal_user, count)
    courses = _courses(municipal_user, count)
    client.force_login(municipal_user)
    html = page_within_budget(client, django_assert_max_num_queries, 15, "/en/account/")
    assert html.count("Zephyr saved practice") == min(count, 5)
    assert html.count("Zephyr proposal") == min(count, 5)
    assert all(registration.event.title_en in html for registration in registrations)
    assert all(entry.practice.title_en in html and entry.contest.title_en in html for entry in entries)
    assert all(course.title_en in html for course in courses)


@pytest.mark.parametrize("count", COUNTS)
def test_saved_practices_budget(client, django_assert_max_num_queries, outsider, count):
    _saved(outsider, count)
    client.force_login(outsider)
    html = page_within_budget(client, django_assert_max_num_queries, 7, "/en/account/saved/")
    assert html.count("Remove from saved") == min(count, SAVED_PER_PAGE)
    assert html.count('<h3 class="practice-card__title">') == min(count, SAVED_PER_PAGE)


@pytest.mark.parametrize("count", COUNTS)
def test_proposal_list_budget(client, django_assert_max_num_queries, municipal_user, count):
    proposals = _proposals(municipal_user, count)
    client.force_login(municipal_user)
    html = page_within_budget(client, django_assert_max_num_queries, 6, "/en/account/practices/")
    assert all(proposal.title_en in html for proposal in proposals)


def test_proposal_start_budget(client, django_assert_max_num_queries, municipal_user):
    client.force_login(municipal_user)
    html = page_within_budget(client, django_assert_max_num_queries, 5, "/en/account/practices/new/")
    assert 'name="title"' in html


@pytest.mark.parametrize("count", COUNTS)
def test_proposal_form_budget(client, django_assert_max_num_queries, municipal_user, count):
    """A draft with ``count`` photos, documents and videos: the form with the attachment lists."""
    proposal = _proposals(municipal_user, 1)[0]
    attach_media(proposal, count)
    client.force_login(municipal_user)
    html = page_within_budget(client, django_assert_max_num_queries, 13, f"/en/account/practices/{proposal.pk}/")
    assert proposal.title_en in html
    for i in range(count):
        for what in ("photo", "report", "video"):
            assert f"Zephyr {what} {i:02}" in html, (what, i)


@pytest.mark.parametrize("count", COUNTS)
def test_proposal_in_review_budget(client, django_assert_max_num_queries, municipal_user, count):
    """A proposal sent to the editors: read only, among ``count`` proposals in review."""
    proposals = _proposals(municipal_user, count, status=Practice.Status.IN_REVIEW)
    proposal = proposals[-1]
    attach_media(proposal, count)
    client.force_login(municipal_user)
    html = page_within_budget(client, django_assert_max_num_queries, 5, f"/en/account/practices/{proposal.pk}/")
    assert proposal.title_en in html and "In review" in html


def test_profile_budget(client, django_assert_max_num_queries, municipal_user):
    client.force_login(municipal_user)
    html = page_within_budget(client, django_assert_max_num_queries, 7, "/en/account/profile/")
    assert municipal_user.municipality.name_en in html


@pytest.mark.parametrize("count", COUNTS)
def test_data_download_budget(client, django_assert_max_num_queries, municipal_user, count):
    """The JSON of everything stored about a user with ``count`` of everything."""
    _saved(municipal_user, count)
    for proposal in _proposals(municipal_user, count):
        attach_media(proposal, 1)
    _registrations(municipal_user, count)
    _courses(municipal_user, count)
    client.force_login(municipal_user)
    data = response_within_budget(client, django_assert_max_num_queries, 13, "/en/account/data/").json()
    assert len(data["saved_practices"]) == count
    assert len(data["proposed_practices"]) == count and all(p["photos"] for p in data["proposed_practices"])
    assert len(data["event_registrations"]) == count
    assert len(data["watched_lessons"]) == count and len(data["certificates"]) == count


@pytest.mark.parametrize("count", COUNTS)
def test_delete_account_page_budget(client, django_assert_max_num_queries, municipal_user, count):
    """The page counts the user's published practices and certificates."""
    _proposals(municipal_user, count, status=Practice.Status.PUBLISHED)
    _courses(municipal_user, count)
    client.force_login(municipal_user)
    response = response_within_budget(client, django_assert_max_num_queries, 6, "/en/account/delete/")
    assert response.context["published_count"] == count and response.context["certificate_count"] == count
    assert 'name="password"' in response.content.decode()


# -- django-allauth's pages --------------------------------------------------------------------------


# Pages that a visitor reads signed out; the pages' one query is the footer's.
SIGNED_OUT_PAGES = {
    "/en/account/login/": 1,
    "/en/account/signup/": 1,
    "/en/account/password/reset/": 1,
    "/en/account/password/reset/done/": 1,
    "/en/account/inactive/": 1,
}


@pytest.mark.parametrize("url", SIGNED_OUT_PAGES)
def test_signed_out_account_pages_budget(client, django_assert_max_num_queries, url):
    html = page_within_budget(client, django_assert_max_num_queries, SIGNED_OUT_PAGES[url], url)
    assert "</main>" in html


@pytest.mark.parametrize("count", [1, 2])
def test_email_addresses_page_budget(client, django_assert_max_num_queries, outsider, count):
    """The user's address, and (with ``count`` 2) a new one waiting for its confirmation."""
    addresses = [EmailAddress.objects.create(user=outsider, email=outsider.email, verified=True, primary=True)]
    if count == 2:
        addresses.append(EmailAddress.objects.create(user=outsider, email="new@zephyr.kg", verified=False))
    client.force_login(outsider)
    html = page_within_budget(client, django_assert_max_num_queries, 7, "/en/account/email/")
    assert all(address.email in html for address in addresses)


SIGNED_IN_PAGES = {"/en/account/password/change/": 3, "/en/account/logout/": 3}


@pytest.mark.parametrize("url", SIGNED_IN_PAGES)
def test_signed_in_account_pages_budget(client, django_assert_max_num_queries, outsider, url):
    """Changing the password, and the sign-out confirmation."""
    EmailAddress.objects.create(user=outsider, email=outsider.email, verified=True, primary=True)
    client.force_login(outsider)
    assert "<form" in page_within_budget(client, django_assert_max_num_queries, SIGNED_IN_PAGES[url], url)


# -- what the forms of these pages send --------------------------------------------------------------


def test_asking_to_be_verified_budget(client, django_assert_max_num_queries, outsider):
    from portal.models import Municipality

    outsider.municipality = Municipality.objects.get(slug="at-bashy")
    outsider.save()
    client.force_login(outsider)
    post_within_budget(client, django_assert_max_num_queries, 3, "/en/account/profile/verification/", {})
    outsider.refresh_from_db()
    assert outsider.verification_requested_at


def test_saving_the_profile_budget(client, django_assert_max_num_queries, municipal_user):
    from accounts.forms import municipality_label

    data = {
        "full_name": "Zephyr Renamed",
        "municipality": municipality_label(municipal_user.municipality),
        "kind": "municipal_staff",
        "preferred_language": "en",
    }
    client.force_login(municipal_user)
    post_within_budget(client, django_assert_max_num_queries, 5, "/en/account/profile/", data)
    municipal_user.refresh_from_db()
    assert municipal_user.full_name == "Zephyr Renamed" and municipal_user.is_verified_municipal_user


def test_starting_a_proposal_budget(client, django_assert_max_num_queries, municipal_user):
    client.force_login(municipal_user)
    data = {"text_language": "en", "title": "Zephyr new proposal"}
    # PostgreSQL writes the new practice's search vector with one more query.
    budget = 16 if connection.vendor == "postgresql" else 15
    post_within_budget(client, django_assert_max_num_queries, budget, "/en/account/practices/new/", data)
    assert municipal_user.proposed_practices.get().title_en == "Zephyr new proposal"


@pytest.mark.parametrize("count", COUNTS)
def test_deleting_a_draft_budget(client, django_assert_max_num_queries, municipal_user, count):
    """A draft with ``count`` photos, documents and videos is deleted with all of them."""
    proposal = _proposals(municipal_user, 1)[0]
    attach_media(proposal, count)
    client.force_login(municipal_user)
    post_within_budget(client, django_assert_max_num_queries, 24, f"/en/account/practices/{proposal.pk}/delete/", {})
    assert not Practice.objects.filter(pk=proposal.pk).exists()


@pytest.mark.parametrize("count", COUNTS)
def test_cancelling_from_the_cabinet_budget(client, django_assert_max_num_queries, municipal_user, count):
    """The user cancels one of ``count`` registrations."""
    registrations = _registrations(municipal_user, count)
    client.force_login(municipal_user)
    url = f"/en/account/registrations/{registrations[-1].pk}/cancel/"
    post_within_budget(client, django_assert_max_num_queries, 11, url, {})
    registrations[-1].refresh_from_db()
    assert registrations[-1].status == Registration.Status.CANCELLED


@pytest.mark.parametrize("count", COUNTS)
def test_deleting_the_account_budget(client, django_assert_max_num_queries, municipal_user, count):
    """The account goes with ``count`` drafts, registrations, saved practices and certificates.

    A write that touches each row: delete_account() deletes each draft on its own (19 queries a draft)
    and cancels each registration on its own, telling the waiting list (9 a registration). Saved
    practices and certificates cost nothing per item. Pinned as 35 queries plus 28 for each set of
    items (63 for one, 595 for twenty), so a new query, fixed or per item, fails."""
    _saved(municipal_user, count)
    _proposals(municipal_user, count)
    _registrations(municipal_user, count)
    _courses(municipal_user, count)
    client.force_login(municipal_user)
    data = {"password": "correct horse battery staple"}
    post_within_budget(client, django_assert_max_num_queries, 35 + 28 * count, "/en/account/delete/", data)
    assert not type(municipal_user).objects.filter(pk=municipal_user.pk).exists()
