"""Site search: one ranked list of practices, events and press releases, in every language.

On PostgreSQL a query is matched three ways at once — Russian and English stemming
(``websearch_to_tsquery``: "quotes", OR, -minus) and Kyrgyz stems as prefixes — against the GIN-indexed
vectors, ranked with the page's language first, one hit per record; when that finds little, trigram
similarity on titles and place names catches typos ("Токтогл"). On SQLite a plain case-insensitive
match keeps the quick start working, without ranking guarantees.
"""

import html
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchConfig, SearchHeadline, SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, TextField, Value, When, Window
from django.db.models.functions import Concat, Greatest, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from portal.models import Region, SearchDocument
from portal.search.cache import search_cache_key
from portal.search.indexing import REGISTRY
from portal.search.query import ParsedQuery, parse, prefix_tsquery
from practices.models import Sector

# Below this many full-text hits, typo-tolerant matching joins in.
FEW_HITS = 3
# How much a row in another language than the page's counts, against 1 for the page's own.
OTHER_LANGUAGE_WEIGHT = 0.6
_MARK_START, _MARK_STOP = "\x02", "\x03"


def uses_postgresql():
    return connection.vendor == "postgresql"


@dataclass
class Hit:
    """What the results page shows of one record (read from the search table alone)."""

    kind: str
    title: str
    url: str
    snippet: str
    published_at: object


def _tsquery(text, parsed):
    query = SearchQuery(text, config="russian", search_type="websearch") | SearchQuery(
        text, config="english", search_type="websearch"
    )
    kyrgyz = prefix_tsquery(parsed)
    if kyrgyz:
        query |= SearchQuery(kyrgyz, config="simple", search_type="raw")
    return query


def _fuzzy_condition(parsed):
    words = [word for word in parsed.positive_words() if len(word) >= 4][:5]
    condition = Q()
    for word in words:
        condition |= Q(fuzzy_text__trigram_word_similar=word)
    return condition


def _plain_condition(parsed: ParsedQuery):
    """SQLite: every word of a group somewhere in the text (lower-cased in Python when indexed)."""
    condition = Q()
    for group in parsed.groups:
        group_condition = Q()
        for term in group:
            phrase = " ".join(term.words)
            match = Q(plain_text__contains=phrase)
            group_condition &= ~match if term.negated else match
        condition |= group_condition
    return condition


class SearchResults:
    """The ranked, de-duplicated hits of one query, and the counts for its filters."""

    def __init__(self, text, language, kind="", sector=None, region=None):
        self.text = text or ""
        self.parsed = parse(self.text)
        self.language = language
        self.kind = kind if kind in REGISTRY else ""
        self.sector = sector
        self.region = region
        self.used_fuzzy = False
        self._matching = None if self.parsed.is_empty else self._build_matching()

    @property
    def is_empty_query(self):
        return self._matching is None

    # -- matching rows (all languages) -------------------------------------------------------------
    def _build_matching(self):
        rows = SearchDocument.objects.filter(is_public=True).filter(
            Q(visible_from__isnull=True) | Q(visible_from__lte=timezone.now())
        )
        if not uses_postgresql():
            self._rank = Case(When(language=self.language, then=Value(1.0)), default=Value(0.5))
            return rows.filter(_plain_condition(self.parsed))
        self._tsquery = _tsquery(self.text, self.parsed)
        language_weight = Case(
            When(language=self.language, then=Value(1.0)),
            default=Value(OTHER_LANGUAGE_WEIGHT),
            output_field=FloatField(),
        )
        condition = Q(search_vector=self._tsquery)
        rank = SearchRank(F("search_vector"), self._tsquery)
        fuzzy = _fuzzy_condition(self.parsed)
        # "Few hits?" reads at most a page of rows (LIMIT), not the whole match, on common words.
        if fuzzy and len(set(rows.filter(condition).values_list("record_key", flat=True)[:30])) < FEW_HITS:
            self.used_fuzzy = True
            condition |= fuzzy
            words = [w for w in self.parsed.positive_words() if len(w) >= 4][:5]
            similarity = (
                Greatest(*[TrigramWordSimilarity(w, "fuzzy_text") for w in words])
                if len(words) > 1
                else (TrigramWordSimilarity(words[0], "fuzzy_text"))
            )
            rank = rank + similarity
        self._rank = rank * language_weight
        return rows.filter(condition)

    def _filtered(self, without=""):
        rows = self._matching
        if self.kind and without != "kind":
            rows = rows.filter(kind=self.kind)
        if self.sector and without != "sector":
            rows = rows.filter(sectors=self.sector)
        if self.region and without != "region":
            rows = rows.filter(region=self.region)
        return rows

    # -- hits ------------------------------------------------------------------------------------
    def ranked(self):
        """One row per record (its best language), best first: a queryset for the paginator.

        Only the id travels through the ranking sort (narrow rows sort in memory); ``hits`` then reads
        the texts of the ten rows on the page."""
        rows = self._filtered().annotate(
            rank=self._rank,
            position=Window(RowNumber(), partition_by=[F("record_key")], order_by=[F("rank").desc(), F("pk")]),
        )
        return rows.filter(position=1).order_by("-rank", "-published_at", "pk").only("pk")

    # The first pages of a query are what people open; their ids are kept with the counts.
    CACHED_RESULTS = 100

    def page_ids(self, start, stop):
        """Ids of the rows ranked ``start`` to ``stop``."""
        if stop <= self.CACHED_RESULTS:
            top = self._cached("top", lambda: list(self.ranked().values_list("pk", flat=True)[: self.CACHED_RESULTS]))
            return top[start:stop]
        return list(self.ranked().values_list("pk", flat=True)[start:stop])

    def count(self):
        """How many records match: the type counts already say it (types never overlap)."""
        counts = self.kind_counts()
        return counts.get(self.kind, 0) if self.kind else sum(counts.values())

    def _page_rows(self, ids):
        rows = SearchDocument.objects.filter(pk__in=ids).only("kind", "slug", "title", "summary", "published_at")
        if uses_postgresql():
            rows = rows.annotate(
                headline=SearchHeadline(
                    Concat("summary", Value(" "), "body", output_field=TextField()),
                    self._tsquery,
                    config=SearchConfig(F("config")),
                    start_sel=_MARK_START,
                    stop_sel=_MARK_STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
        by_id = {row.pk: row for row in rows}
        return [by_id[pk] for pk in ids if pk in by_id]

    def hits(self, ids):
        """The page's row ids -> Hit objects with a safe snippet (<mark> around matched words, the rest escaped)."""
        return [
            Hit(
                kind=row.kind,
                title=row.title,
                url=reverse(REGISTRY[row.kind].url_name, args=[row.slug]),
                snippet=self._snippet(getattr(row, "headline", None), row),
                published_at=row.published_at,
            )
            for row in (self._page_rows(ids) if ids else [])
        ]

    def _snippet(self, headline, row):
        text = headline if headline is not None else _mark_words(row.summary[:300], self.parsed.positive_words())
        escaped = html.escape(text).replace(_MARK_START, "<mark>").replace(_MARK_STOP, "</mark>")
        return mark_safe(escaped)  # noqa: S308 — everything but our own <mark> tags is escaped above

    # -- counts for the filters ------------------------------------------------------------------
    def _cached(self, name, compute):
        """Counts over a common word cost a scan of every match; people repeat such searches, so the
        counts are kept until the index next changes (or ten minutes pass)."""
        key = search_cache_key(name, self.text, self.language, self.kind, self.sector, self.region)
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, COUNTS_CACHE_SECONDS)
        return value

    def kind_counts(self):
        if not hasattr(self, "_kind_counts"):
            rows = self._filtered(without="kind").order_by().values_list("kind")
            self._kind_counts = self._cached("kinds", lambda: dict(rows.annotate(n=Count("record_key", distinct=True))))
        return self._kind_counts

    def sector_counts(self):
        rows = (
            self._filtered(without="sector")
            .filter(sectors__isnull=False)
            .order_by()
            .values_list("sectors")
            .annotate(n=Count("record_key", distinct=True))
        )
        counts = self._cached("sectors", lambda: dict(rows))
        return [(sector, counts[sector.pk]) for sector in Sector.objects.filter(pk__in=counts)] if counts else []

    def region_counts(self):
        rows = (
            self._filtered(without="region")
            .filter(region__isnull=False)
            .order_by()
            .values_list("region")
            .annotate(n=Count("record_key", distinct=True))
        )
        counts = self._cached("regions", lambda: dict(rows))
        return [(region, counts[region.pk]) for region in Region.objects.filter(pk__in=counts)] if counts else []


COUNTS_CACHE_SECONDS = 600


def _mark_words(text, words):
    """Wrap the query's words (as prefixes) in markers, for the SQLite search's snippets."""
    for word in sorted(set(words), key=len, reverse=True):
        text = re.sub(rf"(?i)\b({re.escape(word)}\w*)", rf"{_MARK_START}\1{_MARK_STOP}", text)
    return text


def matching_record_ids(kind, text, language):
    """Ids of the public records of one kind that a query finds (the catalogue's keyword filter)."""
    results = SearchResults(text, language, kind=kind)
    if results.is_empty_query:
        return None
    return results._filtered().values("object_id")
