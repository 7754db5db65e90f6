from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin


class HttpsLinks:
    """Links typed without a scheme get https:// (Django 6's default, taken now)."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class TranslatedAdmin(HttpsLinks, TabbedTranslationAdmin):
    """The admin of every translated model: a tab per language."""
