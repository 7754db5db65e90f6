from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality
from practices.models.practice import Practice


class ReplicationQuerySet(models.QuerySet):
    def of_published_practices(self):
        return self.filter(practice__in=Practice.objects.published())


class Replication(models.Model):
    """A municipality applied a published practice at home, with its own results ("scale up")."""

    practice = models.ForeignKey(Practice, models.CASCADE, related_name="replications", verbose_name=_("practice"))
    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="replications", verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    results = models.TextField(_("results there"), blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ReplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "municipality__name"]
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        constraints = [
            models.UniqueConstraint(fields=["practice", "municipality"], name="unique_replication_per_municipality")
        ]

    def __str__(self):
        return f"{self.practice} — {self.municipality} ({self.year})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.practice_id and self.municipality_id and self.practice.municipality_id == self.municipality_id:
            raise ValidationError({"municipality": _("This is where the practice began, not a replication.")})
