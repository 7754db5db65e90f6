import pytest
from django.utils.html import escape

from portal.models import Municipality, Region
from practices.models import Practice
from tests.factories import EventFactory, PracticeFactory, ReplicationFactory
from tests.helpers import count_queries


def test_the_municipality_index_groups_by_region(client, sample_content):
    html = client.get("/ru/municipalities/").content.decode()
    for region in Region.objects.all():
        assert region.name_ru in html
    assert "Кумбельский айыльный аймак" in html


def test_a_municipality_page_shows_its_practices_replications_and_events(client, sample_content):
    lebedinovka = Municipality.objects.get(slug="lebedinovka")
    ReplicationFactory(municipality=lebedinovka, practice=PracticeFactory(title_en="Toktogul-style waste carts"))
    response = client.get("/en/municipalities/lebedinovka/")
    assert response.status_code == 200
    html = response.content.decode()
    practices = Practice.objects.published().filter(municipality=lebedinovka)
    assert "lebedinovka-water-intake" in {practice.slug for practice in practices}
    for practice in practices:
        assert escape(practice.title_en) in html
    assert "Toktogul-style waste carts" in html
    assert "Events held here" in html
    assert "Alamudun District" in html


@pytest.mark.django_db
def test_the_municipality_page_issues_the_same_queries_for_few_and_many(client):
    municipality = Municipality.objects.filter(district__isnull=False).first()
    PracticeFactory(municipality=municipality)
    ReplicationFactory(municipality=municipality)
    EventFactory(municipality=municipality)
    few = count_queries(client, municipality.get_absolute_url())
    for _ in range(15):
        PracticeFactory(municipality=municipality)
        ReplicationFactory(municipality=municipality)
        EventFactory(municipality=municipality)
    assert count_queries(client, municipality.get_absolute_url()) == few


def test_region_and_district_pages_list_their_practices(client, sample_content):
    region = client.get("/en/regions/issyk-kul/").content.decode()
    assert "Kumbel" in region
    district = client.get("/en/districts/alamudun/").content.decode()
    assert "Lebedinovka" in district


@pytest.mark.django_db
def test_an_unknown_place_is_a_404(client):
    assert client.get("/en/municipalities/atlantis/").status_code == 404
    assert client.get("/en/regions/atlantis/").status_code == 404
