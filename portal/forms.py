"""How the portal's own forms render: Bootstrap classes on the widgets, one field template for all."""

from django import forms
from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    # Label, help text, errors and widget, with the error and help linked to the input for screen readers.
    field_template_name = "forms/field.html"


class StyledFormMixin:
    """Gives each widget the Bootstrap class it needs, so templates render fields with {{ field.as_field_group }}."""

    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()

    def style_fields(self):
        """Also called by forms that add fields after __init__; a field is styled once."""
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
                css_class = "choice-list"
            elif isinstance(widget, forms.CheckboxInput):
                css_class = "form-check-input"
            elif isinstance(widget, forms.Select):
                css_class = "form-select"
            else:
                css_class = "form-control"
            classes = widget.attrs.get("class", "").split()
            if css_class not in classes:
                widget.attrs["class"] = " ".join([*classes, css_class])
