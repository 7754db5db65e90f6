"""The catalogue's current selection as open data (CSV and JSON); the columns are documented in README.md."""

import csv
import json

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from portal.spreadsheets import spreadsheet_safe

COLUMNS = [
    "slug",
    "url",
    "title",
    "summary",
    "municipality",
    "district",
    "region",
    "country",
    "sectors",
    "audiences",
    "tags",
    "project",
    "year",
    "started_on",
    "completed_on",
    "total_cost_som",
    "own_contribution_som",
    "other_sources_som",
    "own_share_percent",
    "replications",
    "published_at",
]


def practice_rows(practices, request):
    """One dict per practice with the COLUMNS keys, texts in the page's language."""
    for practice in practices:
        municipality = practice.municipality
        share = practice.own_share_percent
        yield {
            "slug": practice.slug,
            "url": request.build_absolute_uri(practice.get_absolute_url()),
            "title": practice.title,
            "summary": practice.summary,
            "municipality": municipality.slug if municipality else "",
            "district": municipality.district.slug if municipality and municipality.district else "",
            "region": municipality.region.slug if municipality else "",
            "country": practice.country,
            "sectors": ";".join(sector.slug for sector in practice.sectors.all()),
            "audiences": ";".join(audience.slug for audience in practice.audiences.all()),
            "tags": ";".join(tag.name for tag in practice.tags.all()),
            "project": practice.project.slug if practice.project else "",
            "year": practice.year,
            "started_on": practice.started_on.isoformat() if practice.started_on else "",
            "completed_on": practice.completed_on.isoformat() if practice.completed_on else "",
            "total_cost_som": practice.total_cost,
            "own_contribution_som": practice.own_contribution,
            "other_sources_som": practice.other_sources,
            "own_share_percent": float(share) if share is not None else None,
            "replications": practice.replication_count,
            "published_at": timezone.localtime(practice.published_at).isoformat() if practice.published_at else "",
        }


def opendata_queryset(practices):
    return practices.select_related("municipality__region", "municipality__district", "project").prefetch_related(
        "sectors", "audiences", "tags"
    )


class _Echo:
    def write(self, value):
        return value


def csv_response(practices, request):
    writer = csv.DictWriter(_Echo(), fieldnames=COLUMNS)

    def lines():
        yield "\ufeff"  # so that Excel opens the Cyrillic text as UTF-8
        yield writer.writeheader()
        for row in practice_rows(practices.iterator(chunk_size=500), request):
            yield writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="practices.csv"'
    return response


def json_response(practices, request):
    body = json.dumps(
        {"count": practices.count(), "practices": list(practice_rows(practices, request))}, ensure_ascii=False
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="practices.json"'
    return response
