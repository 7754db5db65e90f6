"""Forms a verified municipal user fills to propose a practice: the text in one language, and one
photo, document and video link at a time (each saved on its own, so a rejected file loses nothing else)."""

import posixpath

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.forms import StyledFormMixin
from practices.models import Practice, PracticeDocument, PracticeImage, PracticeVideo
from practices.proposals import practice_title
from practices.uploads import PROPOSAL_DOCUMENT_KINDS, checked_document, named_for_kind, validate_image
from practices.video import parse_video_url

# The texts the author writes, in page order; stored in the columns of the language they write in.
TEXT_FIELDS = ("title", "summary") + tuple(name for name, _label in Practice.SECTIONS)
# Translated too, but asked for with the contact details, not with the texts.
CONTACT_NAME = "contact_name"
# What the editors need before they can review a proposal.
REQUIRED_FOR_REVIEW = ("title", "summary", "situation_before", "process", "results", "sectors")

# How many attachments one proposal may carry: enough for any practice, not a free file store.
MAX_IMAGES = 12
MAX_DOCUMENTS = 10
MAX_VIDEOS = 5

SECTION_HELP = {
    "summary": _("In a few sentences: what was done, where, and what changed. At most about 250 words."),
    "situation_before": _("What was the problem, and whom did it affect?"),
    "objectives": _("What did the municipality want to achieve?"),
    "resources": _("Money, people, equipment: what was used and where it came from."),
    "process": _("The steps, in order, and who took part in each."),
    "results": _("What changed, with figures where you have them."),
    "sustainability": _("How the results are kept up after the project."),
    "lessons_learned": _("What would you do differently?"),
    "how_to_replicate": _("Advice for another municipality that wants to do the same."),
}


class ProposalStartForm(StyledFormMixin, forms.Form):
    text_language = forms.ChoiceField(
        label=_("Language of your text"),
        choices=settings.LANGUAGES,
        help_text=_("Write in the language you know best; the editors add the other languages."),
    )
    title = forms.CharField(label=_("Title of the practice"), max_length=255)


class ProposalForm(StyledFormMixin, forms.ModelForm):
    """The practice's text in the author's language, with its topics, dates, budget and contact.

    Only the title is needed to save a draft; what the editors need is checked on submission
    (missing_for_review), after the draft is saved, so pressing "Submit" never loses typing.
    """

    class Meta:
        model = Practice
        fields = [
            "sectors",
            "audiences",
            "started_on",
            "completed_on",
            "total_cost",
            "own_contribution",
            "other_sources",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "completed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "total_cost": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "own_contribution": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "other_sources": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.instance.text_language
        text_fields = {}
        for name in (*TEXT_FIELDS, CONTACT_NAME):
            model_field = Practice._meta.get_field(name)
            short = name in ("title", CONTACT_NAME)
            text_fields[name] = forms.CharField(
                label=model_field.verbose_name.capitalize(),
                required=name == "title",
                max_length=model_field.max_length,
                help_text=SECTION_HELP.get(name, ""),
                widget=forms.TextInput if short else forms.Textarea(attrs={"rows": 5}),
                # The author's own language column, never another language shown through the fallback.
                initial=getattr(self.instance, f"{name}_{language}", ""),
            )
        # The text first, as on the practice's page; then the facts.
        self.fields = {**text_fields, **self.fields}
        self.fields["sectors"].required = False
        self.style_fields()

    FIELDSETS = (
        (_("The practice"), TEXT_FIELDS),
        (_("Topics"), ("sectors", "audiences")),
        (_("Dates"), ("started_on", "completed_on")),
        (_("Budget, soms"), ("total_cost", "own_contribution", "other_sources")),
        (_("Contact for other municipalities"), (CONTACT_NAME, "contact_email", "contact_phone")),
    )

    def fieldsets(self):
        """(legend, bound fields) in the order of the page."""
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def save(self, commit=True):
        practice = super().save(commit=False)
        for name in (*TEXT_FIELDS, CONTACT_NAME):
            setattr(practice, f"{name}_{practice.text_language}", self.cleaned_data[name].strip())
        if commit:
            practice.save()
            self.save_m2m()
        return practice


def missing_for_review(practice):
    """{field: message} for what a saved proposal still lacks before the editors can review it."""
    missing = {}
    for name in REQUIRED_FOR_REVIEW:
        if name == "sectors":
            empty = not practice.sectors.exists()
        else:
            empty = not getattr(practice, f"{name}_{practice.text_language}", "").strip()
        if empty:
            missing[name] = _("Needed before the editors can review the practice.")
    return missing


class AttachmentForm(StyledFormMixin, forms.Form):
    """One optional attachment in the proposal form: left empty, it is simply ignored."""

    # The file is needed only when the user adds an attachment: no "required" star on an optional part.
    required_css_class = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_permitted", True)
        kwargs.setdefault("use_required_attribute", False)
        super().__init__(*args, **kwargs)


class ImageForm(AttachmentForm):
    image = forms.FileField(
        label=_("Photo"), widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
    )
    # Optional so that a good photo is never lost for a missing description: the caption or the title
    # stands in, and the editors refine it.
    alt_text = forms.CharField(
        label=_("What the photo shows"),
        max_length=255,
        required=False,
        help_text=_("For readers who cannot see it, e.g. “New water pipes laid in Ak-Suu village”."),
    )
    caption = forms.CharField(label=_("Caption"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Here, not on the field: in the page's language, and with the limit the settings give now.
        self.fields["image"].help_text = _("JPEG, PNG or WebP, at most %(megabytes)d MB.") % {
            "megabytes": settings.MAX_IMAGE_MEGABYTES
        }

    def clean_image(self):
        image = self.cleaned_data["image"]
        validate_image(image)
        return image

    def save(self, practice):
        language = practice.text_language
        image = PracticeImage(practice=practice, image=self.cleaned_data["image"], position=practice.images.count())
        alt_text = self.cleaned_data["alt_text"] or self.cleaned_data["caption"] or practice_title(practice)
        setattr(image, f"alt_text_{language}", alt_text)
        setattr(image, f"caption_{language}", self.cleaned_data["caption"])
        image.save()
        return image


class DocumentForm(AttachmentForm):
    file = forms.FileField(label=_("Document"))
    title = forms.CharField(
        label=_("Document title"),
        max_length=255,
        required=False,
        help_text=_("E.g. “Budget of the project” or “Council decision”. Without it, the file name is shown."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF, DOCX, XLSX, PPTX or ODT, at most %(megabytes)d MB.") % {
            "megabytes": settings.MAX_DOCUMENT_MEGABYTES
        }

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        kind = checked_document(uploaded, PROPOSAL_DOCUMENT_KINDS)
        uploaded.name = named_for_kind(uploaded, kind)
        return uploaded

    def save(self, practice):
        document = PracticeDocument(
            practice=practice, file=self.cleaned_data["file"], position=practice.documents.count()
        )
        title = self.cleaned_data["title"] or posixpath.splitext(self.cleaned_data["file"].name)[0].replace("_", " ")
        setattr(document, f"title_{practice.text_language}", title)
        document.save()
        return document


class VideoForm(AttachmentForm):
    url = forms.URLField(
        label=_("Video link"), assume_scheme="https", help_text=_("A YouTube, Facebook or Vimeo link.")
    )
    title = forms.CharField(label=_("Video title"), max_length=255, required=False)

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not parse_video_url(url):
            raise forms.ValidationError(_("Only YouTube, Facebook and Vimeo video links can be shown."))
        return url

    def save(self, practice):
        video = PracticeVideo(practice=practice, url=self.cleaned_data["url"], position=practice.videos.count())
        setattr(video, f"title_{practice.text_language}", self.cleaned_data["title"])
        video.save()
        return video


# prefix -> (form, related name on the practice, limit)
ATTACHMENT_FORMS = {
    "image": (ImageForm, "images", MAX_IMAGES),
    "document": (DocumentForm, "documents", MAX_DOCUMENTS),
    "video": (VideoForm, "videos", MAX_VIDEOS),
}
