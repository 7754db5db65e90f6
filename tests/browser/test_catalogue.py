import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_municipal_officer_filters_the_catalogue_on_a_phone_and_downloads_a_document(page, portal, screenshot_dir):
    page.set_viewport_size(PHONE)
    page.goto(f"{portal.url}/en/practices/")
    expect(page.get_by_role("heading", name="Practices", level=1)).to_be_visible()

    page.get_by_role("link", name="Filters").click()
    page.locator("#facet-sector + ul").get_by_role("link", name="Drinking water supply").click()
    expect(page.locator(".active-filters")).to_contain_text("Drinking water supply")
    page.locator("#facet-budget + ul").get_by_role("link", name="With budget figures").click()
    expect(page.locator(".catalogue-head__count")).to_have_text("1 practice found")
    assert "sector=drinking-water" in page.url and "budget=yes" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshot_dir / "catalogue-phone-filtered.png", full_page=True)

    page.locator(".practice-card a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("38")
    page.screenshot(path=screenshot_dir / "practice-phone-documents.png", full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PSI results summary (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("psi-results-summary")
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"


def test_the_map_view_keeps_the_list_of_places_when_tiles_cannot_load(page, portal, screenshot_dir):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{portal.url}/en/practices/map/?sector=drinking-water")
    # No network here: tiles fail, the markers and the list of places still show.
    expect(page.locator(".place-list")).to_contain_text("Lebedinovka")
    expect(page.locator("#practice-map")).to_be_visible()
    expect(page.locator(".leaflet-interactive").first).to_be_attached()
    page.screenshot(path=screenshot_dir / "map-desktop.png", full_page=True)
