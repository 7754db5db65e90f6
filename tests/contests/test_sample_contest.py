"""The finished contest of the sample content: what a fresh portal shows about a contest with results."""

import pytest
from django.core.management import call_command
from django.utils.html import escape

from contests.models import Contest, Criterion, Entry
from practices.models import Practice
from tests.factories import entry, juror, score, voting_contest

pytestmark = pytest.mark.django_db
PAST = "/{language}/contests/best-practice-contest-2020/"


def _ranking():
    return list(
        Entry.objects.filter(contest__slug="best-practice-contest-2020")
        .order_by("final_rank")
        .values_list("final_rank", "practice__slug", "status", "final_jury_score", "final_votes", "final_combined")
    )


def test_the_contest_list_links_the_finished_contest_to_its_results(client, sample_content):
    html = client.get("/en/contests/").content.decode()
    assert "LSG Best Practice Contest 2027" in html and "LSG Best Practice Contest 2020" in html
    assert f'href="{PAST.format(language="en")}results/"' in html


def test_the_winner_and_the_finalists_are_ranked_by_the_announcement_rules(sample_content):
    ranking = _ranking()
    assert [row[1] for row in ranking] == [
        "alamudun-e-library",
        # Jeti-Oguz had the lower jury score but more votes: with the vote at 30 % it ranks above Kumbel.
        "jeti-oguz-inter-municipal-cooperation",
        "kumbel-drinking-water",
        "toktogul-solid-waste",
        "lebedinovka-water-intake",
    ]
    rank, _slug, status, jury, votes, combined = ranking[0]
    # 0.7 × (8.6 − 1) / 9 × 100 + 0.3 × 100 = 89.1 (the most votes count as 100)
    assert (rank, status, str(jury), votes, str(combined)) == (1, "winner", "8.60", 412, "89.1")
    assert {row[2] for row in ranking[1:]} == {"shortlisted"}
    contest = Contest.objects.get(slug="best-practice-contest-2020")
    assert contest.results_published and contest.results_announced_at == contest.results_at
    assert contest.criteria.count() == 5


@pytest.mark.parametrize(
    ("language", "winner", "demo_note"),
    [
        ("ky", "Жеңүүчү", "Бул көрсөтмө мазмун"),
        ("ru", "Победитель", "Это демонстрационное содержание"),
        ("en", "Winner", "This is sample content"),
    ],
)
def test_the_results_page_reads_in_each_language_and_says_the_figures_are_examples(
    client, sample_content, language, winner, demo_note
):
    html = client.get(PAST.format(language=language) + "results/").content.decode()
    assert demo_note in html
    assert f'href="/{language}/practices/alamudun-e-library/"' in html
    finalist = Entry.objects.get(practice__slug="kumbel-drinking-water")
    finalist_url = f"{PAST.format(language=language)}shortlist/{finalist.pk}/"
    # Winners first, each finalist linked to its entry page.
    assert html.index(f">{winner}</span>") < html.index(f'href="{finalist_url}"')
    assert client.get(finalist_url).status_code == 200


def test_the_winning_practice_shows_its_award_and_the_finalists_do_not(client, sample_content):
    html = client.get("/ru/practices/alamudun-e-library/").content.decode()
    assert "Победитель ·" in html
    assert 'class="award-badge"' in html
    assert PAST.format(language="ru") + "results/" in html
    response = client.get("/ru/practices/kumbel-drinking-water/")
    assert response.status_code == 200
    finalist = response.content.decode()
    assert f"<h1>{escape(Practice.objects.get(slug='kumbel-drinking-water').title_ru)}</h1>" in finalist
    assert "award-badge" not in finalist
    assert "Победитель" not in finalist


def test_reloading_the_sample_content_keeps_the_published_ranking(sample_content):
    before = _ranking()
    call_command("load_sample_content", verbosity=0)
    assert _ranking() == before
    assert Entry.objects.count() == len(before)


def test_an_editor_corrects_the_figures_of_a_contest_held_off_the_portal(client, sample_content, editor):
    kumbel = Entry.objects.get(practice__slug="kumbel-drinking-water")
    client.cookies["django_language"] = "en"
    client.force_login(editor)
    form = client.get(f"/admin/contests/entry/{kumbel.pk}/change/").content.decode()
    assert 'name="final_votes"' in form and 'name="final_rank"' not in form
    data = {
        "contest": kumbel.contest_id,
        "practice": kumbel.practice_id,
        "municipality": kumbel.municipality_id,
        "status": "shortlisted",
        "final_jury_score": "8.10",
        "final_votes": "500",
    }
    response = client.post(f"/admin/contests/entry/{kumbel.pk}/change/", data)
    assert response.status_code == 302
    ranking = [row[1] for row in _ranking()]
    # More votes than anyone: first among the finalists, after the winner.
    assert ranking[:2] == ["alamudun-e-library", "kumbel-drinking-water"]


def test_the_figures_of_a_contest_judged_on_the_portal_cannot_be_typed_over(client, editor, db):
    contest = voting_contest()
    Criterion.objects.create(contest=contest, title_en="Results", weight=1, position=0)
    water = entry(contest, "Water")
    score(water, juror(contest, "anna@jury.kg"), [7])
    Contest.objects.filter(pk=contest.pk).update(results_announced_at=contest.results_at)  # announced
    client.cookies["django_language"] = "en"
    client.force_login(editor)
    response = client.get(f"/admin/contests/entry/{water.pk}/change/")
    assert response.status_code == 200
    form = response.content.decode()
    assert 'id="entry_form"' in form
    assert 'name="status"' in form  # the editor still decides the entry's status...
    assert 'name="final_votes"' not in form  # ... but not the figures the portal counted
    assert 'name="final_jury_score"' not in form
