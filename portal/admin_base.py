from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin


class OneLanguageEnoughForm(forms.ModelForm):
    """modeltranslation's admin requires Kyrgyz (the default language) wherever the field is required.
    Content proposed by municipalities arrives in one language, not necessarily Kyrgyz, and pages fall
    back to another language, so the fields in ``needed_in_one_language`` need any one language."""

    needed_in_one_language = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.needed_in_one_language:
            for field in self._translations(name):
                self.fields[field].required = False

    def _translations(self, name):
        return [f"{name}_{code}" for code, _language in settings.LANGUAGES if f"{name}_{code}" in self.fields]

    def clean(self):
        cleaned_data = super().clean()
        for name in self.needed_in_one_language:
            fields = self._translations(name)
            if fields and not any((cleaned_data.get(field) or "").strip() for field in fields):
                self.add_error(fields[0], _("Fill this in at least one language."))
        return cleaned_data


class HttpsLinks:
    """Links typed without a scheme get https:// (Django 6's default, taken now)."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class TranslatedAdmin(HttpsLinks, TabbedTranslationAdmin):
    """The admin of every translated model: a tab per language."""
