"""Password reset, rate limits, e-mails, and the user's own data: download and deletion."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import SavedPractice, User
from practices.models import Practice
from tests.factories import PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase for 2027"
SIGN_UP_PASSWORD = "a long and unusual passphrase 2026"
FACTORY_PASSWORD = "correct horse battery staple"


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_sign_up_needs_a_verified_address_before_signing_in(client):
    response = client.post(
        "/en/account/signup/",
        {"email": "Aida@Example.kg", "password1": SIGN_UP_PASSWORD, "password2": SIGN_UP_PASSWORD},
    )
    assert response.status_code == 302
    assert list(User.objects.filter(email__iexact="aida@example.kg").values_list("email", flat=True)) == [
        "aida@example.kg"
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["aida@example.kg"]
    # Until the address is confirmed, signing in leads to "verification sent", not into the portal.
    response = client.post("/en/account/login/", {"login": "aida@example.kg", "password": SIGN_UP_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/confirm-email/"
    assert client.post(link_in(mail.outbox[0])).status_code == 302
    client.logout()
    response = client.post("/en/account/login/", {"login": "aida@example.kg", "password": SIGN_UP_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"


def test_a_password_reset_does_not_tell_who_has_an_account(client):
    UserFactory(email="known@example.kg")
    known = client.post("/en/account/password/reset/", {"email": "known@example.kg"})
    unknown = client.post("/en/account/password/reset/", {"email": "nobody@example.kg"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/en/account/password/reset/done/"


def test_the_sign_in_page_is_in_the_portal_shell_and_language(client):
    response = client.get("/ru/account/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Портал лучших практик МСУ" in html
    assert 'name="login"' in html


def test_repeated_failed_sign_ins_lock_the_address_out(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="target@example.kg")
    for _ in range(3):
        client.post("/en/account/login/", {"login": "target@example.kg", "password": "wrong"})
    response = client.post("/en/account/login/", {"login": "target@example.kg", "password": FACTORY_PASSWORD})
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_the_admin_sign_in_locks_out_too(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="staff@example.kg", is_staff=True)
    client.cookies["django_language"] = "en"  # the admin has no language prefix
    for _ in range(3):
        client.post("/admin/login/", {"username": "staff@example.kg", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "staff@example.kg", "password": FACTORY_PASSWORD})
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_a_forgotten_password_is_reset_from_the_emailed_link(client, mailoutbox):
    user = UserFactory(email="aida@example.kg", preferred_language="ru")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post("/en/account/password/reset/", {"email": "aida@example.kg"})
    assert len(mailoutbox) == 1
    # The e-mail is in the user's language, with an HTML part.
    assert "пароль" in mailoutbox[0].body.lower()
    assert mailoutbox[0].alternatives[0][1] == "text/html"
    response = client.get(link_in(mailoutbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    response = client.post("/en/account/login/", {"login": "aida@example.kg", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"


def test_allauths_rate_limit_stops_repeated_failed_sign_ins(client, settings):
    # django-axes would lock the address out first; raise its limit to see allauth's own limit.
    settings.AXES_FAILURE_LIMIT = 100
    UserFactory(email="target@example.kg")
    for _ in range(5):
        client.post("/en/account/login/", {"login": "target@example.kg", "password": "wrong"})
    response = client.post("/en/account/login/", {"login": "target@example.kg", "password": "wrong"})
    # allauth refuses on the sign-in form itself; django-axes's lockout page (429) is not reached.
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()


def test_a_new_email_address_must_be_verified_before_it_is_used(client, outsider, mailoutbox):
    EmailAddress.objects.create(user=outsider, email=outsider.email, verified=True, primary=True)
    client.force_login(outsider)
    client.post("/en/account/email/", {"action_add": "", "email": "new@example.kg"})
    outsider.refresh_from_db()
    assert outsider.email != "new@example.kg"
    assert EmailAddress.objects.get(email="new@example.kg").verified is False
    assert mailoutbox[-1].to == ["new@example.kg"]
    client.post(link_in(mailoutbox[-1]))
    assert EmailAddress.objects.get(email="new@example.kg").verified is True


def test_a_new_account_writes_in_the_language_it_was_made_in(client):
    password = "a long and unusual passphrase 2026"
    client.post("/ru/account/signup/", {"email": "new@example.kg", "password1": password, "password2": password})
    assert User.objects.get(email="new@example.kg").preferred_language == "ru"


def test_the_user_downloads_all_their_data(client, municipal_user):
    practice = PracticeFactory()
    SavedPractice.objects.create(user=municipal_user, practice=practice)
    client.force_login(municipal_user)
    client.post("/en/account/practices/new/", {"text_language": "ky", "title": "Менин тажрыйбам"})
    response = client.get("/en/account/data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == municipal_user.email
    assert data["profile"]["municipality"] == "At-Bashy ayil aimak"
    assert data["saved_practices"][0]["url"].endswith(f"/practices/{practice.slug}/")
    assert data["proposed_practices"][0]["texts"]["ky"]["title"] == "Менин тажрыйбам"


def test_deleting_the_account_needs_the_password(client, outsider):
    client.force_login(outsider)
    response = client.post("/en/account/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "This is not your password" in response.content.decode()
    assert User.objects.filter(pk=outsider.pk).exists()


def test_deleting_the_account_keeps_published_practices_anonymised(client, municipal_user):
    published = PracticeFactory(proposed_by=municipal_user, contact_email=municipal_user.email, contact_name="Aida")
    draft = PracticeFactory(proposed_by=municipal_user, status=Practice.Status.DRAFT)
    SavedPractice.objects.create(user=municipal_user, practice=published)
    client.force_login(municipal_user)
    response = client.post("/en/account/delete/", {"password": "correct horse battery staple"})
    assert response.status_code == 302
    assert not User.objects.filter(email=municipal_user.email).exists()
    assert not SavedPractice.objects.exists()
    assert not Practice.objects.filter(pk=draft.pk).exists()
    published.refresh_from_db()
    assert published.proposed_by is None
    assert published.contact_email == "" and published.contact_name == ""
    assert client.get(published.get_absolute_url()).status_code == 200
    # Signed out, and the address can sign up again.
    assert client.get("/en/account/").status_code == 302


def test_deleting_the_account_clears_the_contact_name_in_every_language(client, municipal_user):
    published = PracticeFactory(
        proposed_by=municipal_user, contact_name_ky="Айгүл", contact_name_ru="Айгуль", contact_phone="+996 555"
    )
    client.force_login(municipal_user)
    client.post("/ky/account/delete/", {"password": "correct horse battery staple"})
    published.refresh_from_db()
    assert (published.contact_name_ky, published.contact_name_ru, published.contact_phone) == ("", "", "")
