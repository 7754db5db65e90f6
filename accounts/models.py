from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.models import Municipality


class UserManager(DjangoUserManager):
    """Django's manager, keyed on e-mail instead of a user name."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A portal user who signs in with an e-mail address; there is no separate user name.

    The profile lives on the user row itself: every field is read on most pages of the cabinet, and a
    separate profile table would only add a join and a second object to keep in step.
    """

    class Kind(models.TextChoices):
        MUNICIPAL_STAFF = "municipal_staff", _("Municipal staff")
        DEPUTY = "deputy", _("Local council deputy")
        NGO = "ngo", _("NGO or civil society")
        CITIZEN = "citizen", _("Citizen")
        OTHER = "other", _("Other")

    username = None
    # One field for the whole name: Kyrgyz names (with patronymics, or "uulu"/"kyzy") do not split
    # well into a first and a last name.
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    # "position" alone is already the sort order of list items.
    position = models.CharField(pgettext_lazy("job", "position"), max_length=200, blank=True)
    organization = models.CharField(_("organization"), max_length=255, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("municipality"),
        help_text=_("The municipality you work for or live in."),
    )
    kind = models.CharField(_("who you are"), max_length=20, choices=Kind.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("language for e-mails"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Set by staff after checking by hand that the user speaks for their profile's municipality; a
    # change of municipality clears it (see clear_verification_if_moved).
    municipality_verified_at = models.DateTimeField(_("verified for the municipality"), null=True, blank=True)
    municipality_verified_by = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("verified by")
    )
    # The user asked from their cabinet to be verified; staff find them with the admin's filter.
    verification_requested_at = models.DateTimeField(_("asked to be verified"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [("verify_municipal_user", _("Can mark a user as speaking for their municipality"))]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name or self.email

    @property
    def is_verified_municipal_user(self):
        """Speaks for a municipality: may propose practices for it."""
        return bool(self.municipality_id and self.municipality_verified_at)

    def verify_municipality(self, by):
        self.municipality_verified_at = timezone.now()
        self.municipality_verified_by = by
        self.verification_requested_at = None

    def clear_verification_if_moved(self, previous_municipality_id):
        """A verification is for one municipality: moving to another one needs a new check by staff."""
        if self.municipality_id != previous_municipality_id:
            self.municipality_verified_at = None
            self.municipality_verified_by = None
            self.verification_requested_at = None


class SavedPractice(models.Model):
    """A practice a user keeps in their cabinet to come back to."""

    user = models.ForeignKey(User, models.CASCADE, related_name="saved_practices", verbose_name=_("user"))
    practice = models.ForeignKey(
        "practices.Practice", models.CASCADE, related_name="saved_by", verbose_name=_("practice")
    )
    saved_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("saved practice")
        verbose_name_plural = _("saved practices")
        constraints = [models.UniqueConstraint(fields=["user", "practice"], name="saved_practice_once_per_user")]

    def __str__(self):
        return f"{self.user} — {self.practice}"
