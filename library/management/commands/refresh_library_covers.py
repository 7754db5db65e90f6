from django.core.management.base import BaseCommand

from library.covers import refresh_thumbnail
from library.models import LibraryDocument


class Command(BaseCommand):
    help = "Make the library's missing or outdated covers (e.g. after installing poppler-utils)."

    def handle(self, *args, **options):
        documents = LibraryDocument.objects.all()
        with_cover = sum(refresh_thumbnail(document) for document in documents.iterator())
        self.stdout.write(f"{with_cover} of {documents.count()} documents have a cover.")
