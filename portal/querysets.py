from django.db import models


class PublishedQuerySet(models.QuerySet):
    """For content an editor publishes with a tick box (library, lessons, courses, collections)."""

    def published(self):
        return self.filter(is_published=True)
