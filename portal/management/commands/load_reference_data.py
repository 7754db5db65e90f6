from django.core.management.base import BaseCommand
from django.db import transaction

from portal.models import District, Municipality, Region
from portal.reference_data import load_geography, load_topics
from practices.models import Audience, Sector


class Command(BaseCommand):
    help = "Create or update regions, districts, municipalities, sectors and audiences from the shipped data."

    @transaction.atomic
    def handle(self, *args, **options):
        load_geography(Region, District, Municipality)
        load_topics(Sector, Audience)
        self.stdout.write(
            self.style.SUCCESS(
                f"{Region.objects.count()} regions, {District.objects.count()} districts, "
                f"{Municipality.objects.count()} municipalities, {Sector.objects.count()} sectors, "
                f"{Audience.objects.count()} audiences."
            )
        )
