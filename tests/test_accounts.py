import re

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import UserFactory

PASSWORD = "a long and unusual passphrase 2026"
FACTORY_PASSWORD = "correct horse battery staple"


@pytest.mark.django_db
def test_sign_up_needs_a_verified_address_before_signing_in(client):
    response = client.post(
        "/en/account/signup/", {"email": "Aida@Example.kg", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert User.objects.get(email__iexact="aida@example.kg")
    assert len(mail.outbox) == 1
    # Until the address is confirmed, signing in leads to "verification sent", not into the portal.
    response = client.post("/en/account/login/", {"login": "aida@example.kg", "password": PASSWORD})
    assert "confirm" in response["Location"]
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)
    assert client.post(link).status_code == 302
    client.logout()
    response = client.post("/en/account/login/", {"login": "aida@example.kg", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"


@pytest.mark.django_db
def test_a_password_reset_does_not_tell_who_has_an_account(client):
    UserFactory(email="known@example.kg")
    known = client.post("/en/account/password/reset/", {"email": "known@example.kg"})
    unknown = client.post("/en/account/password/reset/", {"email": "nobody@example.kg"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


@pytest.mark.django_db
def test_the_sign_in_page_is_in_the_portal_shell_and_language(client):
    html = client.get("/ru/account/login/").content.decode()
    assert '<html lang="ru">' in html
    assert "Портал лучших практик МСУ" in html
    assert 'name="login"' in html


@pytest.mark.django_db
def test_repeated_failed_sign_ins_lock_the_address_out(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="target@example.kg")
    for _ in range(3):
        client.post("/en/account/login/", {"login": "target@example.kg", "password": "wrong"})
    response = client.post(
        "/en/account/login/", {"login": "target@example.kg", "password": "correct horse battery staple"}
    )
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_sign_in_locks_out_too(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="staff@example.kg", is_staff=True)
    for _ in range(3):
        client.post("/admin/login/", {"username": "staff@example.kg", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "staff@example.kg", "password": "correct horse battery staple"}
    )
    assert response.status_code == 429
