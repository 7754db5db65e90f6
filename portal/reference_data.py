"""Load the shipped reference data (geography, sectors, audiences) from JSON files in the repository.

Used by data migrations (with historical models) and by ``manage.py load_reference_data`` (with the
current ones), so a fixed name in a JSON file reaches existing databases too. Every write is keyed on
the slug: loading twice changes nothing.
"""

import json
from pathlib import Path

LANGUAGES = ("ky", "ru", "en")
GEOGRAPHY_FILE = Path(__file__).resolve().parent / "data" / "geography.json"
TOPICS_FILE = Path(__file__).resolve().parent.parent / "practices" / "data" / "topics.json"


def read_json(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def translated(field, values):
    """{"ky": "A", "ru": "B"} -> {"name_ky": "A", "name_ru": "B", "name": ...} for modeltranslation columns."""
    # The untranslated column holds the default language (ky), or the first text there is. It comes
    # first: on a live model, assigning it also writes the active language's column, which the
    # per-language values after it then put right.
    columns = {field: values.get("ky") or values.get("ru") or values.get("en") or ""}
    columns.update({f"{field}_{code}": values.get(code, "") or "" for code in LANGUAGES})
    return columns


def load_geography(region_model, district_model, municipality_model, data=None):
    data = data or read_json(GEOGRAPHY_FILE)
    for position, region_data in enumerate(data["regions"]):
        center = region_data.get("center") or {}
        region, _ = region_model.objects.update_or_create(
            slug=region_data["slug"],
            defaults={
                "kind": region_data["kind"],
                "position": position,
                "latitude": center.get("lat"),
                "longitude": center.get("lon"),
                **translated("name", region_data["name"]),
            },
        )
        districts = {}
        for district_data in region_data.get("districts", []):
            districts[district_data["slug"]], _ = district_model.objects.update_or_create(
                slug=district_data["slug"],
                defaults={"region": region, **translated("name", district_data["name"])},
            )
        for municipality_data in region_data.get("municipalities", []):
            district_slug = municipality_data.get("district")
            municipality_model.objects.update_or_create(
                slug=municipality_data["slug"],
                defaults={
                    "region": region,
                    "district": districts[district_slug] if district_slug else None,
                    "kind": municipality_data["kind"],
                    "latitude": municipality_data.get("lat"),
                    "longitude": municipality_data.get("lon"),
                    **translated("name", municipality_data["name"]),
                },
            )


def load_topics(sector_model, audience_model, data=None):
    data = data or read_json(TOPICS_FILE)
    for model, key in ((sector_model, "sectors"), (audience_model, "audiences")):
        for position, item in enumerate(data[key]):
            model.objects.update_or_create(
                slug=item["slug"],
                defaults={
                    "position": position,
                    **translated("name", item["name"]),
                    **translated("description", item.get("description", {})),
                },
            )
