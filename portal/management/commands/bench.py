"""Time the public pages in-process and print figures (not a test: numbers vary by machine).

    python manage.py bench [--runs 50]

Prints, per page: median and 95th-percentile time and the number of SQL queries per request.
`make bench` runs it on PostgreSQL with 10,000 generated practices.
"""

import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from curation.models import Collection
from events.models import Event, PressRelease
from lessons.models import VideoLesson
from library.models import LibraryDocument
from portal.models import SearchDocument
from practices.models import Practice

SEARCH_PAGES = [
    "/healthz",
    "/ru/search/?q=кенеш",  # a common word: in every generated practice
    "/ru/search/?q=Кумбел",  # a rare word: one village of the sample content
    "/ru/search/?q=Токтогл",  # a typo for Toktogul
    "/ky/search/?q=суунун",  # a Kyrgyz word form
]


class Command(BaseCommand):
    help = "Time the public pages and print p50/p95 and query counts."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=50)
        parser.add_argument("--search", action="store_true", help="time site search only")

    def handle(self, *args, runs, search, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        if search:
            self.stdout.write("cold: the cache is emptied before every request (a search nobody made before)")
            self._time(client, SEARCH_PAGES, runs, cold=True)
            self.stdout.write("warm: the same searches again (counts and first results come from the cache)")
            self._time(client, SEARCH_PAGES, runs)
            return
        pages = [
            "/healthz",  # a trivial view: the floor that every other figure stands on
            "/ky/",
            "/ru/",
            "/en/",
            "/ru/practices/",
            "/ru/practices/?region=issyk-kul&sector=drinking-water&budget=yes",
            "/ru/practices/?sector=solid-waste&sort=title&page=2",
            "/ru/practices/map/?region=chui",
            "/ru/municipalities/",
            "/ru/municipalities/bishkek/",
            "/ru/events/past/",
            "/ru/news/",
            "/ru/library/",
            "/ru/library/?audience=women&language=ky",
            "/ru/videos/",
            "/ru/collections/",
            "/ru/contests/best-practice-contest-2020/results/",
        ]
        for model in (Practice, Event, PressRelease, LibraryDocument, VideoLesson, Collection):
            record = model.objects.published().first()
            if record:
                pages.append(f"/ru{record.get_absolute_url()[3:]}")
        self._time(client, pages, runs)

    def _time(self, client, pages, runs, cold=False):
        searchable = SearchDocument.objects.values("record_key").distinct().count()
        self.stdout.write(
            f"database: {connection.vendor}; published practices: {Practice.objects.published().count()}; "
            f"searchable records: {searchable}; runs per page: {runs}"
        )
        self.stdout.write(f"{'page':70} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for path in pages:
            client.get(path)  # warm the template and URL caches
            timings = []
            for _ in range(runs):
                if cold:
                    cache.clear()
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                self.stderr.write(f"{path} answered {response.status_code}")
                continue
            p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
            self.stdout.write(f"{path:70} {statistics.median(timings):8.1f} {p95:8.1f} {len(queries):8d}")
