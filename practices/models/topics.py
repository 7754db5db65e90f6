"""How practices are filed: sectors (topics), audiences and free tags."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase, TaggedItemBase


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

    def slugify(self, tag, i=None):
        """An ASCII slug for Cyrillic tags too ("суу" -> "suu"), like every other slug on the portal."""
        from portal.text import ascii_slug

        slug = ascii_slug(tag) or "tag"
        return f"{slug}-{i}" if i is not None else slug


class TaggedPractice(TaggedItemBase):
    content_object = models.ForeignKey("Practice", models.CASCADE, related_name="tagged_items")
    tag = models.ForeignKey(PracticeTag, models.CASCADE, related_name="tagged_practices")

    class Meta:
        verbose_name = _("tagged practice")
        verbose_name_plural = _("tagged practices")
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_practice_tag")]
