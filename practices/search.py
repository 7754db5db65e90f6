"""How a practice reads in site search."""

from portal.search.indexing import Indexer, register
from practices.models import Practice


def _place_names(practice):
    municipality = practice.municipality
    if municipality is None:
        return practice.get_country_display() if practice.is_foreign else ""
    parts = [municipality.name, municipality.district.name if municipality.district else "", municipality.region.name]
    return " ".join(filter(None, parts))


def _row(practice):
    tags = " ".join(tag.name for tag in practice.tags.all())
    sectors = " ".join(sector.name for sector in practice.sectors.all())
    places = _place_names(practice)
    return {
        "title": practice.title or "",
        "summary": practice.summary or "",
        "body": "\n\n".join(text for _heading, text in practice.sections()),
        "keywords": " ".join(filter(None, [tags, sectors, places])),
        "places": places,
    }


def _queryset():
    return Practice.objects.select_related("municipality__district", "municipality__region").prefetch_related(
        "sectors", "tags"
    )


PRACTICES = register(
    Indexer(
        kind="practice",
        code=1,
        model=Practice,
        url_name="practices:detail",
        queryset=_queryset,
        row=_row,
        is_public=lambda practice: practice.status == Practice.Status.PUBLISHED and practice.published_at is not None,
        visible_from=lambda practice: practice.published_at,
        sectors=lambda practice: practice.sectors.all(),
        region_id=lambda practice: practice.municipality.region_id if practice.municipality else None,
    )
)
