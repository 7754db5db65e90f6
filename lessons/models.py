"""Video lessons, courses (ordered lessons), what each user has watched, and course certificates."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.querysets import PublishableContent
from practices.models import Audience, Sector
from practices.models.media import DownloadMixin
from practices.uploads import unguessable_path, validate_document
from practices.video import parse_video_url

SLIDE_KINDS = ("pdf", "pptx", "odp")


def validate_video_link(url):
    if parse_video_url(url) is None:
        raise ValidationError(_("Give a YouTube, Facebook or Vimeo link to the video's page."), code="video_link")


def validate_slides(field_file):
    validate_document(field_file, SLIDE_KINDS)


# Addresses under /videos/ that a lesson's slug would hide.
RESERVED_SLUGS = ("courses", "certificates")


def validate_lesson_slug(slug):
    if slug in RESERVED_SLUGS:
        raise ValidationError(_("This address is taken by the portal: choose another slug."), code="reserved_slug")


def lesson_upload_path(instance, filename):
    return unguessable_path("lessons", instance.slug, filename=filename)


class VideoLesson(DownloadMixin, PublishableContent):
    slug = models.SlugField(_("slug"), max_length=120, unique=True, validators=[validate_lesson_slug])
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    video_url = models.URLField(
        _("video link"), validators=[validate_video_link], help_text=_("A YouTube, Facebook or Vimeo link.")
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"))
    sectors = models.ManyToManyField(Sector, blank=True, related_name="video_lessons", verbose_name=_("topics"))
    audiences = models.ManyToManyField(Audience, blank=True, related_name="video_lessons", verbose_name=_("audiences"))
    # DownloadMixin's names: the slides are the lesson's one downloadable file.
    file = models.FileField(
        _("slides"),
        upload_to=lesson_upload_path,
        max_length=255,
        blank=True,
        validators=[validate_slides],
        help_text=_("Optional: PDF, PPTX or ODP."),
    )
    size = models.PositiveBigIntegerField(_("size, bytes"), editable=False, default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("video lesson")
        verbose_name_plural = _("video lessons")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("lessons:lesson", args=[self.slug])

    @property
    def embed(self):
        return parse_video_url(self.video_url)


class Course(PublishableContent):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    lessons = models.ManyToManyField(
        VideoLesson, through="CourseLesson", related_name="courses", verbose_name=_("lessons")
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("lessons:course", args=[self.slug])


class CourseLesson(models.Model):
    course = models.ForeignKey(Course, models.CASCADE, related_name="steps", verbose_name=_("course"))
    lesson = models.ForeignKey(VideoLesson, models.CASCADE, related_name="steps", verbose_name=_("lesson"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("lesson of the course")
        verbose_name_plural = _("lessons of the course")
        constraints = [models.UniqueConstraint(fields=["course", "lesson"], name="lesson_once_per_course")]

    def __str__(self):
        return f"{self.course} · {self.position}. {self.lesson}"


class WatchedLesson(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="watched_lessons", verbose_name=_("user")
    )
    lesson = models.ForeignKey(VideoLesson, models.CASCADE, related_name="watched_by", verbose_name=_("lesson"))
    watched_at = models.DateTimeField(_("watched"), auto_now_add=True)

    class Meta:
        verbose_name = _("watched lesson")
        verbose_name_plural = _("watched lessons")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="lesson_watched_once")]

    def __str__(self):
        return f"{self.lesson} ✓"


# Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_certificate_code():
    """12 random characters (60 bits) in three groups: "7K2M-QX9D-4TZA"."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


class Certificate(models.Model):
    """Issued once per user and course; the public page confirms it by its code.

    It outlives the account (the user becomes empty): whoever holds the paper can still have it checked."""

    code = models.CharField(_("verification code"), max_length=14, unique=True, default=new_certificate_code)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("user"),
    )
    course = models.ForeignKey(Course, models.PROTECT, related_name="certificates", verbose_name=_("course"))
    # The name as it stood when the certificate was issued: what the paper says, whatever the profile says later.
    full_name = models.CharField(_("name"), max_length=200)
    issued_on = models.DateField(_("issued on"))
    # What the course held when the certificate was issued, so the paper reads the same on every download.
    lesson_count = models.PositiveSmallIntegerField(_("lessons"))
    minutes = models.PositiveIntegerField(_("minutes"))

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="certificate_once_per_course")]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("lessons:certificate_check", args=[self.code])
