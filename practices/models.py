"""Practices and the topics they are filed under."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from portal.models import Municipality, Organization, Project


class Topic(models.Model):
    """What sectors and audiences share: a translated name and a description, in an editor's order."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class Sector(Topic):
    class Meta(Topic.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Audience(Topic):
    class Meta(Topic.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class PracticeTag(TagBase):
    """A free tag, written in one language (or in none, like "COVID-19"), so each page shows its own."""

    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty for a tag that reads the same in every language."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class TaggedPractice(TaggedItemBase):
    content_object = models.ForeignKey("Practice", models.CASCADE, related_name="tagged_items")
    tag = models.ForeignKey(PracticeTag, models.CASCADE, related_name="tagged_practices")

    class Meta:
        verbose_name = _("tagged practice")
        verbose_name_plural = _("tagged practices")
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_practice_tag")]


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Practice.Status.PUBLISHED, published_at__lte=timezone.now())

    def featured(self):
        return self.published().filter(featured=True)

    def with_card_data(self):
        """What a practice card shows: its place and its sectors, without a query per card."""
        return self.select_related("municipality__region").prefetch_related("sectors")


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


class Practice(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")

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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        indexes = [models.Index(fields=["status", "-published_at"], name="practice_status_published")]
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

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.slug])

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

    def sections(self):
        """The jury sections that have text, as (heading, text) pairs in page order."""
        return [(label, getattr(self, field)) for field, label in self.SECTIONS if getattr(self, field)]
