from django.core.management.base import BaseCommand

from portal.sample_content import load_sample_content


class Command(BaseCommand):
    help = "Create or update the demo content described by the sample press releases (safe to run again)."

    def handle(self, *args, **options):
        counts = load_sample_content()
        self.stdout.write(
            self.style.SUCCESS("Sample content: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
        )
