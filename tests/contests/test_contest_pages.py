import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from contests.models import Criterion
from tests.factories import make_contest
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def test_the_contest_page_shows_the_rules_the_current_phase_and_its_deadline(client):
    # A deadline at a known minute (Bishkek time), so the page's wording of it can be written out.
    closes = datetime.datetime(2099, 3, 14, 18, 30, tzinfo=ZoneInfo("Asia/Bishkek"))
    contest = make_contest(
        submissions_close_at=closes,
        review_starts_at=closes + datetime.timedelta(days=1),
        review_ends_at=closes + datetime.timedelta(days=20),
        vote_opens_at=closes + datetime.timedelta(days=21),
        vote_closes_at=closes + datetime.timedelta(days=30),
        results_at=closes + datetime.timedelta(days=40),
    )
    Criterion.objects.create(contest=contest, title_en="Results", weight=3, position=0)
    Criterion.objects.create(contest=contest, title_en="Participation", weight=1, position=1)
    response = client.get("/en/contests/contest-2030/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Open to every ayil aimak." in html
    assert "Now: <strong>Submissions</strong> — until March 14, 2099, 18:30" in html
    assert "75 %" in html and "25 %" in html  # the weights as shares of the jury's score
    assert "jury (70 %) and the public vote (30 %)" in html
    assert 'aria-current="step"' in html


def test_between_phases_the_page_says_what_comes_next(client):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    contest = make_contest(submissions_close_at=now - 5 * day, review_starts_at=now + 3 * day)
    assert contest.current_phase(now) is None
    assert contest.next_phase(now).code == "review"
    assert "Next: Jury review" in client.get("/en/contests/contest-2030/").content.decode()


def test_the_list_shows_published_contests_only(client):
    make_contest()
    make_contest(slug="draft-2031", year=2031, title_en="Draft contest", is_published=False)
    html = client.get("/en/contests/").content.decode()
    assert "Best Practice Contest 2030" in html and "Draft contest" not in html
    assert client.get("/en/contests/draft-2031/").status_code == 404


def test_phases_must_follow_each_other():
    contest = make_contest()
    contest.review_starts_at = contest.submissions_open_at - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        contest.full_clean()
    assert "review_starts_at" in error.value.message_dict


def test_without_a_vote_the_jury_decides_alone():
    contest = make_contest(vote_opens_at=None, vote_closes_at=None)
    with pytest.raises(ValidationError) as error:
        contest.full_clean()
    assert "jury_share" in error.value.message_dict
    contest.jury_share = 100
    contest.full_clean()
    assert [phase.code for phase in contest.phases()] == ["submissions", "review", "results"]


def test_the_sample_contest_is_listed_in_every_language(client, sample_content):
    for language, title in (("ky", "ЖӨБ мыкты тажрыйбалар сынагы – 2027"), ("ru", "Конкурс лучших практик МСУ – 2027")):
        assert title in client.get(f"/{language}/contests/").content.decode()
    assert client.get("/en/contests/best-practice-contest-2027/").status_code == 200


def test_the_contest_list_issues_the_same_queries_for_one_and_for_many(client):
    make_contest()
    one = count_queries(client, "/en/contests/")
    for year in range(2031, 2036):
        make_contest(slug=f"contest-{year}", year=year)
    assert count_queries(client, "/en/contests/") == one
