"""Jury pages: who sees which entry, scores within the scale, and the weighted ranking."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from contests.models import Criterion, Score
from contests.scoring import ranking
from tests.factories import UserFactory, entry, in_review_contest, juror, make_contest, score

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def contest():
    contest = in_review_contest()
    Criterion.objects.create(contest=contest, title_en="Results", weight=3, position=0)
    Criterion.objects.create(contest=contest, title_en="Participation", weight=1, position=1)
    return contest


def test_the_weighted_ranking_on_a_worked_example(contest):
    anna, bolot = juror(contest, "anna@jury.kg"), juror(contest, "bolot@jury.kg")
    water, roads, lights = entry(contest, "Water"), entry(contest, "Roads"), entry(contest, "Lights")
    # Water: Anna (8*3 + 4*1)/4 = 7.00, Bolot (6*3 + 10*1)/4 = 7.00 -> 7.00, spread 0.00
    score(water, anna, [8, 4])
    score(water, bolot, [6, 10])
    # Roads: Anna (10*3 + 2*1)/4 = 8.00, Bolot (7*3 + 5*1)/4 = 6.50 -> 7.25, spread 1.50
    score(roads, anna, [10, 2])
    score(roads, bolot, [7, 5])
    # Lights: only Anna finished, (5*3 + 5*1)/4 = 5.00; Bolot gave one score of two -> not counted yet
    score(lights, anna, [5, 5])
    Score.objects.create(entry=lights, juror=bolot, criterion=contest.criteria.get(position=0), value=10)

    rows = ranking(contest)
    assert [row.entry.practice.title_en for row in rows] == ["Roads", "Water", "Lights"]
    assert [row.jury_score for row in rows] == [Decimal("7.25"), Decimal("7.00"), Decimal("5.00")]
    assert [row.spread for row in rows] == [Decimal("1.50"), Decimal("0.00"), None]
    assert [row.missing for row in rows] == [0, 0, 1]


def test_a_juror_scores_an_entry_within_the_scale(client, contest):
    anna = juror(contest, "anna@jury.kg")
    water = entry(contest, "Water")
    results, participation = contest.criteria.order_by("position")
    client.force_login(anna)
    url = f"/en/contests/jury/{contest.slug}/{water.pk}/"
    response = client.post(url, {f"score_{results.pk}": "11", f"score_{participation.pk}": "0"})
    assert response.status_code == 400
    assert "less than or equal to 10" in response.content.decode()
    assert not Score.objects.exists()
    response = client.post(
        url, {f"score_{results.pk}": "9", f"score_{participation.pk}": "7", f"comment_{results.pk}": "Strong figures"}
    )
    assert response.status_code == 302
    assert sorted(Score.objects.values_list("value", flat=True)) == [7, 9]
    assert "You have scored 1 of 1 entry." in client.get(f"/en/contests/jury/{contest.slug}/").content.decode()


def test_other_jurors_scores_stay_hidden_until_ones_own_are_given(client, contest):
    anna, bolot = juror(contest, "anna@jury.kg"), juror(contest, "bolot@jury.kg")
    water = entry(contest, "Water")
    score(water, bolot, [3, 3])
    Score.objects.filter(juror=bolot).update(comment="Bolot's secret note")
    client.force_login(anna)
    url = f"/en/contests/jury/{contest.slug}/{water.pk}/"
    hidden = "You see the other jurors' scores once you have scored every criterion."
    # The page escapes the apostrophe: that is the form the note would take if it were shown.
    note = "Bolot&#x27;s secret note"
    before = client.get(url)
    assert before.status_code == 200
    html = before.content.decode()
    assert f"<h1>{water.number} · Water</h1>" in html
    assert 'name="score_' in html
    assert hidden in html
    assert note not in html
    score(water, anna, [8, 8])
    after = client.get(url)
    assert after.status_code == 200
    html = after.content.decode()
    assert f"<td>Results</td><td>3<br><small>{note}</small></td>" in html
    assert hidden not in html


def test_outsiders_and_jurors_of_another_contest_get_404(client, contest):
    water = entry(contest, "Water")
    other = in_review_contest(slug="contest-2031", year=2031)
    stranger_juror = juror(other, "other@jury.kg")
    url = f"/en/contests/jury/{contest.slug}/{water.pk}/"
    for user in (UserFactory(), stranger_juror):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.get(f"/en/contests/jury/{contest.slug}/").status_code == 404


def test_an_entry_assigned_to_others_is_not_shown(client, contest):
    anna, bolot = juror(contest, "anna@jury.kg"), juror(contest, "bolot@jury.kg")
    water = entry(contest, "Water")
    water.assigned_jurors.add(bolot)
    client.force_login(anna)
    assert client.get(f"/en/contests/jury/{contest.slug}/{water.pk}/").status_code == 404


def test_a_draft_entry_is_not_shown_to_the_jury(client, contest):
    anna = juror(contest, "anna@jury.kg")
    draft = entry(contest, "Unfinished")
    draft.status = "draft"
    draft.save()
    client.force_login(anna)
    assert client.get(f"/en/contests/jury/{contest.slug}/{draft.pk}/").status_code == 404


def test_the_organizer_sees_the_ranking_and_reminds_late_jurors(
    client, contest, editor, django_capture_on_commit_callbacks
):
    anna, bolot = juror(contest, "anna@jury.kg"), juror(contest, "bolot@jury.kg")
    water = entry(contest, "Water")
    score(water, anna, [8, 8])
    client.force_login(anna)
    assert client.get(f"/en/contests/jury/{contest.slug}/ranking/").status_code == 403
    client.force_login(editor)
    html = client.get(f"/en/contests/jury/{contest.slug}/ranking/").content.decode()
    assert "8.00" in html and "Water" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/contests/jury/{contest.slug}/ranking/remind/")
    assert [message.to for message in mail.outbox] == [[bolot.email]]


def test_jurors_see_no_entry_while_submissions_are_open(client):
    now = timezone.now()
    contest = make_contest(submissions_close_at=now + 2 * DAY, review_starts_at=now + 3 * DAY)
    anna = juror(contest, "anna@jury.kg")
    water = entry(contest, "Water")
    client.force_login(anna)
    assert client.get(f"/en/contests/jury/{contest.slug}/{water.pk}/").status_code == 404
