"""Query budgets of the contest: its public pages (list, contest, shortlist, entry, results), the
applicant's entry pages and the jury's pages (the juror's list, the scoring page, the organizer's ranking).

Each page is rendered with one item and with many, under one pinned budget (pretalx style): the budget is
today's count, so an added query fails, and "many" within the same budget proves there is no N+1.
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from contests.models import Answer, Contest, Criterion, Entry, Question, Score, Vote
from portal.models import Municipality
from practices.models import Sector
from practices.proposals import new_draft_practice
from tests.factories import UserFactory, attach_media
from tests.helpers import page_within_budget, post_within_budget

pytestmark = pytest.mark.django_db

COUNTS = [1, 20]
DAY = datetime.timedelta(days=1)

# Days from now of each date, for a contest in each phase.
PHASES = {
    "submissions": (-10, 20, 21, 40, 41, 50, 60),
    "review": (-30, -10, -5, 5, 6, 10, 12),
    "vote": (-40, -30, -29, -10, -5, 5, 10),
    "results": (-60, -50, -49, -40, -30, -20, -10),
}
DATES = (
    "submissions_open_at",
    "submissions_close_at",
    "review_starts_at",
    "review_ends_at",
    "vote_opens_at",
    "vote_closes_at",
    "results_at",
)


def _contest(phase, slug="zephyr-contest", year=2090, **changes):
    now = timezone.now()
    fields = {name: now + days * DAY for name, days in zip(DATES, PHASES[phase], strict=True)}
    if phase == "results":
        fields["results_announced_at"] = fields["results_at"]
    fields.update(
        slug=slug,
        year=year,
        title_en=f"Zephyr contest {year}",
        summary_en="The yearly contest.",
        rules_en="Open to every ayil aimak.",
        jury_share=70,
        is_published=True,
    )
    fields.update(changes)
    return Contest.objects.create(**fields)


def _place(number=0):
    return Municipality.objects.order_by("pk")[number % Municipality.objects.count()]


def _entry(contest, title, status="submitted", number=0, applicant=None, **fields):
    """An entry whose text lives in an unpublished practice, as the entry form writes it."""
    place = applicant.municipality if applicant else _place(number)
    practice = new_draft_practice(place, "en", title)
    practice.summary_en = f"What {title} did."
    practice.results_en = "Every household has water."
    practice.save()
    return Entry.objects.create(
        contest=contest, practice=practice, municipality=place, status=status, applicant=applicant, **fields
    )


def _entries(contest, count, prefix, status="submitted", **fields):
    return [_entry(contest, f"{prefix} {i:02}", status=status, number=i, **fields) for i in range(count)]


def _criteria(contest, count):
    return [
        Criterion.objects.create(contest=contest, title_en=f"Zephyr criterion {i:02}", weight=1 + i % 3, position=i)
        for i in range(count)
    ]


def _questions(contest, count):
    return [
        Question.objects.create(contest=contest, text_en=f"Zephyr question {i:02}?", position=i) for i in range(count)
    ]


def _juror(contest, email):
    user = UserFactory(email=email, full_name=f"Juror {email.split('@')[0]}")
    user.groups.add(Group.objects.get(name="Jury members"))
    contest.jury.add(user)
    return user


def _score_all(entry, juror, criteria, value=7):
    Score.objects.bulk_create(
        [
            Score(entry=entry, juror=juror, criterion=criterion, value=value, comment="Zephyr note")
            for criterion in criteria
        ]
    )


def _officer():
    """A municipal officer verified for their municipality: may enter contests."""
    return UserFactory(
        email="officer@zephyr.kg",
        full_name="Zephyr Officer",
        municipality=Municipality.objects.get(slug="at-bashy"),
        municipality_verified_at=timezone.now(),
        kind="municipal_staff",
    )


def _attach(entry, count, questions):
    """``count`` photos, documents and videos on the entry's practice, and an answer to every question."""
    attach_media(entry.practice, count)
    for question in questions:
        Answer.objects.create(entry=entry, question=question, text=f"Zephyr answer to {question.text_en}")


# -- public pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_contest_list_budget(client, django_assert_max_num_queries, count):
    phases = list(PHASES)
    contests = [_contest(phases[i % len(phases)], slug=f"zephyr-contest-{i:02}", year=2200 + i) for i in range(count)]
    html = page_within_budget(client, django_assert_max_num_queries, 2, "/en/contests/")
    assert all(contest.title_en in html for contest in contests)


@pytest.mark.parametrize("count", COUNTS)
def test_contest_page_budget(client, django_assert_max_num_queries, count):
    contest = _contest("vote")
    contest.eligible_sectors.set(Sector.objects.order_by("pk")[:count])
    criteria = _criteria(contest, count)
    _entries(contest, count, "Zephyr finalist", status="shortlisted")
    html = page_within_budget(client, django_assert_max_num_queries, 5, f"/en/contests/{contest.slug}/")
    assert all(criterion.title_en in html for criterion in criteria)
    assert all(sector.name_en in html for sector in contest.eligible_sectors.all())
    assert "Vote for the best practice" in html


@pytest.mark.parametrize("count", COUNTS)
def test_shortlist_budget(client, django_assert_max_num_queries, count):
    contest = _contest("vote", vote_counts_hidden=False)
    entries = _entries(contest, count, "Zephyr finalist", status="shortlisted")
    for i, entry in enumerate(entries):
        Vote.objects.create(contest=contest, entry=entry, user=UserFactory(email=f"voter{i}@zephyr.kg"))
    html = page_within_budget(client, django_assert_max_num_queries, 4, f"/en/contests/{contest.slug}/shortlist/")
    assert all(entry.practice.title_en in html and entry.municipality.name_en in html for entry in entries)
    assert html.count("1 vote") == count


@pytest.mark.parametrize("count", COUNTS)
def test_shortlist_for_a_voter_budget(client, django_assert_max_num_queries, count):
    contest = _contest("vote")
    entries = _entries(contest, count, "Zephyr finalist", status="shortlisted")
    voter = UserFactory(email="voter@zephyr.kg")
    Vote.objects.create(contest=contest, entry=entries[-1], user=voter)
    client.force_login(voter)
    html = page_within_budget(client, django_assert_max_num_queries, 6, f"/en/contests/{contest.slug}/shortlist/")
    assert all(entry.practice.title_en in html for entry in entries)
    assert "Your vote" in html


@pytest.mark.parametrize("count", COUNTS)
def test_public_entry_page_budget(client, django_assert_max_num_queries, count):
    contest = _contest("vote")
    questions = _questions(contest, count)
    entry = _entry(contest, "Zephyr public entry", status="shortlisted")
    _attach(entry, count, questions)
    html = page_within_budget(
        client, django_assert_max_num_queries, 9, f"/en/contests/{contest.slug}/shortlist/{entry.pk}/"
    )
    assert entry.practice.title_en in html
    assert all(f"Zephyr answer to {question.text_en}" in html for question in questions)
    assert html.count('loading="lazy"') >= count  # every photo's thumbnail


@pytest.mark.parametrize("count", COUNTS)
def test_results_budget(client, django_assert_max_num_queries, count):
    contest = _contest("results")
    entries = []
    for i in range(count):
        status = "winner" if i < 3 else "shortlisted"
        entries.append(
            _entry(
                contest,
                f"Zephyr finalist {i:02}",
                status=status,
                number=i,
                award_en="Zephyr award" if status == "winner" else "",
                final_rank=i + 1,
                final_jury_score=Decimal("8.50") - i,
                final_votes=100 - i,
                final_combined=Decimal("80.0") - i,
            )
        )
    html = page_within_budget(client, django_assert_max_num_queries, 3, f"/en/contests/{contest.slug}/results/")
    assert all(entry.practice.title_en in html for entry in entries)
    assert "Zephyr award" in html


# -- the applicant's pages ---------------------------------------------------------------------------


def test_entry_start_budget(client, django_assert_max_num_queries):
    contest = _contest("submissions")
    client.force_login(_officer())
    html = page_within_budget(client, django_assert_max_num_queries, 6, f"/en/contests/{contest.slug}/enter/")
    assert contest.title_en in html and 'name="title"' in html


@pytest.mark.parametrize("count", COUNTS)
def test_my_entries_budget(client, django_assert_max_num_queries, count):
    officer = _officer()
    entries = []
    for i in range(count):
        contest = _contest(list(PHASES)[i % len(PHASES)], slug=f"zephyr-contest-{i:02}", year=2200 + i)
        entries.append(_entry(contest, f"Zephyr my entry {i:02}", applicant=officer))
    client.force_login(officer)
    html = page_within_budget(client, django_assert_max_num_queries, 6, "/en/contests/entries/")
    assert all(entry.practice.title_en in html and entry.contest.title_en in html for entry in entries)


@pytest.mark.parametrize("count", COUNTS)
def test_entry_form_budget(client, django_assert_max_num_queries, count):
    """A draft entry while submissions are open: the form with the practice's attachments and the questions."""
    contest = _contest("submissions")
    questions = _questions(contest, count)
    officer = _officer()
    entry = _entry(contest, "Zephyr draft entry", status="draft", applicant=officer)
    _attach(entry, count, questions)
    client.force_login(officer)
    html = page_within_budget(client, django_assert_max_num_queries, 15, f"/en/contests/entries/{entry.pk}/")
    for i in range(count):
        for what in ("photo", "report", "video", "answer to Zephyr question"):
            assert f"Zephyr {what} {i:02}" in html, (what, i)
        assert f"Zephyr question {i:02}?" in html


@pytest.mark.parametrize("count", COUNTS)
def test_entry_readonly_budget(client, django_assert_max_num_queries, count):
    """A submitted entry once submissions have closed: read only."""
    contest = _contest("review")
    questions = _questions(contest, count)
    officer = _officer()
    entry = _entry(contest, "Zephyr closed entry", applicant=officer)
    _attach(entry, count, questions)
    client.force_login(officer)
    html = page_within_budget(client, django_assert_max_num_queries, 7, f"/en/contests/entries/{entry.pk}/")
    assert entry.practice.title_en in html and entry.number in html
    assert all(f"Zephyr answer to {question.text_en}" in html for question in questions)


# -- the jury's pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COUNTS)
def test_jury_home_budget(client, django_assert_max_num_queries, count):
    juror = UserFactory(email="juror@zephyr.kg")
    juror.groups.add(Group.objects.get(name="Jury members"))
    contests = [_contest("review", slug=f"zephyr-contest-{i:02}", year=2200 + i) for i in range(count)]
    for contest in contests:
        contest.jury.add(juror)
    client.force_login(juror)
    html = page_within_budget(client, django_assert_max_num_queries, 4, "/en/contests/jury/")
    assert all(contest.title_en in html for contest in contests)


@pytest.mark.parametrize("count", COUNTS)
def test_jurors_entry_list_budget(client, django_assert_max_num_queries, count):
    """The juror's list of the entries to score, half of them scored already."""
    contest = _contest("review")
    criteria = _criteria(contest, 3)
    juror = _juror(contest, "anna@zephyr.kg")
    entries = _entries(contest, count, "Zephyr scored entry")
    for entry in entries[: (count + 1) // 2]:
        _score_all(entry, juror, criteria)
    # An entry assigned to another juror is not in this juror's list.
    _entry(contest, "Zephyr someone else's entry", number=99).assigned_jurors.add(_juror(contest, "bolot@zephyr.kg"))
    client.force_login(juror)
    html = page_within_budget(client, django_assert_max_num_queries, 10, f"/en/contests/jury/{contest.slug}/")
    assert all(entry.practice.title_en in html and entry.number in html for entry in entries)
    assert "someone else" not in html
    assert f"You have scored {(count + 1) // 2} of {count} " in html


@pytest.mark.parametrize("count", COUNTS)
def test_scoring_page_budget(client, django_assert_max_num_queries, count):
    """The juror's scoring page of one entry: ``count`` criteria, answers and documents, and the scores of
    ``count`` other jurors (shown, as this juror has scored every criterion)."""
    contest = _contest("review")
    criteria = _criteria(contest, count)
    questions = _questions(contest, count)
    juror = _juror(contest, "anna@zephyr.kg")
    entry = _entry(contest, "Zephyr entry to score")
    _attach(entry, count, questions)
    _score_all(entry, juror, criteria)
    others = [_juror(contest, f"other{i:02}@zephyr.kg") for i in range(count)]
    for other in others:
        _score_all(entry, other, criteria, value=5)
    client.force_login(juror)
    html = page_within_budget(
        client, django_assert_max_num_queries, 14, f"/en/contests/jury/{contest.slug}/{entry.pk}/"
    )
    assert entry.practice.title_en in html
    assert all(criterion.title_en in html for criterion in criteria)
    assert all(f"Zephyr answer to {question.text_en}" in html for question in questions)
    assert all(f"Zephyr report {i:02}" in html for i in range(count))
    assert all(other.full_name in html for other in others)


@pytest.mark.parametrize("count", COUNTS)
def test_ranking_budget(client, django_assert_max_num_queries, editor, count):
    """The organizer's ranking: ``count`` entries scored by ``count`` jurors, one more entry assigned to one
    juror, and a juror who has scored nothing yet."""
    contest = _contest("review")
    criteria = _criteria(contest, 3)
    jurors = [_juror(contest, f"juror{i:02}@zephyr.kg") for i in range(count)]
    entries = _entries(contest, count, "Zephyr ranked entry")
    for entry in entries:
        for juror in jurors:
            _score_all(entry, juror, criteria)
    assigned = _entry(contest, "Zephyr assigned entry", number=99)
    assigned.assigned_jurors.add(jurors[0])
    _score_all(assigned, jurors[0], criteria, value=9)
    late = _juror(contest, "late@zephyr.kg")
    client.force_login(editor)
    html = page_within_budget(client, django_assert_max_num_queries, 12, f"/en/contests/jury/{contest.slug}/ranking/")
    assert all(entry.practice.title_en in html for entry in entries + [assigned])
    assert all(juror.full_name in html for juror in jurors)
    assert f"{late.full_name}: {count}<" in html


# -- what the forms of these pages send --------------------------------------------------------------


def _verified_voter():
    from allauth.account.models import EmailAddress

    voter = UserFactory(email="voter@zephyr.kg")
    EmailAddress.objects.create(user=voter, email=voter.email, verified=True, primary=True)
    return voter


@pytest.mark.parametrize("count", COUNTS)
def test_vote_budget(client, django_assert_max_num_queries, count):
    """A verified user votes for the last of ``count`` shortlisted entries."""
    contest = _contest("vote")
    entries = _entries(contest, count, "Zephyr finalist", status="shortlisted")
    client.force_login(_verified_voter())
    post_within_budget(
        client, django_assert_max_num_queries, 11, f"/en/contests/{contest.slug}/shortlist/{entries[-1].pk}/vote/", {}
    )
    assert list(Vote.objects.filter(contest=contest).values_list("entry", flat=True)) == [entries[-1].pk]


@pytest.mark.parametrize("count", COUNTS)
def test_saving_scores_budget(client, django_assert_max_num_queries, count):
    """A juror saves a score and a comment for each of ``count`` criteria.

    A write that touches each row: ScoreForm.save() runs update_or_create per criterion. Pinned as 11
    queries plus 6 a criterion (17 for one, 131 for twenty), so a new query, fixed or per item, fails."""
    contest = _contest("review")
    criteria = _criteria(contest, count)
    juror = _juror(contest, "anna@zephyr.kg")
    entry = _entry(contest, "Zephyr entry to score")
    data = {}
    for criterion in criteria:
        data[f"score_{criterion.pk}"] = "8"
        data[f"comment_{criterion.pk}"] = "Strong figures"
    client.force_login(juror)
    url = f"/en/contests/jury/{contest.slug}/{entry.pk}/"
    post_within_budget(client, django_assert_max_num_queries, 11 + 6 * count, url, data)
    assert Score.objects.filter(entry=entry, juror=juror, value=8).count() == count


@pytest.mark.parametrize("count", COUNTS)
def test_saving_the_shortlist_budget(client, django_assert_max_num_queries, editor, count):
    contest = _contest("review")
    entries = _entries(contest, 2 * count, "Zephyr ranked entry")
    chosen = [entry.pk for entry in entries[:count]]
    client.force_login(editor)
    url = f"/en/contests/jury/{contest.slug}/decisions/"
    post_within_budget(client, django_assert_max_num_queries, 9, url, {"entry": chosen, "shortlist": ""})
    assert sorted(contest.entries.shortlisted().values_list("pk", flat=True)) == chosen


@pytest.mark.parametrize("count", COUNTS)
def test_announcing_the_results_budget(client, django_assert_max_num_queries, editor, count):
    """The organizer announces ``count`` winners among ``2 * count`` submitted entries.

    A write that touches each row: announce_results() saves each entry (and each winner's practice) and
    record_ranking() updates each finalist one by one. Pinned as 16 queries plus 16 a winner (32 for
    one, 336 for twenty; on PostgreSQL 17 a winner, as each published practice's search vector is
    written by one more query), so a new query, fixed or per item, fails."""
    contest = _contest("results", results_announced_at=None)
    applicant = _officer()
    entries = _entries(contest, 2 * count, "Zephyr announced entry", applicant=applicant)
    winners = entries[:count]
    data = {"entry": [entry.pk for entry in winners], "announce": ""}
    data.update({f"award_{entry.pk}": "Zephyr award" for entry in winners})
    client.force_login(editor)
    url = f"/en/contests/jury/{contest.slug}/decisions/"
    budget = 16 + (17 if connection.vendor == "postgresql" else 16) * count
    post_within_budget(client, django_assert_max_num_queries, budget, url, data)
    contest.refresh_from_db()
    assert contest.results_published
    assert contest.entries.filter(status="winner").count() == count


@pytest.mark.parametrize("count", COUNTS)
def test_reminding_the_jurors_budget(client, django_assert_max_num_queries, editor, count):
    """``count`` jurors have entries left to score: each is e-mailed."""
    contest = _contest("review")
    _criteria(contest, 2)
    jurors = [_juror(contest, f"late{i:02}@zephyr.kg") for i in range(count)]
    _entries(contest, 2, "Zephyr unscored entry")
    client.force_login(editor)
    url = f"/en/contests/jury/{contest.slug}/ranking/remind/"
    response = post_within_budget(client, django_assert_max_num_queries, 10, url, {})
    assert response["Location"].endswith("/ranking/")
    # The e-mails leave when the transaction commits; the page after says how many went.
    assert f"Reminders sent to {len(jurors)} jurors." in client.get(response["Location"]).content.decode()


def test_starting_an_entry_budget(client, django_assert_max_num_queries):
    contest = _contest("submissions")
    officer = _officer()
    client.force_login(officer)
    url = f"/en/contests/{contest.slug}/enter/"
    # PostgreSQL writes the new practice's search vector with one more query.
    budget = 20 if connection.vendor == "postgresql" else 19
    post_within_budget(
        client, django_assert_max_num_queries, budget, url, {"text_language": "en", "title": "Zephyr new entry"}
    )
    assert Entry.objects.get(contest=contest, applicant=officer).practice.title_en == "Zephyr new entry"
