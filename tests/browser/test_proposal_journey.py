"""The whole proposal journey in a browser: a municipal officer on a phone, an editor in the admin."""

import io

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery staple"


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (40, 140, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/en/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form").get_by_role("button", name="Sign In").click()


@pytest.fixture
def people(portal):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from portal.models import Municipality
    from tests.factories import UserFactory

    officer = UserFactory(
        email="officer@atbashy.kg",
        full_name="Aigul Asanova",
        municipality=Municipality.objects.get(slug="at-bashy"),
        municipality_verified_at=timezone.now(),
        preferred_language="en",
    )
    editor = UserFactory(email="editor@example.kg", is_staff=True, preferred_language="en")
    editor.groups.add(Group.objects.get(name="Content editors"))
    for user in (officer, editor):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return officer, editor


def test_a_municipal_officer_proposes_a_practice_on_a_phone_and_an_editor_publishes_it(
    browser, portal, people, screenshot_dir
):
    officer_page = browser.new_page(viewport=PHONE)
    sign_in(officer_page, portal.url, "officer@atbashy.kg")
    expect(officer_page.get_by_role("heading", name="My account", level=1)).to_be_visible()
    officer_page.get_by_role("link", name="Propose a practice").click()

    officer_page.get_by_label("Title of the practice").fill("Drip irrigation for school gardens")
    officer_page.get_by_role("button", name="Create the draft").click()
    expect(officer_page.locator(".status-badge")).to_have_text("Draft")

    # A first save with an SVG "photo": refused with a reason, the text stays.
    officer_page.locator("#id_summary").fill("The school and parents set up drip irrigation in the garden.")
    officer_page.locator("#id_situation_before").fill("The garden dried out every July.")
    officer_page.set_input_files(
        "input[name=image-image]", {"name": "plan.svg", "mimeType": "image/svg+xml", "buffer": b"<svg/>"}
    )
    officer_page.get_by_role("button", name="Save draft", exact=True).last.click()
    expect(officer_page.locator("#photos .errorlist")).to_contain_text("not a picture the portal can read")
    expect(officer_page.locator("#id_summary")).to_have_value(
        "The school and parents set up drip irrigation in the garden."
    )
    assert officer_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    officer_page.screenshot(path=screenshot_dir / "proposal-phone-rejected-file.png", full_page=True)

    # A real photo, the missing sections, and off to the editors.
    officer_page.set_input_files(
        "input[name=image-image]", {"name": "garden.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    officer_page.get_by_label("What the photo shows").fill("Pupils watering seedlings with drip lines")
    officer_page.locator("#id_process").fill("Parents dug the trenches; the ayil okmotu bought the pipes.")
    officer_page.locator("#id_results").fill("Vegetables for the school canteen all summer.")
    officer_page.get_by_label("Drinking water supply").check()
    officer_page.get_by_role("button", name="Submit for review").click()
    expect(officer_page.locator(".status-badge")).to_have_text("In review")
    officer_page.screenshot(path=screenshot_dir / "proposal-phone-submitted.png", full_page=True)
    assert any(message.to == ["editor@example.kg"] for message in mail.outbox)

    # The editor sends it back with a comment.
    editor_page = browser.new_page(viewport={"width": 1280, "height": 900})
    editor_page.goto(f"{portal.url}/admin/login/")
    editor_page.fill("#id_username", "editor@example.kg")
    editor_page.fill("#id_password", PASSWORD)
    editor_page.click("input[type=submit]")
    editor_page.goto(f"{portal.url}/admin/practices/practice/?proposal=to_review")
    editor_page.get_by_role("link", name="Drip irrigation for school gardens").click()
    editor_page.select_option("#id_status", "sent_back")
    editor_page.fill("#id_review_comment", "Please add the cost of the pipes.")
    editor_page.click("input[name=_save]")
    expect(editor_page.locator(".messagelist")).to_contain_text("was changed successfully")

    # The officer reads the comment, adds the budget and submits again.
    officer_page.goto(f"{portal.url}/en/account/practices/")
    officer_page.get_by_role("link", name="Drip irrigation for school gardens").click()
    expect(officer_page.locator(".review-status__comment")).to_contain_text("Please add the cost of the pipes.")
    officer_page.screenshot(path=screenshot_dir / "proposal-phone-sent-back.png", full_page=True)
    officer_page.get_by_label("Total cost, soms").fill("85000")
    officer_page.get_by_role("button", name="Submit for review").click()
    expect(officer_page.locator(".status-badge")).to_have_text("In review")

    # The editor publishes it; the officer finds it on the portal.
    editor_page.goto(f"{portal.url}/admin/practices/practice/?proposal=to_review")
    editor_page.get_by_role("link", name="Drip irrigation for school gardens").click()
    editor_page.select_option("#id_status", "published")
    editor_page.click("input[name=_save]")
    expect(editor_page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert mail.outbox[-1].to == ["officer@atbashy.kg"]
    assert "is published" in mail.outbox[-1].subject

    officer_page.reload()
    officer_page.get_by_role("link", name="Open the public page").click()
    expect(officer_page.get_by_role("heading", level=1)).to_have_text("Drip irrigation for school gardens")
    expect(officer_page.locator(".gallery img")).to_have_count(1)
    officer_page.screenshot(path=screenshot_dir / "proposal-phone-published.png", full_page=True)
