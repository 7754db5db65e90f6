import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_home_page_reads_on_a_phone_and_a_desktop(page, portal, screenshot_dir, name, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{portal.url}/ky/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Тандалган тажрыйбалар")).to_be_visible()
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=screenshot_dir / f"home-{name}.png", full_page=True)


def test_a_visitor_switches_language_and_stays_on_the_same_practice(page, portal, screenshot_dir):
    page.set_viewport_size(PHONE)
    page.goto(f"{portal.url}/ky/")
    page.locator(".practice-card a").first.click()
    page.wait_for_url(re.compile(r"/ky/practices/[^/]+/$"))
    practice_path = page.url.removeprefix(portal.url).removeprefix("/ky")
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(f"{portal.url}/ru{practice_path}")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.screenshot(path=screenshot_dir / "practice-phone-ru.png", full_page=True)


def test_the_skip_link_moves_keyboard_users_to_the_content(page, portal):
    page.goto(f"{portal.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    # Waits for the jump: the address changes after the key press is handled, not within it.
    expect(page).to_have_url(re.compile(r"/en/#main$"))


def test_a_visitor_searches_from_the_header_on_a_phone(page, portal, screenshot_dir):
    page.set_viewport_size(PHONE)
    page.goto(f"{portal.url}/ru/")
    page.get_by_role("searchbox", name="Поиск по порталу").fill("библиотека")
    page.get_by_role("searchbox", name="Поиск по порталу").press("Enter")
    expect(page.locator(".search-hit").first).to_contain_text("библиотека")
    page.screenshot(path=screenshot_dir / "search-phone-ru.png", full_page=True)
    page.locator(".search-hit a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("библиотека")
