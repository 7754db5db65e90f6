"""The yearly Best Practice Contest: its rules, criteria and phases."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practices.models import Sector


@dataclass(frozen=True)
class Phase:
    """One step of a contest, with its dates."""

    code: str
    label: str
    starts_at: datetime
    ends_at: datetime | None


class ContestQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Contest(models.Model):
    # The phases in order: (code, label, start field, end field).
    PHASES = (
        ("submissions", _("Submissions"), "submissions_open_at", "submissions_close_at"),
        ("review", _("Jury review"), "review_starts_at", "review_ends_at"),
        ("vote", _("Public vote"), "vote_opens_at", "vote_closes_at"),
        ("results", _("Results"), "results_at", None),
    )

    slug = models.SlugField(_("slug"), unique=True)
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Two or three sentences for the list."))
    rules = models.TextField(_("rules"), help_text=_("Plain text; a blank line starts a new paragraph."))
    eligible_sectors = models.ManyToManyField(
        Sector,
        related_name="contests",
        blank=True,
        verbose_name=_("eligible sectors"),
        help_text=_("Empty: practices of every sector may take part."),
    )
    submissions_open_at = models.DateTimeField(_("submissions open"))
    submissions_close_at = models.DateTimeField(_("submissions close"))
    review_starts_at = models.DateTimeField(_("jury review starts"))
    review_ends_at = models.DateTimeField(_("jury review ends"))
    vote_opens_at = models.DateTimeField(_("public vote opens"), null=True, blank=True)
    vote_closes_at = models.DateTimeField(_("public vote closes"), null=True, blank=True)
    results_at = models.DateTimeField(_("results announced"))
    number_of_winners = models.PositiveSmallIntegerField(_("number of winners"), default=6)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=10)
    # How the final ranking combines the jury's score and the public vote, in per cent of the jury.
    jury_share = models.PositiveSmallIntegerField(
        _("jury's share of the final score, %"),
        default=100,
        validators=[MaxValueValidator(100)],
        help_text=_("100: the jury alone decides. 70: jury 70 %, public vote 30 %."),
    )
    votes_changeable = models.BooleanField(
        _("voters may change their vote"), default=False, help_text=_("Until the vote closes.")
    )
    vote_counts_hidden = models.BooleanField(_("hide vote counts until the vote closes"), default=True)
    scores_hidden_until_scored = models.BooleanField(
        _("jurors see other jurors' scores only after their own"), default=True
    )
    jury = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="juried_contests",
        blank=True,
        verbose_name=_("jury members"),
        limit_choices_to={"groups__name": "Jury members"},
    )
    is_published = models.BooleanField(_("published"), default=False)
    # Set when the organizer announces the results: decisions, e-mails and the results page go out together.
    results_announced_at = models.DateTimeField(_("results announced on"), null=True, blank=True, editable=False)
    results_note = models.TextField(
        _("note on the results"),
        blank=True,
        help_text=_("Shown above the ranking, e.g. how many people voted or how the jury worked."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ContestQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.CheckConstraint(condition=models.Q(scale_min__lt=models.F("scale_max")), name="contest_scale_order"),
            models.CheckConstraint(condition=models.Q(jury_share__lte=100), name="contest_jury_share_percent"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contests:detail", args=[self.slug])

    @property
    def was_run_off_the_portal(self):
        """No jury scores and no votes here: its results were recorded, not computed by the portal."""
        return not Score.objects.filter(entry__contest=self).exists() and not self.votes.exists()

    @property
    def has_vote(self):
        return bool(self.vote_opens_at and self.vote_closes_at)

    @property
    def vote_share(self):
        return 100 - self.jury_share if self.has_vote else 0

    def phases(self):
        """The contest's phases in order (without the vote when there is none)."""
        phases = []
        for code, label, start, end in self.PHASES:
            starts_at = getattr(self, start)
            if starts_at is None:
                continue
            phases.append(Phase(code, label, starts_at, getattr(self, end) if end else None))
        return phases

    def current_phase(self, now=None):
        """The phase under way, or None before the contest opens and between phases."""
        now = now or timezone.now()
        for phase in self.phases():
            if phase.starts_at <= now and (phase.ends_at is None or now < phase.ends_at):
                return phase
        return None

    def vote_is_open(self, now=None):
        now = now or timezone.now()
        return self.has_vote and self.vote_opens_at <= now < self.vote_closes_at

    def vote_is_over(self, now=None):
        return self.has_vote and (now or timezone.now()) >= self.vote_closes_at

    @property
    def results_published(self):
        return self.results_announced_at is not None

    def may_announce(self, now=None):
        """Results are announced once the jury is done and the vote (if any) has closed."""
        now = now or timezone.now()
        return not self.results_published and now >= (self.vote_closes_at if self.has_vote else self.review_ends_at)

    def may_change_shortlist(self, now=None):
        """Between the close of submissions and the opening of the vote."""
        now = now or timezone.now()
        opens = self.vote_opens_at if self.has_vote else self.results_at
        return not self.results_published and self.submissions_close_at <= now < opens

    def in_review(self, now=None):
        now = now or timezone.now()
        return self.review_starts_at <= now < self.review_ends_at

    def accepts_submissions(self, now=None):
        now = now or timezone.now()
        return self.is_published and self.submissions_open_at <= now < self.submissions_close_at

    def next_phase(self, now=None):
        now = now or timezone.now()
        return next((phase for phase in self.phases() if phase.starts_at > now), None)

    def clean(self):
        errors = {}
        order = [
            ("submissions_open_at", self.submissions_open_at),
            ("submissions_close_at", self.submissions_close_at),
            ("review_starts_at", self.review_starts_at),
            ("review_ends_at", self.review_ends_at),
        ]
        if self.vote_opens_at or self.vote_closes_at:
            if not (self.vote_opens_at and self.vote_closes_at):
                errors["vote_closes_at"] = _("Give both dates of the public vote, or neither.")
            else:
                order += [("vote_opens_at", self.vote_opens_at), ("vote_closes_at", self.vote_closes_at)]
        order.append(("results_at", self.results_at))
        for (_earlier_name, earlier), (name, later) in zip(order, order[1:], strict=False):
            if earlier and later and later < earlier and name not in errors:
                errors[name] = _("The phases must follow each other: this date comes before the previous one.")
        if self.scale_min is not None and self.scale_max is not None and self.scale_min >= self.scale_max:
            errors["scale_max"] = _("The highest score must be above the lowest.")
        if not self.has_vote and self.jury_share != 100 and not errors.get("vote_closes_at"):
            errors["jury_share"] = _("Without a public vote the jury's share is 100 %.")
        if errors:
            raise ValidationError(errors)


class Criterion(models.Model):
    """What the jury scores, with its weight in the jury's score."""

    contest = models.ForeignKey(Contest, models.CASCADE, related_name="criteria", verbose_name=_("contest"))
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("what the jury looks for"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1)], help_text=_("Relative to the other criteria.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.CheckConstraint(condition=models.Q(weight__gte=1), name="criterion_weight_positive")]

    def __str__(self):
        return self.title

    def share_percent(self, total_weight):
        return round(self.weight * 100 / total_weight) if total_weight else 0


class Question(models.Model):
    """A question of this year's contest, asked on top of the practice's own sections."""

    contest = models.ForeignKey(Contest, models.CASCADE, related_name="questions", verbose_name=_("contest"))
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("hint"), max_length=500, blank=True)
    required = models.BooleanField(_("required to submit"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text


class EntryQuerySet(models.QuerySet):
    def submitted(self):
        return self.exclude(status=Entry.Status.DRAFT)

    def shortlisted(self):
        return self.filter(status__in=(Entry.Status.SHORTLISTED, Entry.Status.WINNER))


class Entry(models.Model):
    """A municipality's entry in a contest. Its text, photos and documents live in a practice that stays
    unpublished, so the entry is written with the same form as a proposal and a winner is published by
    simply publishing that practice."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        WINNER = "winner", _("Winner")
        NOT_SELECTED = "not_selected", _("Not selected")

    contest = models.ForeignKey(Contest, models.PROTECT, related_name="entries", verbose_name=_("contest"))
    practice = models.OneToOneField(
        "practices.Practice", models.PROTECT, related_name="contest_entry", verbose_name=_("practice")
    )
    municipality = models.ForeignKey(
        "portal.Municipality", models.PROTECT, related_name="contest_entries", verbose_name=_("municipality")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="contest_entries",
        verbose_name=_("applicant"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Translated: typed in the organizer's language when the results are announced, the other languages
    # filled in the admin; an empty award reads "Winner" in the reader's language.
    award = models.CharField(
        _("award"), max_length=200, blank=True, help_text=_("E.g. “First place”; shown on the winner's practice.")
    )
    # The published ranking, frozen when the results are announced: what the results page shows, so it
    # never moves afterwards (a juror removed, an account deleted with its vote). Editors may type them
    # only for a contest run off the portal (no scores or votes here), to record its published results.
    final_rank = models.PositiveSmallIntegerField(_("final rank"), null=True, blank=True, editable=False)
    final_jury_score = models.DecimalField(
        _("final jury score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Typed only for a contest whose jury and vote were held off the portal."),
    )
    final_votes = models.PositiveIntegerField(
        _("final votes"),
        null=True,
        blank=True,
        help_text=_("Typed only for a contest whose jury and vote were held off the portal."),
    )
    final_combined = models.DecimalField(
        _("final combined score"), max_digits=5, decimal_places=1, null=True, blank=True, editable=False
    )
    # Empty: every juror of the contest scores the entry.
    assigned_jurors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="assigned_contest_entries",
        blank=True,
        verbose_name=_("assigned jurors"),
        help_text=_("Leave empty to have every juror of the contest score this entry."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["contest", "pk"]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")

    def __str__(self):
        return str(self.practice)

    @property
    def is_winner(self):
        return self.status == self.Status.WINNER

    @property
    def award_title(self):
        """What a winner's badge reads; empty for every other entry."""
        if not self.is_winner:
            return ""
        return self.award or gettext("Winner")

    @property
    def number(self):
        """What the receipt and the jury call the entry: "2027-0012"."""
        return f"{self.contest.year}-{self.pk:04d}"


class Answer(models.Model):
    entry = models.ForeignKey(Entry, models.CASCADE, related_name="answers", verbose_name=_("entry"))
    question = models.ForeignKey(Question, models.CASCADE, related_name="answers", verbose_name=_("question"))
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["entry", "question"], name="answer_once_per_question")]

    def __str__(self):
        return self.text[:60]


class Score(models.Model):
    """One juror's score of one entry on one criterion."""

    entry = models.ForeignKey(Entry, models.CASCADE, related_name="scores", verbose_name=_("entry"))
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="contest_scores", verbose_name=_("juror")
    )
    criterion = models.ForeignKey(Criterion, models.CASCADE, related_name="scores", verbose_name=_("criterion"))
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["entry", "juror", "criterion"], name="score_once_per_juror_and_criterion")
        ]

    def __str__(self):
        return f"{self.entry} · {self.criterion}: {self.value}"


class Vote(models.Model):
    """A registered user's vote for one shortlisted entry: one per user and contest."""

    contest = models.ForeignKey(Contest, models.CASCADE, related_name="votes", verbose_name=_("contest"))
    entry = models.ForeignKey(Entry, models.CASCADE, related_name="votes", verbose_name=_("entry"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="contest_votes", verbose_name=_("voter")
    )
    created_at = models.DateTimeField(_("voted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["contest", "user"], name="vote_once_per_user_and_contest")]

    def __str__(self):
        # Never the voter: votes are secret, also in the admin.
        return f"{self.entry} ({self.contest.year})"
