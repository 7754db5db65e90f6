"""The demo content of a fresh portal, built from the press releases in ``portal/data/sample_content.json``.

Every record is keyed on its slug and written with ``update_or_create``, so loading twice creates
nothing twice and a corrected text in the JSON file reaches an existing database.
"""

import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from events.models import Event, PressRelease
from portal.models import Municipality, Organization, Project, ProjectPartner, StaticPage
from portal.pdf import text_document
from portal.reference_data import read_json
from portal.sample_files import budget_chart
from portal.sample_records import language_tags, translations
from practices.models import Audience, Practice, PracticeDocument, PracticeImage, Sector

SAMPLE_FILE = Path(__file__).resolve().parent / "data" / "sample_content.json"
PAGES_FILE = Path(__file__).resolve().parent / "data" / "pages.json"
LOCAL_TZ = ZoneInfo(settings.TIME_ZONE)


def _local_datetime(value: str) -> datetime.datetime:
    """'2018-11-30T10:00' or '2018-11-30' in Bishkek time, as an aware datetime."""
    if "T" not in value:
        value += "T10:00"
    return datetime.datetime.fromisoformat(value).replace(tzinfo=LOCAL_TZ)


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


PSI_SUMMARY_LINES = [
    "Public Service Improvement project (PSI), phase 1: results presented on 30 November 2018.",
    "",
    "30 municipalities of Issyk-Kul and Jalal-Abad regions took part.",
    "38 action plans to improve local services were supported:",
    "  - 9 for sustainable access to clean drinking water,",
    "  - 11 for pre-school and school education,",
    "  - 9 for culture and leisure (parks, cultural and sports services),",
    "  - 8 for the maintenance and cleaning of public areas.",
    "",
    "Total cost of the plans: more than 97 million soms.",
    "Own contribution of the municipalities: more than 31 million soms (almost 32%).",
    "",
    "Funded by the Swiss Government through the Swiss Agency for Development and Cooperation (SDC),",
    "implemented by Helvetas Kyrgyzstan and the Development Policy Institute.",
]


def _attach_files(practices):
    """The programme-level PSI practice gets its budget chart and a one-page summary (once)."""
    practice = practices.get("psi-38-service-action-plans")
    if practice is None:
        return
    if not practice.images.exists() and practice.total_cost and practice.own_contribution:
        image = PracticeImage(
            practice=practice,
            alt_text_ky="Диаграмма: 97 млн сомдун 31 млн сому (32 %) муниципалитеттердин өз салымы",
            alt_text_ru="Диаграмма: из 97 млн сомов 31 млн (32 %) составил собственный вклад муниципалитетов",
            alt_text_en="Chart: of 97 million soms, 31 million (32%) was the municipalities' own contribution",
            caption_ky="Кызыл түс — муниципалитеттердин өз салымы, көк — башка булактар",
            caption_ru="Красным — собственный вклад муниципалитетов, синим — другие источники",
            caption_en="Red: the municipalities' own contribution; blue: other sources",
        )
        image.image.save("psi-budget.png", ContentFile(budget_chart(practice.total_cost, practice.own_contribution)))
    if not practice.documents.exists():
        document = PracticeDocument(
            practice=practice,
            title_ky="ПСИ долбоорунун жыйынтыктары (англисче, PDF)",
            title_ru="Итоги проекта PSI (на английском, PDF)",
            title_en="PSI results summary (PDF)",
        )
        document.file.save(
            "psi-results-summary.pdf",
            ContentFile(text_document("PSI: 38 service action plans", PSI_SUMMARY_LINES, "en")),
        )


def _keep_in_future(starts_at, ends_at, now):
    """Demo events meant to be upcoming move on by whole years, so a fresh portal never looks stale."""
    years = 0
    while ends_at.replace(year=ends_at.year + years) < now:
        years += 1
    return starts_at.replace(year=starts_at.year + years), ends_at.replace(year=ends_at.year + years)


@transaction.atomic
def load_sample_content(data=None):
    """Create or update the sample records; returns how many of each kind the file holds."""
    data = data or read_json(SAMPLE_FILE)
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}

    organizations = {}
    for item in data["organizations"]:
        organizations[item["slug"]], _ = Organization.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "kind": item["kind"],
                "website": item.get("website", ""),
                **translations(item, "name", "acronym", "description"),
            },
        )

    projects = {}
    for item in data["projects"]:
        project, _ = Project.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "start_year": item["start_year"],
                "end_year": item.get("end_year"),
                "website": item.get("website", ""),
                **translations(item, "name", "acronym", "description"),
            },
        )
        for role, key in ((ProjectPartner.Role.FUNDER, "funders"), (ProjectPartner.Role.IMPLEMENTER, "implementers")):
            for slug in item.get(key, []):
                ProjectPartner.objects.get_or_create(project=project, organization=organizations[slug], role=role)
        projects[item["slug"]] = project

    practices = {}
    for item in data["practices"]:
        practice, _ = Practice.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "municipality": municipalities[item["municipality"]] if item.get("municipality") else None,
                "country": item.get("country") or "KG",
                "project": projects.get(item.get("project")),
                "started_on": _date(item.get("started")),
                "completed_on": _date(item.get("completed")),
                "total_cost": item.get("total_cost"),
                "own_contribution": item.get("own_contribution"),
                "other_sources": item.get("other_sources"),
                "featured": bool(item.get("featured")),
                "status": Practice.Status.PUBLISHED,
                "published_at": _local_datetime(item["published"]),
                **translations(item, "title", "summary", *(field for field, _label in Practice.SECTIONS)),
            },
        )
        practice.sectors.set([sectors[slug] for slug in item.get("sectors", [])])
        practice.audiences.set([audiences[slug] for slug in item.get("audiences", [])])
        practice.tags.set(language_tags(item.get("tags") or {}))
        practices[item["slug"]] = practice

    now = timezone.now()
    events = {}
    for item in data["events"]:
        starts_at, ends_at = _local_datetime(item["starts_at"]), _local_datetime(item["ends_at"])
        if item.get("upcoming"):
            starts_at, ends_at = _keep_in_future(starts_at, ends_at, now)
        event, _ = Event.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "kind": item["kind"],
                "starts_at": starts_at,
                "ends_at": ends_at,
                "municipality": municipalities[item["municipality"]] if item.get("municipality") else None,
                "is_online": bool(item.get("is_online")),
                "livestream_url": item.get("livestream_url", ""),
                "recording_url": item.get("recording_url", ""),
                "participants_count": item.get("participants"),
                "capacity": item.get("capacity"),
                "project": projects.get(item.get("project")),
                **translations(item, "title", "summary", "description", "venue"),
            },
        )
        event.organizers.set([organizations[slug] for slug in item.get("organizers", [])])
        event.practices.set([practices[slug] for slug in item.get("practices", [])])
        events[item["slug"]] = event

    for item in data["press_releases"]:
        press_release, _ = PressRelease.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "published_at": _local_datetime(item["published"]),
                "event": events.get(item.get("event")),
                **translations(item, "title", "lead", "body", "media_contact"),
            },
        )
        press_release.practices.set([practices[slug] for slug in item.get("practices", [])])

    _attach_files(practices)

    pages = data.get("pages") or read_json(PAGES_FILE)["pages"]
    for item in pages:
        StaticPage.objects.update_or_create(slug=item["slug"], defaults=translations(item, "title", "body"))

    contests = _load_contests(data.get("contests", []), sectors, practices)
    from portal.sample_learning import LEARNING_FILE, load_learning_content

    learning = load_learning_content(read_json(LEARNING_FILE), organizations, practices, events)

    return {
        "organizations": len(organizations),
        "projects": len(projects),
        "practices": len(practices),
        "events": len(events),
        "press releases": len(data["press_releases"]),
        "pages": len(pages),
        "contests": len(contests),
        **learning,
    }


CONTEST_DATES = (
    "submissions_open_at",
    "submissions_close_at",
    "review_starts_at",
    "review_ends_at",
    "vote_opens_at",
    "vote_closes_at",
    "results_at",
)


def _load_contests(items, sectors, practices):
    from contests.models import Contest

    contests = []
    by_slug = {item["slug"]: item for item in items}
    for item in items:
        contest, _ = Contest.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "year": item["year"],
                "number_of_winners": item.get("number_of_winners", 6),
                "jury_share": item.get("jury_share", 100),
                "is_published": True,
                **{name: _local_datetime(item[name]) for name in CONTEST_DATES if item.get(name)},
                **translations(item, "title", "summary", "rules", "results_note"),
            },
        )
        contest.eligible_sectors.set([sectors[slug] for slug in item.get("sectors", [])])
        # A past contest may reuse another contest's criteria rather than repeat them in the file.
        criteria = item.get("criteria") or by_slug.get(item.get("criteria_of"), {}).get("criteria", [])
        _load_criteria(contest, criteria)
        if item.get("results"):
            _load_results(contest, item["results"], practices)
        contests.append(contest)
    return contests


def _load_criteria(contest, criteria):
    from contests.models import Criterion

    # Updated in place (keyed by position), so that a rerun keeps whatever refers to a criterion.
    for position, criterion in enumerate(criteria):
        Criterion.objects.update_or_create(
            contest=contest,
            position=position,
            defaults={"weight": criterion["weight"], **translations(criterion, "title", "description")},
        )
    contest.criteria.filter(position__gte=len(criteria)).delete()


def _load_results(contest, results, practices):
    """A finished contest as announced: its finalists with their jury scores and votes, ranked by the
    same code that ranks a real announcement."""
    from contests.decisions import record_results_held_elsewhere
    from contests.models import Entry

    for result in results:
        practice = practices[result["practice"]]
        is_winner = "award" in result
        Entry.objects.update_or_create(
            practice=practice,
            defaults={
                "contest": contest,
                "municipality": practice.municipality,
                "status": Entry.Status.WINNER if is_winner else Entry.Status.SHORTLISTED,
                "submitted_at": contest.submissions_close_at - datetime.timedelta(days=7),
                "final_jury_score": Decimal(result["jury_score"]),
                "final_votes": result["votes"],
                **(translations(result, "award") if is_winner else {}),
            },
        )
    contest.results_announced_at = contest.results_at
    contest.save(update_fields=["results_announced_at"])
    record_results_held_elsewhere(contest)
