"""The registration form on an event's page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import MunicipalityField, municipality_options
from portal.forms import StyledFormMixin


class RegistrationForm(StyledFormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("The confirmation and a link to cancel are sent here."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}),
        help_text=_("Optional: for the organizers, if plans change at short notice."),
    )
    organization = forms.CharField(
        label=_("Organization"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    municipality = MunicipalityField(
        label=_("Municipality"), required=False, help_text=_("Type a few letters and choose from the list.")
    )
    consent = forms.BooleanField(
        label=_("I agree that the organizers store these details to run the event, and delete them afterwards."),
    )
    # A honeypot: hidden from people (and from screen readers), filled in by bots that fill everything.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, user=None, **kwargs):
        if user is not None and user.is_authenticated and not kwargs.get("data"):
            kwargs["initial"] = {
                "full_name": user.full_name,
                "email": user.email,
                "phone": user.phone,
                "organization": user.organization,
                "municipality": user.municipality_id,
                **kwargs.get("initial", {}),
            }
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_bot(self):
        return bool(self.data.get("website"))

    def municipality_options(self):
        return municipality_options()
