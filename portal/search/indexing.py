"""Keep the search table in step with the content: one SearchDocument per record and language.

Each searchable model registers an ``Indexer`` that says what its rows hold. Saves anywhere (services,
admin, loaders) reach ``index_records`` through the signals connected in ``connect_signals``; bulk
inserts, which send no signals, call ``index_queryset`` themselves, and ``manage.py
rebuild_search_index`` rewrites everything.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchConfig, SearchVector
from django.db import connection, transaction
from django.db.models import F
from django.utils import translation

from portal.models import SearchDocument
from portal.search.cache import forget_cached_counts

# PostgreSQL has stemmers for Russian and English; Kyrgyz rows use "simple" with prefix matching.
TEXT_SEARCH_CONFIGS = {"ky": "simple", "ru": "russian", "en": "english"}
BATCH_SIZE = 500


@dataclass(frozen=True)
class Indexer:
    kind: str  # "practice", "event"...: also the type filter's value
    code: int  # a small number unique to the kind, part of each row's record_key
    model: type
    url_name: str
    queryset: Callable  # () -> every record to index, with what row() reads prefetched
    row: Callable  # (record) -> dict of SearchDocument texts in the active language
    is_public: Callable  # (record) -> bool
    visible_from: Callable = lambda record: None  # (record) -> datetime before which it is hidden
    sectors: Callable = lambda record: []
    region_id: Callable = lambda record: None


REGISTRY: dict[str, Indexer] = {}
_ID_BITS = 40  # room for a trillion records of one kind


def record_key(indexer, pk):
    return (indexer.code << _ID_BITS) | pk


def register(indexer: Indexer):
    if any(other.code == indexer.code and other.kind != indexer.kind for other in REGISTRY.values()):
        raise ValueError(f"Search kind code {indexer.code} is taken.")
    REGISTRY[indexer.kind] = indexer
    return indexer


def indexer_for(model):
    return next((indexer for indexer in REGISTRY.values() if indexer.model is model), None)


def _rows_for(indexer, record):
    sector_ids = [sector.pk for sector in indexer.sectors(record)]
    common = {
        "record_key": record_key(indexer, record.pk),
        "slug": record.slug,
        "region_id": indexer.region_id(record),
        "is_public": indexer.is_public(record),
        "visible_from": indexer.visible_from(record),
        "published_at": getattr(record, "published_at", None) or getattr(record, "starts_at", None),
    }
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts = indexer.row(record)
        fuzzy = " ".join(filter(None, [texts["title"], texts.get("places", "")])).lower()
        plain = ""
        if connection.vendor != "postgresql":
            plain = " ".join(texts.get(key, "") for key in ("title", "summary", "body", "keywords")).lower()
        yield (
            SearchDocument(
                kind=indexer.kind,
                object_id=record.pk,
                language=language,
                config=TEXT_SEARCH_CONFIGS[language],
                title=texts["title"],
                summary=texts.get("summary", ""),
                body=texts.get("body", ""),
                keywords=texts.get("keywords", ""),
                fuzzy_text=fuzzy,
                plain_text=plain,
                **common,
            ),
            sector_ids,
        )


def search_vector():
    """The weighted vector of a row, in the row's own configuration."""
    config = SearchConfig(F("config"))
    return (
        SearchVector("title", config=config, weight="A")
        + SearchVector("summary", "keywords", config=config, weight="B")
        + SearchVector("body", config=config, weight="C")
    )


@transaction.atomic
def index_records(indexer, records):
    """Write the rows of these records (replacing any they had)."""
    records = list(records)
    if not records:
        return 0
    SearchDocument.objects.filter(kind=indexer.kind, object_id__in=[r.pk for r in records]).delete()
    pairs = [pair for record in records for pair in _rows_for(indexer, record)]
    documents = SearchDocument.objects.bulk_create([document for document, _sectors in pairs])
    through = SearchDocument.sectors.through
    through.objects.bulk_create(
        [
            through(searchdocument_id=document.pk, sector_id=sector_id)
            for document, (_unsaved, sector_ids) in zip(documents, pairs, strict=True)
            for sector_id in sector_ids
        ]
    )
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(pk__in=[d.pk for d in documents]).update(search_vector=search_vector())
    _index_changed()
    return len(records)


def _index_changed():
    """Stale cached results go now, and again at commit: a search made in between may have cached rows
    that the commit replaces."""
    forget_cached_counts()
    transaction.on_commit(forget_cached_counts)


def index_queryset(indexer, queryset):
    """Index many records in batches (bulk loads, the rebuild command)."""
    total = 0
    batch = []
    for record in queryset.iterator(chunk_size=BATCH_SIZE):
        batch.append(record)
        if len(batch) >= BATCH_SIZE:
            total += index_records(indexer, batch)
            batch = []
    return total + index_records(indexer, batch)


def reindex(instance):
    """Re-index one saved record right away (M2M changes call this again once their rows are written)."""
    indexer = indexer_for(type(instance))
    if indexer is None:
        return
    record = indexer.queryset().filter(pk=instance.pk).first()
    if record is None:
        SearchDocument.objects.filter(kind=indexer.kind, object_id=instance.pk).delete()
        _index_changed()
    else:
        index_records(indexer, [record])


def unindex(instance):
    indexer = indexer_for(type(instance))
    if indexer is not None:
        SearchDocument.objects.filter(kind=indexer.kind, object_id=instance.pk).delete()
        _index_changed()


def rebuild():
    """Rewrite the whole table from the content; returns {kind: records}."""
    counts = {}
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        _index_changed()
        for kind, indexer in REGISTRY.items():
            counts[kind] = index_queryset(indexer, indexer.queryset().order_by("pk"))
    return counts
