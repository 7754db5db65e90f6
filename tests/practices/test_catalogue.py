import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.models import Municipality
from practices.models import Practice
from tests.factories import MunicipalityPicker, PracticeFactory, ReplicationFactory
from tests.helpers import count_queries


def _slugs(response):
    return [practice.slug for practice in response.context["practices"]]


def test_the_catalogue_lists_the_sample_practices_in_each_language(client, sample_content):
    kumbel = Practice.objects.get(slug="kumbel-drinking-water")
    for language in ("ky", "ru", "en"):
        response = client.get(f"/{language}/practices/")
        assert response.status_code == 200
        assert getattr(kumbel, f"title_{language}") in response.content.decode()
        assert response.context["paginator"].count == Practice.objects.published().count()


def test_issyk_kul_and_drinking_water_find_kumbel(client, sample_content):
    response = client.get("/en/practices/?region=issyk-kul&sector=drinking-water")
    assert "kumbel-drinking-water" in _slugs(response)
    assert all(Practice.objects.get(slug=slug).municipality.region.slug == "issyk-kul" for slug in _slugs(response))


@pytest.mark.parametrize("query", ["", "?sector=drinking-water", "?region=issyk-kul", "?origin=domestic&budget=no"])
def test_every_facet_count_matches_the_list_it_leads_to(client, sample_content, query):
    response = client.get(f"/en/practices/{query}")
    for facet in response.context["facets"]:
        for option in facet.options:
            if option.selected:
                continue
            separator = "&" if query else "?"
            followed = client.get(f"/en/practices/{query}{separator}{facet.name}={option.value}")
            assert followed.context["paginator"].count == option.count, (facet.name, option.value)


def test_a_filtered_list_can_be_bookmarked_and_paginates_with_its_filters(client, db):
    for _ in range(14):
        PracticeFactory(sectors=None)
    response = client.get("/en/practices/?budget=no")
    html = response.content.decode()
    assert response.context["paginator"].num_pages == 2
    assert 'href="?budget=no&amp;page=2"' in html


def test_sorting_a_to_z_and_by_replications(client, db):
    zeta = PracticeFactory(title_en="Zeta water plan")
    alpha = PracticeFactory(title_en="Alpha lighting plan")
    ReplicationFactory.create_batch(7, practice=zeta)
    by_title = _slugs(client.get("/en/practices/?sort=title"))
    assert by_title.index(alpha.slug) < by_title.index(zeta.slug)
    # More replications than any practice of the sample content.
    assert _slugs(client.get("/en/practices/?sort=replicated"))[0] == zeta.slug
    assert "Replicated in 7 municipalities" in client.get("/en/practices/").content.decode()


def test_an_empty_selection_says_so_and_offers_a_way_back(client, sample_content):
    html = client.get("/en/practices/?q=nosuchwordanywhere").content.decode()
    assert "No practices match these filters." in html
    assert "Show all practices" in html


# An address with filters the catalogue cannot read, and the address of the list it shows instead.
READ_AS = {
    "?region=abc": "",
    "?year=-1": "",
    "?year=abc": "",
    "?sector=drinking-water&unknown=1": "?sector=drinking-water",
    "?sort=bogus": "",
    "?budget=maybe": "",
    "?format=xml": "",
    "?region=issyk-kul&region=chui": "?region=chui",  # a repeated parameter: its last value
}


@pytest.mark.parametrize("query", list(READ_AS))
def test_invalid_filters_give_a_normal_page(client, sample_content, query):
    read_as = READ_AS[query]
    response = client.get(f"/en/practices/{query}")
    assert response.status_code == 200
    # The page lists what the filters it could read select, as if the rest were not in the address.
    expected = client.get(f"/en/practices/{read_as}")
    assert response.context["paginator"].count == expected.context["paginator"].count
    assert _slugs(response) == _slugs(expected)


@pytest.mark.parametrize("keywords", ["x" * 500, "'\"&|!:*\\", "%_", "   "])
def test_odd_keywords_never_break_the_page(client, sample_content, keywords):
    response = client.get("/en/practices/", {"q": keywords})
    assert response.status_code == 200


def test_a_filter_that_is_not_understood_is_explained(client, sample_content):
    html = client.get("/en/practices/?region=abc").content.decode()
    assert "were not understood and are ignored" in html


def test_a_page_past_the_end_is_a_404(client, sample_content):
    assert client.get("/en/practices/?page=999").status_code == 404
    assert client.get("/en/practices/?page=abc").status_code == 404


@pytest.mark.parametrize("query", ["", "?sector=drinking-water&region=issyk-kul&year=2020&budget=yes"])
def test_the_catalogue_issues_the_same_queries_for_one_practice_and_for_fifty(client, db, query):
    # One of everything a card or a facet shows; then 49 more of the same.
    ReplicationFactory(practice=PracticeFactory(total_cost=1000)).practice.tags.add("water")
    one = count_queries(client, f"/en/practices/{query}")
    for _ in range(49):
        ReplicationFactory(practice=PracticeFactory(total_cost=1000)).practice.tags.add("water")
    assert count_queries(client, f"/en/practices/{query}") == one


def test_the_map_lists_the_places_of_the_selection(client, sample_content):
    response = client.get("/en/practices/map/?sector=drinking-water")
    html = response.content.decode()
    assert response.status_code == 200
    names = [point["name"] for point in response.context["map_points"]]
    assert "Lebedinovka ayil aimak" in names
    assert 'id="map-points"' in html
    assert "Lebedinovka ayil aimak" in html  # the list of places works without the map


def test_the_map_issues_the_same_queries_for_few_and_many_places(client, db):
    places = MunicipalityPicker.with_coordinates()
    PracticeFactory(municipality=places[0])
    few = count_queries(client, "/en/practices/map/")
    for municipality in places[1:16]:
        PracticeFactory(municipality=municipality)
    assert count_queries(client, "/en/practices/map/") == few


def test_the_map_ignores_a_municipality_with_half_its_coordinates(client, sample_content):
    municipality = Municipality.objects.filter(latitude__isnull=False, practices__isnull=True).order_by("pk").first()
    Municipality.objects.filter(pk=municipality.pk).update(longitude=None)
    before = client.get("/en/practices/map/").context["map_points"]
    assert before  # the sample content's places are on the map
    PracticeFactory(municipality=municipality, title_en="Practice with half a place")
    response = client.get("/en/practices/map/")
    assert response.status_code == 200
    assert response.context["map_points"] == before
    assert "Practice with half a place" not in response.content.decode()
    municipality.refresh_from_db()
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            municipality.clean()
        assert error.value.messages == ["Give both the latitude and the longitude, or neither."]


def test_csv_cells_that_look_like_formulas_stay_text(client, db):
    PracticeFactory(title_ru='=HYPERLINK("http://evil")')
    response = client.get("/ru/practices/?format=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    titles = [row["title"] for row in csv.DictReader(io.StringIO(text))]
    assert '\'=HYPERLINK("http://evil")' in titles
    assert '=HYPERLINK("http://evil")' not in titles


def test_the_selection_downloads_as_csv_with_documented_columns(client, sample_content):
    from practices.opendata import COLUMNS

    response = client.get("/ru/practices/?sector=drinking-water&format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == COLUMNS
    expected = client.get("/ru/practices/?sector=drinking-water").context["paginator"].count
    assert len(rows) == expected
    psi = next(row for row in rows if row["slug"] == "psi-38-service-action-plans")
    assert psi["total_cost_som"] == "97000000"
    assert psi["own_share_percent"] == "32.0"


def test_the_selection_downloads_as_json(client, sample_content):
    response = client.get("/en/practices/?region=issyk-kul&format=json")
    data = json.loads(response.content)
    assert data["count"] == len(data["practices"]) >= 1
    assert {"slug", "title", "region", "sectors"} <= set(data["practices"][0])
    assert all(row["region"] == "issyk-kul" for row in data["practices"])
