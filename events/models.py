"""Events the portal holds and the press releases written about them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality, Organization, Project
from practices.models.media import DownloadMixin
from practices.uploads import unguessable_path, validate_editor_document


def material_upload_path(instance, filename):
    """events/<slug>/<random>/<file name> (see unguessable_path)."""
    return unguessable_path("events", instance.event.slug, filename=filename)


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
    registration_open = models.BooleanField(
        _("registration on the portal"),
        default=True,
        help_text=_("Visitors register on the event's page. Turn off for events by invitation only."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: as soon as the event is published.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
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
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            raise ValidationError({"registration_closes_at": _("Registration must close after it opens.")})

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def registration_deadline(self):
        """Registration closes at its deadline, and in any case when the event starts."""
        if self.registration_closes_at:
            return min(self.registration_closes_at, self.starts_at)
        return self.starts_at

    def registration_state(self, now=None):
        """ "open", "not_yet", "closed" or "off": whether the page offers the registration form."""
        now = now or timezone.now()
        if not self.registration_open or not self.is_published:
            return "off"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if now >= self.registration_deadline:
            return "closed"
        return "open"

    def seats_left(self):
        """Seats not yet held by a confirmed registration; None when the event has no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.registrations.holding_seats().count(), 0)

    @property
    def is_multi_day(self):
        return timezone.localtime(self.starts_at).date() != timezone.localtime(self.ends_at).date()


class EventMaterial(DownloadMixin, models.Model):
    """A file shown on the event's page: the programme before, presentations and reports after."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="materials", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=material_upload_path, validators=[validate_editor_document])
    size = models.PositiveBigIntegerField(_("size, bytes"), editable=False, default=0)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.title


class RegistrationQuerySet(models.QuerySet):
    def holding_seats(self):
        """Confirmed registrations, including those already marked as attended."""
        return self.filter(status__in=Registration.SEAT_HOLDING)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def for_user(self, user):
        """A user's registrations: made while signed in, or with one of their verified addresses (an
        address nobody proved to own must not reveal or cancel someone else's registration)."""
        from allauth.account.models import EmailAddress

        verified = EmailAddress.objects.filter(user=user, verified=True).values("email")
        return self.filter(models.Q(user=user) | models.Q(email__in=verified))


class Registration(models.Model):
    """One person's place at an event (or in its waiting list). Personal data: shown to organizers in
    the admin and to the person themselves, never on public pages."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    SEAT_HOLDING = (Status.CONFIRMED, Status.ATTENDED)

    event = models.ForeignKey(Event, models.CASCADE, related_name="registrations", verbose_name=_("event"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("account"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    # Stored lower-case: one registration per address and event.
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organization = models.CharField(_("organization"), max_length=255, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("municipality"),
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    # Seats are numbered 1..capacity; a number is held by one registration at a time (the unique
    # constraint below is the database's backstop should two sign-ups ever race past the row lock).
    seat = models.PositiveIntegerField(_("seat"), null=True, blank=True, editable=False)
    consent_at = models.DateTimeField(_("consent to store the data"))
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="registration_once_per_email"),
            models.UniqueConstraint(fields=["event", "seat"], name="registration_one_person_per_seat"),
            models.CheckConstraint(
                condition=(models.Q(status__in=["confirmed", "attended"]) & models.Q(seat__isnull=False))
                | (~models.Q(status__in=["confirmed", "attended"]) & models.Q(seat__isnull=True)),
                name="registration_seat_iff_confirmed",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.full_name} — {self.event}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def holds_seat(self):
        return self.status in self.SEAT_HOLDING


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
