"""Synthetic but plausible practices in three languages, for benchmarks and load tests."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from portal.models import Municipality, Project
from portal.search.indexing import index_queryset
from practices.models import Audience, Practice, PracticeTag, Sector, TaggedPractice
from practices.search import PRACTICES

APPROACHES = {
    "en": [
        "a joint plan of the ayil okmotu and residents",
        "a municipal service paid for by its users",
        "co-financing from the local budget",
        "public hearings before the budget",
        "an agreement between neighbouring municipalities",
        "a community work day (ashar) and a small grant",
    ],
    "ru": [
        "совместный план айыл окмоту и жителей",
        "муниципальная услуга за счёт оплаты пользователей",
        "софинансирование из местного бюджета",
        "общественные слушания перед принятием бюджета",
        "соглашение соседних муниципалитетов",
        "ашар и небольшой грант",
    ],
    "ky": [
        "айыл өкмөтү менен тургундардын биргелешкен планы",
        "колдонуучулар төлөгөн муниципалдык кызмат",
        "жергиликтүү бюджеттен биргелешип каржылоо",
        "бюджетти кабыл алуудан мурун коомдук угуулар",
        "коңшу муниципалитеттердин келишими",
        "ашар жана чакан грант",
    ],
}
SUMMARIES = {
    "en": "{place} improved {sector} through {approach}. Residents chose the priority at a village meeting, "
    "the local council approved the money, and the work was done in {months} months. Households now get a "
    "better service and pay a fair fee for it.",
    "ru": "{place}: сфера «{sector}» улучшена благодаря подходу «{approach}». Жители выбрали приоритет на сходе, "
    "местный кенеш утвердил средства, работы заняли {months} мес. Теперь домохозяйства получают лучшую услугу "
    "и платят за неё справедливую цену.",
    "ky": "{place}: «{sector}» тармагы «{approach}» аркылуу жакшыртылды. Тургундар жыйында артыкчылыкты "
    "тандашты, жергиликтүү кеңеш каражатты бекитти, иш {months} айда бүттү. Эми үй чарбалары жакшыраак кызмат "
    "алып, ага адилет акы төлөшөт.",
}
TAGS = {"en": ["co-financing", "user fees", "village meeting"], "ru": ["софинансирование", "сход"], "ky": ["ашар"]}


@transaction.atomic
def generate_practices(count: int, seed: int = 2026, exclude_municipalities=()) -> int:
    """Create ``count`` published practices with bulk inserts and index them; returns how many exist after."""
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.exclude(slug__in=exclude_municipalities))
    sectors = list(Sector.objects.all())
    audiences = list(Audience.objects.all())
    projects = [None, *Project.objects.all()]
    tags = [
        PracticeTag.objects.get_or_create(name=name, defaults={"language": code})[0]
        for code, names in TAGS.items()
        for name in names
    ]
    start = Practice.objects.filter(slug__startswith="generated-").count()
    now = timezone.now()

    practices, title_sectors, sector_links, audience_links, tag_links = [], [], [], [], []
    for number in range(start, start + count):
        municipality = rng.choice(municipalities)
        sector = rng.choice(sectors)
        title_sectors.append(sector)
        approach = rng.randrange(len(APPROACHES["en"]))
        published_at = now - datetime.timedelta(days=rng.randrange(1, 8 * 365))
        total = rng.choice([None, rng.randrange(200, 20000) * 1000])
        own = round(total * rng.uniform(0.1, 0.5)) if total else None
        texts = {}
        for code in ("ky", "ru", "en"):
            place, topic = getattr(municipality, f"name_{code}"), getattr(sector, f"name_{code}")
            texts[f"title_{code}"] = f"{place}: {topic} — {APPROACHES[code][approach]}"[:255]
            texts[f"summary_{code}"] = SUMMARIES[code].format(
                place=place, sector=topic.lower(), approach=APPROACHES[code][approach], months=rng.randrange(3, 18)
            )
        practices.append(
            Practice(
                slug=f"generated-{number}",
                title=texts["title_ky"],
                summary=texts["summary_ky"],
                municipality=municipality,
                project=rng.choice(projects),
                total_cost=total,
                own_contribution=own,
                other_sources=total - own if total else None,
                status=Practice.Status.PUBLISHED,
                featured=False,
                published_at=published_at,
                year=timezone.localtime(published_at).year,
                **texts,
            )
        )
    created = Practice.objects.bulk_create(practices, batch_size=1000)
    for practice, sector in zip(created, title_sectors, strict=True):
        # The sector its title names, sometimes with a second one.
        extra = [rng.choice([s for s in sectors if s != sector])] if rng.random() < 0.3 else []
        for linked in (sector, *extra):
            sector_links.append(Practice.sectors.through(practice_id=practice.pk, sector_id=linked.pk))
        for audience in rng.sample(audiences, k=rng.choice([0, 1, 2])):
            audience_links.append(Practice.audiences.through(practice_id=practice.pk, audience_id=audience.pk))
        if rng.random() < 0.5:
            tag_links.append(TaggedPractice(content_object_id=practice.pk, tag_id=rng.choice(tags).pk))
    Practice.sectors.through.objects.bulk_create(sector_links, batch_size=2000)
    Practice.audiences.through.objects.bulk_create(audience_links, batch_size=2000)
    TaggedPractice.objects.bulk_create(tag_links, batch_size=2000)
    # Bulk inserts send no signals: index the new practices here.
    if created:
        index_queryset(PRACTICES, PRACTICES.queryset().filter(pk__range=(created[0].pk, created[-1].pk)))
    return Practice.objects.count()
