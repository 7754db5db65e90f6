from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Video lessons")

    def ready(self):
        from lessons import search
        from lessons.models import VideoLesson
        from practices import file_cleanup

        file_cleanup.track(VideoLesson, "file")
        search.connect()
