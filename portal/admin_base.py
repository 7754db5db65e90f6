from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin


class TranslatedAdmin(TabbedTranslationAdmin):
    """The admin of every translated model: a tab per language, links typed without a scheme get https://."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
