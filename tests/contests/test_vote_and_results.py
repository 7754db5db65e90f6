"""The public vote on the shortlist, the announcement, and winners published as practices."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from contests.decisions import announce_results, results
from contests.models import Criterion, Vote
from tests.factories import UserFactory, entry, juror, score, shortlist, voter, voting_contest

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def contest():
    contest = voting_contest()
    water, roads = entry(contest, "Water"), entry(contest, "Roads")
    shortlist(contest, [water.pk, roads.pk])
    return contest


def vote_url(contest, title):
    target = contest.entries.get(practice__title_en=title)
    return f"/en/contests/{contest.slug}/shortlist/{target.pk}/vote/"


def test_a_verified_user_votes_once(client, contest):
    client.force_login(voter())
    assert client.get(vote_url(contest, "Water")).status_code == 405
    client.post(vote_url(contest, "Water"))
    response = client.post(vote_url(contest, "Roads"), follow=True)
    assert "You have already voted in this contest." in response.content.decode()
    assert list(Vote.objects.values_list("entry__practice__title_en", flat=True)) == ["Water"]


def test_a_vote_can_move_when_the_contest_allows_it(client, contest):
    contest.votes_changeable = True
    contest.save()
    client.force_login(voter())
    client.post(vote_url(contest, "Water"))
    client.post(vote_url(contest, "Roads"))
    assert list(Vote.objects.values_list("entry__practice__title_en", flat=True)) == ["Roads"]


def test_an_unverified_address_cannot_vote(client, contest):
    client.force_login(voter(verified=False))
    response = client.post(vote_url(contest, "Water"), follow=True)
    assert response.redirect_chain == [(f"/en/contests/{contest.slug}/shortlist/", 302)]
    assert response.status_code == 200
    assert "Confirm your e-mail address first: only verified users vote." in response.content.decode()
    assert not Vote.objects.exists()


def test_counts_stay_hidden_until_the_vote_closes(client, contest):
    client.force_login(voter())
    client.post(vote_url(contest, "Water"))
    response = client.get(f"/en/contests/{contest.slug}/shortlist/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your vote" in html
    assert "1 vote" not in html
    contest.vote_counts_hidden = False
    contest.save()
    assert "1 vote" in client.get(f"/en/contests/{contest.slug}/shortlist/").content.decode()


def test_a_non_shortlisted_entry_is_neither_public_nor_votable(client, contest):
    other = entry(contest, "Lights")
    client.force_login(voter())
    assert client.get(f"/en/contests/{contest.slug}/shortlist/{other.pk}/").status_code == 404
    assert client.post(f"/en/contests/{contest.slug}/shortlist/{other.pk}/vote/").status_code == 404


def test_the_combined_score_follows_the_contests_shares():
    contest = voting_contest(jury_share=70, scale_min=1, scale_max=10)
    Criterion.objects.create(contest=contest, title_en="Results", weight=1, position=0)
    anna = juror(contest, "anna@jury.kg")
    water, roads = entry(contest, "Water"), entry(contest, "Roads")
    score(water, anna, [10])  # jury 100 on 0-100
    score(roads, anna, [1])  # jury 0
    shortlist(contest, [water.pk, roads.pk])
    for number in range(3):
        Vote.objects.create(contest=contest, entry=roads, user=voter(f"r{number}@example.kg"))
    Vote.objects.create(contest=contest, entry=water, user=voter("w@example.kg"))
    rows = {row["entry"].practice.title_en: row for row in results(contest)}
    # Water: 0.7 * 100 + 0.3 * (1/3 * 100) = 80.0; Roads: 0.7 * 0 + 0.3 * 100 = 30.0
    assert rows["Water"]["combined"] == pytest.approx(80)
    assert rows["Roads"]["combined"] == pytest.approx(30)


def test_announcing_publishes_the_winners_and_emails_everyone_at_once(
    client, contest, django_capture_on_commit_callbacks
):
    applicants = [UserFactory(preferred_language=language) for language in ("ky", "en")]
    water, roads = contest.entries.order_by("pk")
    for applicant, item in zip(applicants, (water, roads), strict=True):
        item.applicant = applicant
        item.save()
    contest.vote_closes_at = timezone.now() - DAY  # announced after the vote
    contest.save()
    with django_capture_on_commit_callbacks(execute=True):
        announce_results(contest, {water.pk: "First place"})
    water.refresh_from_db()
    roads.refresh_from_db()
    # The finalist keeps its place on the shortlist; only entries never shortlisted are "not selected".
    assert (water.status, water.award, roads.status) == ("winner", "First place", "shortlisted")
    assert water.practice.status == "published"
    assert {message.to[0] for message in mail.outbox} == {applicant.email for applicant in applicants}
    practice_page = client.get(f"/en/practices/{water.practice.slug}/").content.decode()
    assert "First place" in practice_page and f"/en/contests/{contest.slug}/results/" in practice_page
    assert client.get(f"/en/practices/{roads.practice.slug}/").status_code == 404
    results_page = client.get(f"/en/contests/{contest.slug}/results/").content.decode()
    assert results_page.index("Water") < results_page.index("Roads")


def test_awards_are_kept_in_the_organizers_language_and_an_empty_one_reads_winner(client, contest):
    water, roads = contest.entries.order_by("pk")
    contest.vote_closes_at = timezone.now() - DAY
    contest.save()
    with translation.override("ru"):
        announce_results(contest, {water.pk: "Первое место", roads.pk: ""})
    water.refresh_from_db()
    assert (water.award_ru, water.award_ky, water.award_en) == ("Первое место", None, None)
    assert "Первое место" in client.get(f"/ru/practices/{water.practice.slug}/").content.decode()
    for language, winner in (("ky", "Жеңүүчү"), ("ru", "Победитель"), ("en", "Winner")):
        page = client.get(f"/{language}/practices/{roads.practice.slug}/").content.decode()
        assert f"</svg> {winner} ·" in page


def test_results_are_not_public_before_the_announcement(client, contest):
    assert client.get(f"/en/contests/{contest.slug}/results/").status_code == 404


def test_decisions_follow_the_phases(contest):
    from contests.decisions import DecisionRefused, set_shortlist

    water = contest.entries.first()
    with pytest.raises(DecisionRefused):
        set_shortlist(contest, [water.pk])  # the vote is open
    with pytest.raises(DecisionRefused):
        announce_results(contest, {water.pk: "First"})  # ... and not closed yet
    contest.vote_closes_at = timezone.now() - DAY
    contest.save()
    with pytest.raises(DecisionRefused):
        announce_results(contest, {999999: "First"})  # not an entry of this contest
    announce_results(contest, {water.pk: "First"})
    with pytest.raises(DecisionRefused):
        announce_results(contest, {water.pk: "Again"})


def test_the_results_page_shows_only_finalists(client, contest):
    hidden = entry(contest, "Never shortlisted")
    contest.vote_closes_at = timezone.now() - DAY
    contest.save()
    announce_results(contest, {contest.entries.get(practice__title_en="Water").pk: "First"})
    response = client.get(f"/en/contests/{contest.slug}/results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Water" in html
    assert "Roads" in html
    assert "Never shortlisted" not in html
    hidden.refresh_from_db()
    assert hidden.status == "not_selected"


def test_the_vote_admin_never_shows_the_voter(admin_client, contest):
    citizen = voter("secret.voter@example.kg")
    citizen.full_name = "Secret Voterova"
    citizen.save()
    vote = Vote.objects.create(contest=contest, entry=contest.entries.get(practice__title_en="Water"), user=citizen)
    admin_client.cookies["django_language"] = "en"  # the admin has no language prefix
    for url in (f"/admin/contests/vote/{vote.pk}/change/", "/admin/contests/vote/"):
        response = admin_client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Water" in page  # the vote is shown: the entry voted for
        assert "secret.voter" not in page
        assert "Voterova" not in page
    # Nor can the list be filtered by the voter: Django refuses the lookup as suspicious.
    assert admin_client.get(f"/admin/contests/vote/?user__id__exact={citizen.pk}").status_code == 400


def test_the_announced_ranking_is_frozen(client, contest):
    water, roads = contest.entries.order_by("pk")
    for number in range(2):
        Vote.objects.create(contest=contest, entry=roads, user=voter(f"v{number}@example.kg"))
    contest.vote_closes_at = timezone.now() - DAY
    contest.save()
    announce_results(contest, {water.pk: "First place"})
    roads.refresh_from_db()
    assert (roads.final_rank, roads.final_votes) == (2, 2)
    Vote.objects.all().delete()  # e.g. the voters deleted their accounts later
    response = client.get(f"/en/contests/{contest.slug}/results/")
    assert response.status_code == 200
    html = response.content.decode()
    # The bars still show the two votes counted at the announcement (the most any entry had), and none for Water.
    assert '<progress class="vote-progress" max="2" value="2" aria-hidden="true"></progress>' in html
    assert '<progress class="vote-progress" max="2" value="0" aria-hidden="true"></progress>' in html
