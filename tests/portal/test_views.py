import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Practice
from tests.factories import EventFactory, PracticeFactory, PressReleaseFactory


@pytest.mark.django_db
def test_the_root_redirects_to_the_kyrgyz_portal_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ky/"


@pytest.mark.django_db
def test_the_root_follows_the_browser_language(client):
    response = client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


@pytest.mark.parametrize(
    ("language", "title"),
    [("ky", "ЖӨБ мыкты тажрыйбалар порталы"), ("ru", "Портал лучших практик МСУ"), ("en", "LSG Best Practice Portal")],
)
def test_the_home_page_speaks_the_language_of_its_address(client, sample_content, language, title):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert title in html


def test_the_home_page_shows_sample_content_in_each_language(client, sample_content):
    kumbel = Practice.objects.get(slug="kumbel-drinking-water")
    for language in ("ky", "ru", "en"):
        html = client.get(f"/{language}/").content.decode()
        assert getattr(kumbel, f"title_{language}") in html


def test_the_home_page_counts_published_practices(client, sample_content):
    PracticeFactory(slug="hidden-draft", status=Practice.Status.DRAFT, published_at=None)
    response = client.get("/en/")
    assert response.context["counts"]["practices"] == Practice.objects.published().count()


def test_the_language_switcher_keeps_the_current_page(client, sample_content):
    html = client.get("/ru/practices/kumbel-drinking-water/").content.decode()
    assert 'href="/ky/practices/kumbel-drinking-water/" hreflang="ky"' in html
    assert 'href="/en/practices/kumbel-drinking-water/" hreflang="en"' in html
    assert '<span class="current" aria-current="true" lang="ru">Русский</span>' in html


def test_the_language_switcher_keeps_the_query_string(client, sample_content):
    html = client.get("/en/practices/?page=1").content.decode()
    assert 'href="/ru/practices/?page=1"' in html


def _home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/").status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_home_page_issues_the_same_queries_for_one_item_and_for_many(client):
    PracticeFactory(featured=True)
    EventFactory()
    PressReleaseFactory()
    few = _home_queries(client)
    for _ in range(8):
        PracticeFactory(featured=True)
        EventFactory()
        PressReleaseFactory()
    assert _home_queries(client) == few


@pytest.mark.django_db
def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_sitemap_lists_every_language_with_alternates(client, sample_content):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    for language in ("ky", "ru", "en"):
        assert f"<loc>http://testserver/{language}/practices/kumbel-drinking-water/</loc>" in xml
        assert f'hreflang="{language}" href="http://testserver/{language}/practices/kumbel-drinking-water/"' in xml
    assert 'hreflang="x-default"' in xml


def test_the_sitemap_leaves_out_drafts(client, sample_content):
    PracticeFactory(slug="secret-draft", status=Practice.Status.DRAFT, published_at=None)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "<loc>http://testserver/en/practices/kumbel-drinking-water/</loc>" in xml
    assert "secret-draft" not in xml


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ky", "Барак табылган жок"), ("ru", "Страница не найдена"), ("en", "Page not found")],
)
@pytest.mark.django_db
def test_a_missing_page_answers_404_in_the_page_language(client, language, heading):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert heading in response.content.decode()


def test_the_500_page_is_translated(rf, settings):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("ru"):
        response = server_error(rf.get("/ru/"))
    assert response.status_code == 500
    assert "Что-то пошло не так" in response.content.decode()


@pytest.mark.django_db
def test_pages_forbid_inline_scripts(client):
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.svg")


def test_the_sitemap_lists_places(client, sample_content):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/ru/municipalities/lebedinovka/</loc>" in xml
    assert "<loc>http://testserver/en/regions/chui/</loc>" in xml
