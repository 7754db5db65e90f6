from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Each app says how its records read in site search; then saves keep the index in step.
        import curation.search  # noqa: F401
        import events.search  # noqa: F401
        import lessons.search  # noqa: F401
        import library.search  # noqa: F401
        import practices.search  # noqa: F401
        from portal.search import signals

        signals.connect()
