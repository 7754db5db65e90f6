from django import forms

from contests.models import Answer
from portal.forms import StyledFormMixin


class AnswersForm(StyledFormMixin, forms.Form):
    """The contest's own questions, one text field each, filled from the entry's saved answers."""

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        saved = {answer.question_id: answer.text for answer in entry.answers.all()}
        self.questions = list(entry.contest.questions.all())
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.text,
                help_text=question.help_text,
                required=False,  # needed only to submit: checked then, so a draft saves at any time
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=saved.get(question.pk, ""),
            )
        self.style_fields()

    def save(self):
        for question in self.questions:
            Answer.objects.update_or_create(
                entry=self.entry,
                question=question,
                defaults={"text": self.cleaned_data[f"question_{question.pk}"].strip()},
            )
