"""The site shell's reference data: where practices happen and who stands behind them."""

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
