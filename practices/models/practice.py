"""The practice itself: what a municipality did, how, with what money and what came of it."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from portal.models import Municipality, Organization, Project
from practices.models.topics import Audience, Sector, TaggedPractice


class Country(models.TextChoices):
    """Kyrgyzstan and the countries whose practices the portal collects (ISO 3166 codes)."""

    KYRGYZSTAN = "KG", _("Kyrgyzstan")
    KAZAKHSTAN = "KZ", _("Kazakhstan")
    UZBEKISTAN = "UZ", _("Uzbekistan")
    TAJIKISTAN = "TJ", _("Tajikistan")
    RUSSIA = "RU", _("Russia")
    MONGOLIA = "MN", _("Mongolia")
    TURKEY = "TR", _("Turkey")
    GEORGIA = "GE", _("Georgia")
    ARMENIA = "AM", _("Armenia")
    UKRAINE = "UA", _("Ukraine")
    LATVIA = "LV", _("Latvia")
    ESTONIA = "EE", _("Estonia")
    POLAND = "PL", _("Poland")
    GERMANY = "DE", _("Germany")
    NETHERLANDS = "NL", _("Netherlands")
    SWITZERLAND = "CH", _("Switzerland")


def published_condition(prefix=""):
    """What "published" means for a practice, as a Q; ``prefix`` reaches practices through a relation
    ("practices__" from a sector, "municipalities__practices__" from a district...)."""
    return models.Q(**{f"{prefix}status": Practice.Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_condition())

    def featured(self):
        return self.published().filter(featured=True)

    def with_card_data(self):
        """What a practice card shows: its place, its sectors and its replication count, in two queries."""
        return self.select_related("municipality__region").prefetch_related("sectors").with_replication_count()

    def with_replication_count(self):
        # A correlated subquery, not Count() over a join: the database counts only for the rows it
        # returns instead of grouping the whole selection before LIMIT. Replication is reached through
        # its relation: its module imports this one.
        Replication = self.model._meta.get_field("replications").related_model

        replications = (
            Replication.objects.filter(practice=models.OuterRef("pk"))
            .order_by()
            .values("practice")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.annotate(
            replication_count=Coalesce(models.Subquery(replications, output_field=models.IntegerField()), 0)
        )

    def domestic(self):
        return self.filter(country=Country.KYRGYZSTAN)

    def foreign(self):
        return self.exclude(country=Country.KYRGYZSTAN)

    def with_budget(self):
        return self.filter(total_cost__isnull=False)


class Practice(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        # An editor returned a user's proposal with a comment; the author edits and submits again.
        SENT_BACK = "sent_back", _("Sent back")
        PUBLISHED = "published", _("Published")

    # What the author of a proposal may still edit.
    EDITABLE_BY_AUTHOR = (Status.DRAFT, Status.SENT_BACK)

    # The sections an award jury reads (the UN-Habitat / Dubai best-practice template), in page order.
    SECTIONS = (
        ("situation_before", _("Situation before")),
        ("objectives", _("Objectives")),
        ("resources", _("Resources")),
        ("process", _("Process")),
        ("results", _("Results")),
        ("sustainability", _("Sustainability")),
        ("lessons_learned", _("Lessons learned")),
        ("how_to_replicate", _("How to replicate")),
    )

    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("Latin letters, digits and hyphens; shared by all languages.")
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), help_text=_("At most about 250 words."))
    situation_before = models.TextField(_("situation before"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    resources = models.TextField(_("resources"), blank=True)
    process = models.TextField(_("process"), blank=True)
    results = models.TextField(_("results"), blank=True)
    sustainability = models.TextField(_("sustainability"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    how_to_replicate = models.TextField(_("how to replicate"), blank=True)

    municipality = models.ForeignKey(
        Municipality,
        models.PROTECT,
        related_name="practices",
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    # ISO 3166 code; a practice from abroad has a country and no municipality.
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.KYRGYZSTAN)
    sectors = models.ManyToManyField(Sector, related_name="practices", verbose_name=_("sectors"))
    audiences = models.ManyToManyField(Audience, related_name="practices", blank=True, verbose_name=_("audiences"))
    tags = TaggableManager(_("tags"), through=TaggedPractice, blank=True)
    project = models.ForeignKey(
        Project, models.SET_NULL, related_name="practices", null=True, blank=True, verbose_name=_("project")
    )
    organizations = models.ManyToManyField(
        Organization, related_name="practices", blank=True, verbose_name=_("organizations")
    )
    started_on = models.DateField(_("started"), null=True, blank=True)
    completed_on = models.DateField(_("completed"), null=True, blank=True)

    # Budget in whole soms.
    total_cost = models.PositiveBigIntegerField(_("total cost, soms"), null=True, blank=True)
    own_contribution = models.PositiveBigIntegerField(
        _("own contribution of the municipality, soms"), null=True, blank=True
    )
    other_sources = models.PositiveBigIntegerField(_("other sources, soms"), null=True, blank=True)

    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    related = models.ManyToManyField("self", blank=True, verbose_name=_("related practices"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    featured = models.BooleanField(_("featured"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The year the practice belongs to (completed, else started, else published): stored so that the
    # catalogue can filter and count by it with an index.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Proposals from verified municipal users (editors' own practices have no author). The author's
    # account may be deleted; the practice stays, anonymised.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_practices",
        verbose_name=_("proposed by"),
    )
    # The language the author wrote in: the editors add the other two.
    text_language = models.CharField(_("written in"), max_length=2, choices=settings.LANGUAGES, blank=True)
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, blank=True)
    review_comment = models.TextField(
        _("comment for the author"),
        blank=True,
        help_text=_("Required when sending a proposal back: what the author should change."),
    )

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="practice_status_published"),
            # Covers the catalogue's facet counts on PostgreSQL: they read the index alone, never the
            # wide rows with their texts in three languages.
            models.Index(
                fields=["status", "published_at"],
                include=["id", "municipality", "project", "year", "country", "total_cost"],
                name="practice_facets_covering",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(total_cost__isnull=True)
                | models.Q(own_contribution__isnull=True)
                | models.Q(own_contribution__lte=models.F("total_cost")),
                name="practice_own_contribution_within_total",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.year = self.compute_year()
        previous_slug = None
        if self.pk:
            previous_slug = Practice.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        super().save(*args, **kwargs)
        if previous_slug and previous_slug != self.slug:
            # Links and bookmarks to the old address keep working (a 301 to the new one).
            PracticeRedirect.objects.update_or_create(old_slug=previous_slug, defaults={"practice": self})
        PracticeRedirect.objects.filter(old_slug=self.slug).delete()

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.slug])

    def compute_year(self):
        for day in (self.completed_on, self.started_on):
            if day:
                return day.year
        return timezone.localtime(self.published_at).year if self.published_at else None

    def clean(self):
        from django.core.exceptions import ValidationError

        if (
            self.total_cost is not None
            and self.own_contribution is not None
            and self.own_contribution > self.total_cost
        ):
            raise ValidationError({"own_contribution": _("The own contribution cannot be larger than the total cost.")})
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    @property
    def own_share_percent(self):
        """The municipality's own share of the total cost, in per cent, or None without figures."""
        if not self.total_cost or self.own_contribution is None:
            return None
        return (Decimal(self.own_contribution) * 100 / Decimal(self.total_cost)).quantize(Decimal("0.1"))

    @property
    def has_budget(self):
        return self.total_cost is not None

    @property
    def is_foreign(self):
        return self.country != Country.KYRGYZSTAN

    @property
    def contest_entry_if_winner(self):
        """The contest entry this practice won with, for the award badge; None for every other practice.

        The entry points here (contests stand above practices), so it is reached by its reverse accessor."""
        try:
            entry = self.contest_entry
        except ObjectDoesNotExist:
            return None
        return entry if entry.is_winner else None

    def sections(self):
        """The jury sections that have text, as (heading, text) pairs in page order."""
        return [(label, getattr(self, field)) for field, label in self.SECTIONS if getattr(self, field)]


class PracticeRedirect(models.Model):
    """An address a practice had before its slug changed."""

    old_slug = models.SlugField(_("old slug"), unique=True)
    practice = models.ForeignKey(Practice, models.CASCADE, related_name="old_slugs", verbose_name=_("practice"))

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.old_slug
