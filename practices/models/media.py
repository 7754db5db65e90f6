"""What proves a practice: photos, documents and video links."""

import posixpath

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from practices.images import RENDITION_WIDTHS, make_rendition
from practices.models.practice import Practice
from practices.uploads import reencoded_image, unguessable_path, validate_editor_document, validate_image
from practices.video import parse_video_url


def validate_document_size(field_file):
    """Kept because migration 0005 names it; the size is now checked by validate_editor_document."""
    from practices.uploads import _check_size

    _check_size(field_file, settings.MAX_DOCUMENT_MEGABYTES)


def practice_upload_path(instance, filename):
    """practices/<slug>/<kind>/<random>/<file name> (see unguessable_path)."""
    kind = instance._meta.model_name.removeprefix("practice")
    return unguessable_path("practices", instance.practice.slug, kind, filename=filename)


class PracticeImage(models.Model):
    practice = models.ForeignKey(Practice, models.CASCADE, related_name="images", verbose_name=_("practice"))
    image = models.ImageField(
        _("image"),
        upload_to=practice_upload_path,
        width_field="width",
        height_field="height",
        validators=[validate_image],
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    thumbnail = models.ImageField(upload_to=practice_upload_path, editable=False, blank=True)
    large = models.ImageField(upload_to=practice_upload_path, editable=False, blank=True)
    alt_text = models.CharField(
        _("text alternative"), max_length=255, help_text=_("What the picture shows, for readers who cannot see it.")
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        if self.image and not getattr(self.image, "_committed", True):
            # A new upload is stored re-encoded: no EXIF (a phone photo carries its GPS position).
            clean = reencoded_image(self.image)
            self.image.save(clean.name, clean, save=False)
        # A new or replaced original gets new copies; the original itself is never sent to readers.
        changed = not self.pk or not PracticeImage.objects.filter(pk=self.pk, image=self.image.name).exists()
        super().save(*args, **kwargs)
        if changed or not self.thumbnail or not self.large:
            for name, width in RENDITION_WIDTHS.items():
                base = posixpath.splitext(posixpath.basename(self.image.name))[0]
                getattr(self, name).save(f"{base}-{width}.webp", make_rendition(self.image, width), save=False)
            super().save(update_fields=list(RENDITION_WIDTHS))

    @property
    def thumbnail_size(self):
        """(width, height) of the thumbnail, so the page reserves its space before it loads."""
        width = min(self.width or RENDITION_WIDTHS["thumbnail"], RENDITION_WIDTHS["thumbnail"])
        height = round((self.height or width) * width / (self.width or width))
        return width, height


class DownloadMixin:
    """A downloadable document (a model with ``file`` and ``size``): its size is stored at upload, its
    type read from its name, both shown to readers before they download."""

    def save(self, *args, **kwargs):
        # Only a newly uploaded file (or one stored before it was measured, as FieldFile.save() does) has
        # to be measured: asking remote storage costs a request.
        if self.file and (not getattr(self.file, "_committed", True) or not self.size):
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def file_type(self):
        """ "PDF", "DOCX"...: what a reader needs to know before downloading."""
        return posixpath.splitext(self.file.name)[1].lstrip(".").upper()


class PracticeDocument(DownloadMixin, models.Model):
    practice = models.ForeignKey(Practice, models.CASCADE, related_name="documents", verbose_name=_("practice"))
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to=practice_upload_path,
        validators=[validate_editor_document],
    )
    size = models.PositiveBigIntegerField(_("size, bytes"), editable=False, default=0)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class PracticeVideo(models.Model):
    practice = models.ForeignKey(Practice, models.CASCADE, related_name="videos", verbose_name=_("practice"))
    url = models.URLField(_("video link"), help_text=_("A YouTube, Facebook or Vimeo link."))
    title = models.CharField(_("title"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def __str__(self):
        return self.title or self.url

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.url and not parse_video_url(self.url):
            raise ValidationError({"url": _("Only YouTube, Facebook and Vimeo video links can be shown.")})

    @cached_property
    def embed(self):
        return parse_video_url(self.url)
