import pytest
from django.utils import timezone

from portal.models import Municipality
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "full_name": "Асанова Айгүл Бакытовна",
    "position": "Specialist",
    "organization": "Ak-Beshim ayil okmotu",
    "municipality": "Ak-Beshim",
    "kind": "municipal_staff",
    "phone": "+996 555 123 456",
    "preferred_language": "ru",
}


def test_the_cabinet_needs_a_signed_in_user(client):
    response = client.get("/en/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/")


def test_a_user_fills_in_their_profile(client, outsider):
    client.force_login(outsider)
    response = client.post("/en/account/profile/", PROFILE)
    assert response.status_code == 302
    outsider.refresh_from_db()
    assert outsider.full_name == "Асанова Айгүл Бакытовна"
    assert outsider.municipality.slug == "ak-beshim"
    assert outsider.preferred_language == "ru"
    page = client.get("/en/account/").content.decode()
    assert "Асанова Айгүл Бакытовна" in page
    assert "Ask to be verified" in page


@pytest.mark.parametrize("typed", ["Ak-Beshim ayil aimak (Chuy Region)", "ак-бешим", "Ак-Бешим айыл аймагы"])
def test_the_municipality_is_found_from_what_the_user_typed_in_any_language(client, outsider, typed):
    client.force_login(outsider)
    client.post("/ky/account/profile/", {**PROFILE, "municipality": typed})
    outsider.refresh_from_db()
    assert outsider.municipality.slug == "ak-beshim"


def test_an_unknown_municipality_is_explained_and_the_rest_is_kept(client, outsider):
    client.force_login(outsider)
    response = client.post("/en/account/profile/", {**PROFILE, "municipality": "Atlantis"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No municipality is called “Atlantis”" in html
    assert 'value="Асанова Айгүл Бакытовна"' in html
    outsider.refresh_from_db()
    assert outsider.full_name != PROFILE["full_name"]


def test_the_profile_page_offers_every_municipality_to_choose_from(client, outsider):
    client.force_login(outsider)
    response = client.get("/en/account/profile/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'list="municipality-options"' in html
    options = html[html.index('<datalist id="municipality-options">') : html.index("</datalist>")]
    assert options.count("<option value=") == Municipality.objects.count()
    assert '<option value="Ak-Beshim ayil aimak (Chui Region)"></option>' in options


def test_moving_to_another_municipality_ends_the_verification(client):
    user = UserFactory(municipality=Municipality.objects.get(slug="at-bashy"), municipality_verified_at=timezone.now())
    client.force_login(user)
    response = client.post("/en/account/profile/", PROFILE)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.municipality.slug == "ak-beshim"
    assert not user.is_verified_municipal_user


def test_saving_the_same_municipality_keeps_the_verification(client):
    user = UserFactory(municipality=Municipality.objects.get(slug="ak-beshim"), municipality_verified_at=timezone.now())
    client.force_login(user)
    response = client.post("/en/account/profile/", PROFILE)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == PROFILE["full_name"]  # the profile was saved ...
    assert user.is_verified_municipal_user  # ... and the verification kept


def test_a_user_asks_to_be_verified_and_staff_find_the_request(client, outsider, admin_client):
    outsider.municipality = Municipality.objects.get(slug="ak-beshim")
    outsider.save()
    silent = UserFactory(email="silent@example.kg", municipality=outsider.municipality)
    client.force_login(outsider)
    assert client.get("/en/account/profile/verification/").status_code == 405
    assert client.post("/en/account/profile/verification/").status_code == 302
    outsider.refresh_from_db()
    assert outsider.verification_requested_at is not None
    response = admin_client.get("/admin/accounts/user/?verification=requested")
    assert response.status_code == 200
    listing = response.content.decode()
    assert outsider.email in listing
    assert silent.email not in listing  # who did not ask is not on the list


def test_an_editor_verifies_a_municipal_user_from_the_admin(client, editor, outsider):
    outsider.municipality = Municipality.objects.get(slug="ak-beshim")
    outsider.save()
    client.force_login(editor)
    response = client.post(
        "/admin/accounts/user/", {"action": "verify_municipal_users", "_selected_action": [outsider.pk]}
    )
    assert response.status_code == 302
    outsider.refresh_from_db()
    assert outsider.is_verified_municipal_user
    assert outsider.municipality_verified_by == editor


def test_a_user_without_a_municipality_is_not_verified(admin_client, outsider):
    admin_client.cookies["django_language"] = "en"  # the admin has no language prefix
    response = admin_client.post(
        "/admin/accounts/user/",
        {"action": "verify_municipal_users", "_selected_action": [outsider.pk]},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 users verified." in html
    assert "1 user has no municipality in their profile and was not verified." in html
    outsider.refresh_from_db()
    assert not outsider.is_verified_municipal_user
