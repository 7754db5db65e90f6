"""A citizen without an account registers for an event on a phone."""

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_citizen_registers_for_an_event_on_a_phone_and_sees_the_confirmation(page, portal, screenshot_dir):
    from events.models import Event, Registration

    event = Event.objects.upcoming().first()
    event.capacity = 30
    event.save()

    page.set_viewport_size(PHONE)
    page.goto(f"{portal.url}/ru/events/")
    page.get_by_role("link", name=event.title_ru).click()
    expect(page.get_by_role("heading", name="Регистрация")).to_be_visible()
    expect(page.locator(".registration-box")).to_contain_text("30")
    page.screenshot(path=screenshot_dir / "event-phone-registration-form.png", full_page=True)

    page.locator("#id_full_name").fill("Гульнара Токтосунова")
    page.locator("#id_email").fill("gulnara@example.kg")
    page.locator("#id_organization").fill("Кара-Суу шаардык мэриясы")
    # Consent forgotten: the form says so and keeps what was typed.
    page.locator(".registration-box button[type=submit]").click()
    expect(page.locator("#id_full_name")).to_have_value("Гульнара Токтосунова")
    expect(page.locator(".form-check-field .errorlist")).to_be_visible()
    assert not Registration.objects.exists()

    page.locator("#id_consent").check()
    page.locator(".registration-box button[type=submit]").click()
    expect(page.get_by_role("heading", name="Ваша регистрация", level=1)).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("Вы зарегистрированы")
    expect(page.locator(".status-badge")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshot_dir / "event-phone-registered.png", full_page=True)

    registration = Registration.objects.get()
    assert (registration.full_name, registration.status, registration.language) == (
        "Гульнара Токтосунова",
        "confirmed",
        "ru",
    )
    assert mail.outbox[-1].to == ["gulnara@example.kg"]

    # The public page still shows no names, only the seats left.
    page.goto(f"{portal.url}/ru/events/{event.slug}/")
    expect(page.locator("main")).not_to_contain_text("Гульнара")
    expect(page.locator(".registration-box")).to_contain_text("29")
