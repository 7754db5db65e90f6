"""A phone user opens a collection, plays a lesson and downloads a document from the library."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_collection_leads_to_a_lesson_that_plays_and_a_document_that_downloads(browser, portal, screenshot_dir):
    from library.models import LibraryFile

    page = browser.new_page(viewport=PHONE, accept_downloads=True)
    video_requests = []
    # The sandbox has no internet: requests to the video site are recorded and stopped.
    page.route("**/*youtube*/**", lambda route: (video_requests.append(route.request.url), route.abort()))

    page.goto(f"{portal.url}/en/")
    page.get_by_role("link", name="For women candidates to local councils").first.click()
    expect(page.locator("h1")).to_have_text("For women candidates to local councils")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshot_dir / "collection-phone-en.png", full_page=True)

    page.locator("#lessons .lesson-card a").first.click()
    expect(page.locator(".video-embed__link")).to_be_visible()
    assert page.locator("iframe").count() == 0 and video_requests == []
    page.screenshot(path=screenshot_dir / "lesson-phone-before-play.png")
    page.locator(".video-embed__link").click()
    frame = page.locator("iframe.video-embed__frame")
    expect(frame).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/LSGlesson0\d\?autoplay=1$")
    )
    page.wait_for_timeout(300)
    assert any("youtube-nocookie.com/embed/" in url for url in video_requests)

    page.go_back()
    page.locator("#documents .document-card a").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download in Kyrgyz").click()
    assert download_info.value.suggested_filename.endswith("-ky.pdf")
    page.screenshot(path=screenshot_dir / "library-document-phone-en.png", full_page=True)
    assert (
        LibraryFile.objects.get(document__slug="women-candidates-local-councils-guide", language="ky").download_count
        == 1
    )
