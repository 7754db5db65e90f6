"""The contest in a browser: an applicant over two visits, a juror scoring, a citizen voting (phones)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery staple"
DAY = datetime.timedelta(days=1)


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/en/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form").get_by_role("button", name="Sign In").click()


def account(email, **fields):
    from allauth.account.models import EmailAddress

    from tests.factories import UserFactory

    user = UserFactory(email=email, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def contest_in(phase):
    """A contest in its submissions, review or vote phase."""
    from contests.models import Contest, Criterion

    now = timezone.now()
    offsets = {"submissions": 0, "review": 25, "vote": 45}[phase]
    start = now - (offsets + 5) * DAY
    contest = Contest.objects.create(
        slug=f"contest-{phase}",
        year={"submissions": 2030, "review": 2031, "vote": 2032}[phase],
        title_en=f"Contest in {phase}",
        rules_en="Open to every ayil aimak.",
        submissions_open_at=start,
        submissions_close_at=start + 20 * DAY,
        review_starts_at=start + 21 * DAY,
        review_ends_at=start + 40 * DAY,
        vote_opens_at=start + 41 * DAY,
        vote_closes_at=start + 60 * DAY,
        results_at=start + 70 * DAY,
        jury_share=70,
        is_published=True,
    )
    Criterion.objects.create(contest=contest, title_en="Results", weight=2, position=0)
    Criterion.objects.create(contest=contest, title_en="Participation", weight=1, position=1)
    return contest


def submitted_entry(contest, title, status="submitted"):
    from contests.models import Entry
    from portal.models import Municipality
    from practices.proposals import new_draft_practice

    place = Municipality.objects.get(slug="at-bashy")
    practice = new_draft_practice(place, "en", title)
    practice.summary_en = f"What {title} changed for the residents."
    practice.save()
    return Entry.objects.create(contest=contest, practice=practice, municipality=place, status=status)


def test_an_applicant_fills_a_draft_over_two_visits_and_submits_it(browser, portal, screenshot_dir):
    from contests.models import Entry
    from portal.models import Municipality

    contest = contest_in("submissions")
    account(
        "officer@atbashy.kg",
        municipality=Municipality.objects.get(slug="at-bashy"),
        municipality_verified_at=timezone.now(),
        preferred_language="en",
    )
    page = browser.new_page(viewport=PHONE)
    sign_in(page, portal.url, "officer@atbashy.kg")
    page.goto(f"{portal.url}/en/contests/{contest.slug}/")
    page.get_by_role("link", name="Enter the contest").click()
    page.get_by_label("Title of the practice").fill("Solar street lights in At-Bashy")
    page.get_by_role("button", name="Create the draft").click()
    page.locator("#id_summary").fill("The ayil okmotu and residents lit the main streets with solar lamps.")
    page.get_by_role("button", name="Save", exact=True).last.click()
    expect(page.locator(".messages")).to_contain_text("Your entry is saved.")
    page.close()

    # The second visit, another day: the draft is there as it was left.
    page = browser.new_page(viewport=PHONE)
    sign_in(page, portal.url, "officer@atbashy.kg")
    page.goto(f"{portal.url}/en/contests/entries/")
    page.get_by_role("link", name="Solar street lights in At-Bashy").click()
    expect(page.locator("#id_summary")).to_have_value(
        "The ayil okmotu and residents lit the main streets with solar lamps."
    )
    page.locator("#id_situation_before").fill("The streets were dark; people stayed home after sunset.")
    page.locator("#id_process").fill("A village meeting chose the streets; residents paid a fifth.")
    page.locator("#id_results").fill("42 lamps on 6 km of streets.")
    page.get_by_label("Street lighting").check()
    page.get_by_role("button", name="Submit the entry").click()
    expect(page.locator(".status-badge")).to_have_text("Submitted")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshot_dir / "contest-phone-entry-submitted.png", full_page=True)
    assert Entry.objects.get(practice__title_en="Solar street lights in At-Bashy").status == "submitted"


def test_a_juror_scores_two_entries(browser, portal, screenshot_dir):
    from django.contrib.auth.models import Group

    from contests.models import Score

    contest = contest_in("review")
    juror = account("juror@example.kg", full_name="Anara Juror")
    juror.groups.add(Group.objects.get(name="Jury members"))
    contest.jury.add(juror)
    submitted_entry(contest, "Water for every house")
    submitted_entry(contest, "A park by the river")

    page = browser.new_page(viewport=PHONE)
    sign_in(page, portal.url, "juror@example.kg")
    page.goto(f"{portal.url}/en/contests/jury/{contest.slug}/")
    expect(page.locator(".contest-now")).to_contain_text("You have scored 0 of 2 entries.")
    for title, values in (("Water for every house", ("9", "7")), ("A park by the river", ("6", "8"))):
        page.get_by_role("link", name=title).click()
        page.get_by_label("Results").first.fill(values[0])
        page.get_by_label("Participation").first.fill(values[1])
        page.get_by_role("button", name="Save my scores").click()
    expect(page.locator(".contest-now")).to_contain_text("You have scored 2 of 2 entries.")
    page.screenshot(path=screenshot_dir / "contest-phone-jury-done.png", full_page=True)
    assert Score.objects.filter(juror=juror).count() == 4


def test_a_user_votes_on_the_shortlist(browser, portal, screenshot_dir):
    from contests.models import Vote

    contest = contest_in("vote")
    submitted_entry(contest, "Water for every house", status="shortlisted")
    submitted_entry(contest, "A park by the river", status="shortlisted")
    account("citizen@example.kg")

    page = browser.new_page(viewport=PHONE)
    sign_in(page, portal.url, "citizen@example.kg")
    page.goto(f"{portal.url}/en/contests/{contest.slug}/")
    page.get_by_role("link", name="Vote for the best practice").click()
    page.locator(".practice-card", has_text="A park by the river").get_by_role("button").click()
    expect(page.locator(".messages")).to_contain_text("your vote is counted")
    expect(page.locator(".practice-card--voted")).to_contain_text("A park by the river")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshot_dir / "contest-phone-voted.png", full_page=True)
    assert Vote.objects.get().entry.practice.title_en == "A park by the river"


def test_a_visitor_reads_a_finished_contests_results_on_a_phone(browser, portal, screenshot_dir):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{portal.url}/ky/contests/")
    page.locator(".contest-item", has_text="2020").get_by_role("link", name="Жыйынтыктарды көрүү").click()
    first = page.locator(".results-table tbody tr").first
    expect(first).to_contain_text("Жеңүүчү")
    expect(first).to_contain_text("Аламүдүн")
    # On a phone every figure is on screen, labelled, with no sideways scrolling.
    combined = first.locator("td[data-label]").last.bounding_box()
    assert combined["x"] + combined["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshot_dir / "contest-phone-results-ky.png", full_page=True)
    first.get_by_role("link").click()
    expect(page.locator(".award-badge")).to_contain_text("Жеңүүчү")
