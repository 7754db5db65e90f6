"""Site search. PostgreSQL-only tests (ranking, stemming, typos, the GIN index) are marked and skipped on
SQLite, saying so; the rest run on both."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from portal.models import SearchDocument
from practices.generator import generate_practices
from practices.models import Practice
from tests.factories import EventFactory, PracticeFactory, PressReleaseFactory
from tests.helpers import count_queries

NAMED_IN_RELEASES = ["kumbel", "toktogul", "lebedinovka", "alamudun-aa", "jeti-oguz", "bishkek", "osh", "karakol"]


@pytest.fixture
def search_corpus(sample_content):
    """The sample content among generated practices that compete for every common word."""
    generate_practices(300, exclude_municipalities=NAMED_IN_RELEASES)


def _top(client, query, language="en", n=3):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in response.context["hits"][:n]]


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("ru", "водоснабжения", "kumbel-drinking-water"),  # another form of "водоснабжение"
        ("en", "waste collection", "toktogul-solid-waste"),
        ("ky", "Күмбелдеги суу", "kumbel-drinking-water"),  # Kyrgyz suffixes: -деги, and суу in "суу менен"
        ("ky", "китепканаларды", "alamudun-e-library"),
        ("ru", "Токтогл", "toktogul-solid-waste"),  # misspelled place name
        ("en", '"water intake"', "lebedinovka-water-intake"),  # a phrase
        ("en", "library -Bishkek", "alamudun-e-library"),
        ("en", "civic budget", "online-civic-budget"),
        ("ru", "water supply", "kumbel-drinking-water"),  # English words on the Russian page
    ],
)
def test_search_finds_what_people_mean(client, search_corpus, language, query, expected):
    assert expected in _top(client, query, language)


@pytest.mark.postgres
def test_a_minus_term_leaves_records_out(client, search_corpus):
    slugs = _top(client, "water -Lebedinovka", n=50)
    assert "kumbel-drinking-water" in slugs
    assert not [slug for slug in slugs if slug.startswith("lebedinovka")]


@pytest.mark.postgres
def test_or_finds_either_word(client, search_corpus):
    slugs = _top(client, "library OR intake", n=10)
    assert {"alamudun-e-library", "lebedinovka-water-intake"} <= set(slugs)


@pytest.mark.postgres
def test_the_page_language_comes_first(client, sample_content):
    response = client.get("/ru/search/", {"q": "Кумбел"})
    first = response.context["hits"][0]
    assert first.title == Practice.objects.get(slug="kumbel-drinking-water").title_ru


@pytest.mark.postgres
def test_snippets_mark_the_matched_words_and_escape_the_rest(client, db):
    PracticeFactory(slug="escaped", title_en="Pipes", summary_en="New <script>pipes</script> for the village water")
    html = client.get("/en/search/", {"q": "water"}).content.decode()
    assert "<mark>water</mark>" in html
    # PostgreSQL's headline drops markup; whatever is left of it would be escaped, never run.
    assert "<script>pipes" not in html


@pytest.mark.postgres
def test_the_indexes_serve_full_text_and_typo_matching_on_a_large_table(db):
    generate_practices(3000)  # 9,000 rows: large enough for the planner to prefer the indexes
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE portal_searchdocument")
    fulltext = SearchDocument.objects.filter(search_vector=_fulltext_query("Кумбел")).explain()
    assert "search_document_vector_gin" in fulltext, fulltext
    typo = SearchDocument.objects.filter(fuzzy_text__trigram_word_similar="токтогл").explain()
    assert "search_document_fuzzy_trgm" in typo, typo


def _fulltext_query(text):
    from portal.search.query import parse
    from portal.search.service import _tsquery

    return _tsquery(text, parse(text))


def test_results_are_ranked_together_across_types(client, db):
    PracticeFactory(title_en="Quokka water practice")
    EventFactory(title_en="Quokka water seminar")
    PressReleaseFactory(title_en="Quokka water news")
    response = client.get("/en/search/", {"q": "quokka"})
    kinds = {hit.kind for hit in response.context["hits"]}
    assert kinds == {"practice", "event", "pressrelease"}
    assert response.context["kind_counts"] == {
        "practice": 1,
        "event": 1,
        "pressrelease": 1,
    }


def test_the_type_filter_narrows_the_results(client, db):
    PracticeFactory(title_en="Quokka water practice")
    EventFactory(title_en="Quokka water seminar")
    response = client.get("/en/search/", {"q": "quokka", "type": "event"})
    assert [hit.kind for hit in response.context["hits"]] == ["event"]


def test_a_record_appears_once_whatever_languages_match(client, db):
    PracticeFactory(title_en="Quokka water", title_ru="Квокка вода", title_ky="Квокка суу")
    response = client.get("/en/search/", {"q": "quokka"})
    assert response.context["paginator"].count == 1


def test_drafts_are_not_found(client, db):
    PracticeFactory(title_en="Secret kumbel plan", status=Practice.Status.DRAFT, published_at=None)
    response = client.get("/en/search/", {"q": "secret"})
    assert response.context["paginator"].count == 0
    assert "Nothing found." in response.content.decode()


def test_a_practice_dated_in_the_future_stays_out_of_search_until_then(client, db):
    PracticeFactory(title_en="Embargoed water plan", published_at=timezone.now() + datetime.timedelta(days=30))
    PracticeFactory(title_en="Embargoed roads plan")
    response = client.get("/en/search/", {"q": "embargoed"})
    assert response.status_code == 200
    assert [hit.title for hit in response.context["hits"]] == ["Embargoed roads plan"]
    assert "Embargoed water plan" not in response.content.decode()


def test_cached_results_are_kept_per_language(client, db):
    # The word is in all three titles: each page shows the record in its own language.
    PracticeFactory(title_en="Zebra crossing", title_ru="Переход zebra", title_ky="Zebra жөө өтмөк")
    russian = client.get("/ru/search/", {"q": "zebra"}).context["hits"]
    assert [hit.title for hit in russian] == ["Переход zebra"]
    hits = client.get("/en/search/", {"q": "zebra"}).context["hits"]
    assert [hit.title for hit in hits] == ["Zebra crossing"]


def test_publishing_and_editing_update_the_index(client, db):
    practice = PracticeFactory(title_en="Old title", status=Practice.Status.DRAFT, published_at=None)
    assert client.get("/en/search/", {"q": "title"}).context["paginator"].count == 0
    from django.utils import timezone

    practice.title_en, practice.status, practice.published_at = "Brand new title", "published", timezone.now()
    practice.save()
    hits = client.get("/en/search/", {"q": "brand"}).context["hits"]
    assert [hit.title for hit in hits] == ["Brand new title"]
    practice.delete()
    assert client.get("/en/search/", {"q": "brand"}).context["paginator"].count == 0


def test_the_index_follows_tags_and_sectors_set_after_saving(client, db):
    practice = PracticeFactory(title_en="Plain title")
    practice.tags.add("ashar")
    assert client.get("/en/search/", {"q": "ashar"}).context["paginator"].count == 1


def test_rebuilding_the_index_gives_the_same_rows(sample_content):
    before = SearchDocument.objects.count()
    call_command("rebuild_search_index", verbosity=0)
    assert SearchDocument.objects.count() == before == 3 * sum(sample_content_counts().values())


def sample_content_counts():
    """Every searchable record of the sample content, by kind: one search row per language each."""
    from curation.models import Collection
    from events.models import Event, PressRelease
    from lessons.models import Course, VideoLesson
    from library.models import LibraryDocument

    models = (Practice, Event, PressRelease, LibraryDocument, VideoLesson, Course, Collection)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.parametrize("query", ["", "   ", "-", '"', "&&&", "-Bishkek"])
def test_an_empty_or_nonsense_query_shows_popular_topics_and_recent_practices(client, sample_content, query):
    response = client.get("/en/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Popular topics" in html
    assert "Recent practices" in html


@pytest.mark.parametrize(
    "query",
    ["'", '"', "&", "|", "!", ":", "*", "\\", "a:*", "water & (", "!!!x", "x" * 5000, "OR OR", '"unclosed', "<b>"],
)
def test_odd_queries_never_raise(client, sample_content, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200


def _cold_queries(client, url):
    """Queries of a search nobody made before (cached counts would hide the work)."""
    from django.core.cache import cache

    cache.clear()
    return count_queries(client, url)


def test_the_search_page_issues_the_same_queries_for_few_and_many_hits(client, db):
    PracticeFactory(title_en="Water plan")
    EventFactory(title_en="Water seminar")
    few = _cold_queries(client, "/en/search/?q=water")
    for _ in range(12):
        PracticeFactory(title_en="Water plan")
        EventFactory(title_en="Water seminar")
        PressReleaseFactory(title_en="Water news")
    assert _cold_queries(client, "/en/search/?q=water") == few
    assert _cold_queries(client, "/en/search/?q=water&page=2") == few
    # The same search again reads its counts and first results from the cache.
    assert count_queries(client, "/en/search/?q=water&page=2") < few


def test_a_change_to_the_content_refreshes_cached_results(client, db):
    PracticeFactory(title_en="Quokka water plan")
    assert client.get("/en/search/", {"q": "quokka"}).context["paginator"].count == 1
    PracticeFactory(title_en="Quokka water tower")
    assert client.get("/en/search/", {"q": "quokka"}).context["paginator"].count == 2


def test_a_results_page_past_the_end_is_a_404(client, sample_content):
    assert client.get("/en/search/", {"q": "water", "page": 99}).status_code == 404


def test_the_catalogue_keywords_use_site_search(client, sample_content):
    response = client.get("/ru/practices/", {"q": "Кумбел"})
    slugs = [p.slug for p in response.context["practices"]]
    assert "kumbel-drinking-water" in slugs
    assert len(slugs) < Practice.objects.published().count()
    assert "lebedinovka-housing-municipal-staff" not in slugs


def test_the_header_has_a_search_box_on_every_page(client, sample_content):
    html = client.get("/ky/practices/").content.decode()
    assert 'action="/ky/search/"' in html
    assert 'name="q"' in html
