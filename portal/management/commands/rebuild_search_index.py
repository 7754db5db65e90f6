import time

from django.core.management.base import BaseCommand

from portal.search.indexing import rebuild


class Command(BaseCommand):
    help = "Rewrite the site-search table from all content (after bulk imports or a change to what is indexed)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = rebuild()
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Indexed {summary} in {time.perf_counter() - started:.1f} s."))
