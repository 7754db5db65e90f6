import time

from django.core.management.base import BaseCommand, CommandError

from practices.generator import generate_practices


class Command(BaseCommand):
    help = "Create N synthetic published practices (three languages, all municipalities and sectors) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("N must be a positive number.")
        started = time.perf_counter()
        total = generate_practices(count, seed=seed)
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Created {count} practices in {seconds:.1f} s; {total} in all."))
