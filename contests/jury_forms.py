from django import forms
from django.utils.translation import gettext_lazy as _

from contests.models import Score
from portal.forms import StyledFormMixin


class ScoreForm(StyledFormMixin, forms.Form):
    """A juror's scores of one entry: a number within the contest's scale and a comment per criterion."""

    def __init__(self, *args, entry, juror, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry, self.juror = entry, juror
        contest = entry.contest
        self.criteria = list(contest.criteria.all())
        saved = {score.criterion_id: score for score in Score.objects.filter(entry=entry, juror=juror)}
        for criterion in self.criteria:
            score = saved.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=criterion.title,
                min_value=contest.scale_min,
                max_value=contest.scale_max,
                help_text=_("From %(low)d to %(high)d.") % {"low": contest.scale_min, "high": contest.scale_max},
                initial=score.value if score else None,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=score.comment if score else "",
            )
        self.style_fields()

    def pairs(self):
        """(score field, comment field) per criterion, for the template."""
        return [(self[f"score_{c.pk}"], self[f"comment_{c.pk}"], c) for c in self.criteria]

    def save(self):
        for criterion in self.criteria:
            Score.objects.update_or_create(
                entry=self.entry,
                juror=self.juror,
                criterion=criterion,
                defaults={
                    "value": self.cleaned_data[f"score_{criterion.pk}"],
                    "comment": self.cleaned_data[f"comment_{criterion.pk}"].strip(),
                },
            )
