"""The site shell's reference data: where practices happen and who stands behind them."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    class Kind(models.TextChoices):
        OBLAST = "oblast", _("Region (oblast)")
        CITY = "city", _("City of republican significance")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OBLAST)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:region", args=[self.slug])


class District(models.Model):
    region = models.ForeignKey(Region, models.PROTECT, related_name="districts", verbose_name=_("region"))
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["region__position", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:district", args=[self.slug])


class Municipality(models.Model):
    class Kind(models.TextChoices):
        AYIL_AIMAK = "ayil_aimak", _("Ayil aimak")
        CITY = "city", _("City")

    # Cities of republican or regional significance belong to a region but to no district.
    region = models.ForeignKey(Region, models.PROTECT, related_name="municipalities", verbose_name=_("region"))
    district = models.ForeignKey(
        District,
        models.PROTECT,
        related_name="municipalities",
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.AYIL_AIMAK)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:municipality", args=[self.slug])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            raise ValidationError({"district": _("The district must lie in the chosen region.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both the latitude and the longitude, or neither."))

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class Organization(models.Model):
    class Kind(models.TextChoices):
        DONOR = "donor", _("Donor")
        IMPLEMENTER = "implementer", _("Implementing organization")
        STATE = "state", _("State body")
        ASSOCIATION = "association", _("Association")
        NGO = "ngo", _("Non-governmental organization")
        INTERNATIONAL = "international", _("International organization")
        MEDIA = "media", _("Media")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name

    @property
    def short_name(self):
        return self.acronym or self.name


class Project(models.Model):
    """A donor-funded project (VAP, PSI...): practices and events are credited to it."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    organizations = models.ManyToManyField(
        Organization, through="ProjectPartner", related_name="projects", verbose_name=_("organizations")
    )

    class Meta:
        ordering = ["-start_year", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True) | models.Q(end_year__gte=models.F("start_year")),
                name="project_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.acronym or self.name

    @property
    def years(self):
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)


class ProjectPartner(models.Model):
    class Role(models.TextChoices):
        FUNDER = "funder", _("Funder")
        IMPLEMENTER = "implementer", _("Implementer")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(Project, models.CASCADE, related_name="partners", verbose_name=_("project"))
    organization = models.ForeignKey(
        Organization, models.PROTECT, related_name="project_roles", verbose_name=_("organization")
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)

    class Meta:
        ordering = ["role", "organization__name"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.UniqueConstraint(fields=["project", "organization", "role"], name="unique_project_partner_role")
        ]

    def __str__(self):
        return f"{self.organization} — {self.get_role_display()}"


class StaticPage(models.Model):
    """An editor-written page such as "About the portal"."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Plain text; a blank line starts a new paragraph."))
    show_in_footer = models.BooleanField(_("show in footer"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:page", args=[self.slug])


class SearchDocument(models.Model):
    """One row per searchable record and language: what site search reads (like Wagtail's index entries).

    Rows are written by ``portal.search.indexing`` whenever a record is saved and by
    ``manage.py rebuild_search_index``; nobody edits them by hand. On PostgreSQL ``search_vector`` holds
    the weighted text (title A, summary and keywords B, body C) in the row's text-search configuration
    and is GIN-indexed, and ``fuzzy_text`` has a trigram index for misspelled titles and place names
    (both indexes are created by a migration on PostgreSQL only).
    """

    kind = models.CharField(_("type"), max_length=20)
    object_id = models.PositiveBigIntegerField()
    # One number per record across its languages (the kind's code in the high bits, the id below),
    # so hits are de-duplicated and counted per record with integer operations.
    record_key = models.BigIntegerField(db_index=True)
    language = models.CharField(max_length=5)
    config = models.CharField(max_length=20)  # the PostgreSQL text-search configuration of this row
    slug = models.SlugField(max_length=255)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    keywords = models.TextField(blank=True)  # tags, sectors and place names, in this language
    fuzzy_text = models.TextField(blank=True)  # title and place names, lower case, for trigram matching
    # All the text in lower case, for the simple search on SQLite (whose LIKE ignores case for ASCII only);
    # left empty on PostgreSQL, which searches search_vector instead.
    plain_text = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    sectors = models.ManyToManyField("practices.Sector", blank=True, related_name="+")
    region = models.ForeignKey(Region, models.SET_NULL, null=True, blank=True, related_name="+")
    is_public = models.BooleanField(default=True)
    # A record published with a future date stays out of results until then (empty: no such date).
    visible_from = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id", "language"], name="unique_search_document")]

    def __str__(self):
        return f"{self.record_key} [{self.language}]"
