"""The e-library: laws, methodologies, guides and templates, with a file per language where one exists."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from portal.querysets import PublishableContent, PublishedQuerySet
from practices.models import Audience, PracticeTag, Sector
from practices.models.media import DownloadMixin
from practices.uploads import unguessable_path, validate_editor_document, validate_image


def library_upload_path(instance, filename):
    """library/<slug>/<random>/<file name> (see unguessable_path)."""
    document = getattr(instance, "document", instance)
    return unguessable_path("library", document.slug, filename=filename)


class LibraryDocumentQuerySet(PublishedQuerySet):
    def with_card_data(self):
        """What a document card shows (publisher, files, sectors) in a constant number of queries."""
        return self.select_related("publisher").prefetch_related("files", "sectors")


class LibraryDocument(PublishableContent):
    class Kind(models.TextChoices):
        LAW = "law", _("Law or regulation")
        METHODOLOGY = "methodology", _("Methodology")
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")
        REPORT = "report", _("Report")
        PRESENTATION = "presentation", _("Presentation")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True, help_text=_("What the document is for, in a few sentences."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1991), MaxValueValidator(2100)]
    )
    publisher = models.ForeignKey(
        "portal.Organization",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_documents",
        verbose_name=_("publisher"),
    )
    sectors = models.ManyToManyField(Sector, blank=True, related_name="library_documents", verbose_name=_("sectors"))
    audiences = models.ManyToManyField(
        Audience, blank=True, related_name="library_documents", verbose_name=_("audiences")
    )
    tags = TaggableManager(_("tags"), through="TaggedLibraryDocument", blank=True)
    cover = models.ImageField(
        _("cover picture"),
        upload_to=library_upload_path,
        max_length=255,
        blank=True,
        validators=[validate_image],
        help_text=_("Optional. Without it, the first page of the PDF becomes the cover."),
    )
    # Made by library.covers from the cover picture or a PDF's first page; empty when neither can be read.
    thumbnail = models.ImageField(upload_to=library_upload_path, max_length=255, blank=True, editable=False)
    thumbnail_source = models.CharField(max_length=500, blank=True, editable=False)

    objects = LibraryDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:detail", args=[self.slug])

    @property
    def download_count(self):
        return sum(file.download_count for file in self.files.all())


class LibraryFile(DownloadMixin, models.Model):
    """The document in one language."""

    document = models.ForeignKey(LibraryDocument, models.CASCADE, related_name="files", verbose_name=_("document"))
    language = models.CharField(_("language of the file"), max_length=5, choices=settings.LANGUAGES)
    file = models.FileField(
        _("file"), upload_to=library_upload_path, max_length=255, validators=[validate_editor_document]
    )
    size = models.PositiveBigIntegerField(_("size, bytes"), editable=False, default=0)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    class Meta:
        ordering = ["document", "pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")
        constraints = [models.UniqueConstraint(fields=["document", "language"], name="library_file_per_language")]

    def __str__(self):
        return f"{self.document} ({self.language})"

    def get_download_url(self):
        return reverse("library:download", args=[self.document.slug, self.language])


class TaggedLibraryDocument(TaggedItemBase):
    """Library documents share the practices' tags, so one tag finds both."""

    content_object = models.ForeignKey(LibraryDocument, models.CASCADE, related_name="tagged_items")
    tag = models.ForeignKey(PracticeTag, models.CASCADE, related_name="tagged_library_documents")

    class Meta:
        verbose_name = _("tagged library document")
        verbose_name_plural = _("tagged library documents")
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_library_document_tag")]
