"""Collections: an editor's page for one audience that gathers practices, documents, lessons and events."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.querysets import PublishableContent
from practices.models import Audience


class Collection(PublishableContent):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=255)
    intro = models.TextField(_("introduction"), help_text=_("Plain text; a blank line starts a new paragraph."))
    audiences = models.ManyToManyField(
        Audience,
        blank=True,
        related_name="collections",
        verbose_name=_("audiences"),
        help_text=_("The collection is linked from these audiences in the catalogue and the library."),
    )
    practices = models.ManyToManyField(
        "practices.Practice", blank=True, related_name="collections", verbose_name=_("practices")
    )
    documents = models.ManyToManyField(
        "library.LibraryDocument", blank=True, related_name="collections", verbose_name=_("library documents")
    )
    lessons = models.ManyToManyField(
        "lessons.VideoLesson", blank=True, related_name="collections", verbose_name=_("video lessons")
    )
    events = models.ManyToManyField("events.Event", blank=True, related_name="collections", verbose_name=_("events"))
    on_home_page = models.BooleanField(_("show on the home page"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("curation:detail", args=[self.slug])
