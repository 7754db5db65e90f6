from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("E-library")

    def ready(self):
        from library.models import LibraryDocument, LibraryFile
        from practices import file_cleanup

        file_cleanup.track(LibraryFile, "file")
        file_cleanup.track(LibraryDocument, "cover", "thumbnail")
