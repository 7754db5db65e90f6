"""The cabinet's forms: the profile, and closing an account."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from portal.forms import StyledFormMixin
from portal.models import Municipality


def municipality_label(municipality):
    """ "Kara-Suu (Osh region)": names repeat across regions, so the region is part of the label."""
    return f"{municipality.name} ({municipality.region.name})"


def municipality_options():
    """Every municipality's label, for the <datalist> that suggests them as the user types."""
    return [municipality_label(m) for m in Municipality.objects.select_related("region").order_by("name")]


class MunicipalityField(forms.CharField):
    """A municipality typed as text and matched on the server, so the search works without JavaScript.

    The browser suggests names from a <datalist> as the user types; the server accepts a suggestion, or
    any text that names exactly one municipality in one of the three languages.
    """

    widget = forms.TextInput(attrs={"list": "municipality-options", "autocomplete": "off"})

    def prepare_value(self, value):
        if isinstance(value, Municipality):
            return municipality_label(value)
        if isinstance(value, int):
            municipality = Municipality.objects.select_related("region").filter(pk=value).first()
            return municipality_label(municipality) if municipality else ""
        return value

    def clean(self, value):
        text = " ".join(super().clean(value).split())
        if not text:
            return None
        # A few hundred rows at most: matched in Python, case-insensitively in every alphabet (SQLite's
        # LIKE folds only ASCII letters).
        municipalities = list(Municipality.objects.select_related("region"))
        typed = text.casefold()
        for municipality in municipalities:
            if typed == municipality_label(municipality).casefold():
                return municipality
        name = typed.split(" (")[0]
        exact = [m for m in municipalities if name in _names(m)]
        partial = exact or [m for m in municipalities if any(name in known for known in _names(m))]
        if len(partial) == 1:
            return partial[0]
        if not partial:
            raise forms.ValidationError(
                _("No municipality is called “%(text)s”. Start typing its name and choose it from the list."),
                params={"text": text},
            )
        raise forms.ValidationError(
            _("Several municipalities match “%(text)s”: %(names)s. Choose one from the list."),
            params={"text": text, "names": "; ".join(municipality_label(m) for m in partial[:5])},
        )


def _names(municipality):
    return [name.casefold() for name in (municipality.name_ky, municipality.name_ru, municipality.name_en) if name]


class ProfileForm(StyledFormMixin, forms.ModelForm):
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("The ayil aimak or town you work for or live in. Type a few letters and choose from the list."),
    )

    class Meta:
        model = User
        fields = ["full_name", "position", "organization", "municipality", "kind", "phone", "preferred_language"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organization": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "preferred_language": _("The portal writes to you in this language."),
            "phone": _("Optional. Only the portal's staff see it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_municipality_id = self.instance.municipality_id
        self.fields["kind"].required = True
        self.fields["full_name"].required = True

    def municipality_options(self):
        return municipality_options()

    def save(self, commit=True):
        self.instance.clear_verification_if_moved(self.previous_municipality_id)
        return super().save(commit)


class DeleteAccountForm(StyledFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is you."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
