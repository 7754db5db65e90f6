import pytest
from django.utils import translation

from practices.models import Practice, PracticeTag
from tests.factories import PracticeFactory
from tests.helpers import count_queries


def test_a_practice_page_shows_its_sections_and_budget_in_the_page_locale(client, sample_content):
    practice = Practice.objects.get(slug="psi-38-service-action-plans")
    html = client.get(f"/ru/practices/{practice.slug}/").content.decode()
    assert practice.title_ru in html
    assert "97\xa0000\xa0000 сом" in html
    assert "(32,0 %)" in html
    html_en = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert "97,000,000 soms" in html_en
    assert "(32.0 %)" in html_en


@pytest.mark.django_db
def test_untranslated_content_falls_back_to_another_language(client):
    practice = PracticeFactory(title_en="", title_ky="", title_ru="Водопровод в Кумбеле", summary_en="")
    html = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert "<h1>Водопровод в Кумбеле</h1>" in html
    # The page's own language wins as soon as it has text.
    practice.title_en = "Kumbel water supply"
    practice.save()
    assert "<h1>Kumbel water supply</h1>" in client.get(f"/en/practices/{practice.slug}/").content.decode()


@pytest.mark.django_db
def test_fallback_order_is_russian_then_kyrgyz_then_english():
    practice = PracticeFactory(title_en="English title", title_ky="Кыргызча аталыш", title_ru="")
    with translation.override("ru"):
        assert Practice.objects.get(pk=practice.pk).title == "Кыргызча аталыш"


@pytest.mark.django_db
def test_a_draft_answers_404_to_the_public_and_opens_for_editors(client, editor, outsider):
    draft = PracticeFactory(status=Practice.Status.DRAFT, published_at=None)
    url = f"/en/practices/{draft.slug}/"
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "Preview for editors" in response.content.decode()


@pytest.mark.django_db
def test_the_list_shows_published_practices_only(client):
    PracticeFactory(title_en="Visible practice")
    PracticeFactory(title_en="Hidden practice", status=Practice.Status.IN_REVIEW)
    html = client.get("/en/practices/").content.decode()
    assert "Visible practice" in html
    assert "Hidden practice" not in html


@pytest.mark.django_db
def test_the_practice_list_issues_the_same_queries_for_one_item_and_for_many(client):
    PracticeFactory()
    one = count_queries(client, "/en/practices/")
    PracticeFactory.create_batch(11)
    assert count_queries(client, "/en/practices/") == one


@pytest.mark.django_db
def test_a_practice_page_issues_the_same_queries_with_few_and_many_relations(client):
    practice = PracticeFactory()
    practice.related.add(PracticeFactory())
    practice.tags.add("water")
    few = count_queries(client, practice.get_absolute_url())
    practice.related.add(*PracticeFactory.create_batch(5))
    practice.tags.add("pipes", "budget", "villages")
    assert count_queries(client, practice.get_absolute_url()) == few


@pytest.mark.django_db
def test_the_own_share_is_computed_from_the_budget():
    practice = PracticeFactory(total_cost=97_000_000, own_contribution=31_000_000)
    assert str(practice.own_share_percent) == "32.0"
    assert PracticeFactory(total_cost=None).own_share_percent is None


@pytest.mark.django_db
def test_tags_get_ascii_slugs():
    practice = PracticeFactory()
    practice.tags.add("Таза көчө")
    assert PracticeTag.objects.get(name="Таза көчө").slug == "taza-kocho"
