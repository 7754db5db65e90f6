"""Events the portal holds and the press releases written about them."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality, Organization, Project


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        return self.published().filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.published().filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def with_card_data(self):
        return self.select_related("municipality__region")


class Event(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        EXCHANGE_VISIT = "exchange_visit", _("Exchange visit")
        ONLINE_EVENT = "online_event", _("Online event")
        TRAINING = "training", _("Training")
        CONSULTATION = "consultation", _("Consultation")

    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="events", null=True, blank=True, verbose_name=_("municipality")
    )
    is_online = models.BooleanField(_("online"), default=False)
    livestream_url = models.URLField(_("livestream link"), blank=True)
    recording_url = models.URLField(_("recording link"), blank=True)
    organizers = models.ManyToManyField(Organization, related_name="events", blank=True, verbose_name=_("organizers"))
    project = models.ForeignKey(
        Project, models.SET_NULL, related_name="events", null=True, blank=True, verbose_name=_("project")
    )
    practices = models.ManyToManyField(
        "practices.Practice", related_name="events", blank=True, verbose_name=_("practices presented")
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty means no limit."))
    participants_count = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True, help_text=_("Reported attendance after the event.")
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["is_published", "starts_at"], name="event_published_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_multi_day(self):
        return timezone.localtime(self.starts_at).date() != timezone.localtime(self.ends_at).date()


class PressReleaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, published_at__lte=timezone.now())


class PressRelease(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences shown in lists."))
    body = models.TextField(_("text"), help_text=_("Plain text; a blank line starts a new paragraph."))
    published_at = models.DateTimeField(_("publication date"), default=timezone.now)
    event = models.ForeignKey(
        Event, models.SET_NULL, related_name="press_releases", null=True, blank=True, verbose_name=_("event")
    )
    practices = models.ManyToManyField(
        "practices.Practice", related_name="press_releases", blank=True, verbose_name=_("practices")
    )
    media_contact = models.CharField(_("media contact"), max_length=255, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        indexes = [models.Index(fields=["is_published", "-published_at"], name="press_published")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:press_release", args=[self.slug])
