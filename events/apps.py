from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and news")

    def ready(self):
        from events.models import EventMaterial
        from practices import file_cleanup

        # Media are public: a removed or replaced material must not stay reachable at its old address.
        file_cleanup.track(EventMaterial, "file")
