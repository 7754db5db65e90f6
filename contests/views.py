from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, ListView

from contests.models import Contest, Criterion


class ContestListView(ListView):
    template_name = "contests/contest_list.html"
    extra_context = {"section": "contests"}
    context_object_name = "contests"

    def get_queryset(self):
        return Contest.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        context["rows"] = [
            (contest, contest.current_phase(now), contest.next_phase(now)) for contest in context["contests"]
        ]
        return context


class ContestDetailView(DetailView):
    template_name = "contests/contest_detail.html"
    extra_context = {"section": "contests"}
    context_object_name = "contest"

    def get_queryset(self):
        return Contest.objects.published().prefetch_related(
            "eligible_sectors", Prefetch("criteria", queryset=Criterion.objects.order_by("position", "pk"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contest, now = self.object, timezone.now()
        criteria = list(contest.criteria.all())
        total_weight = sum(criterion.weight for criterion in criteria)
        context["criteria"] = [(criterion, criterion.share_percent(total_weight)) for criterion in criteria]
        context["current_phase"] = contest.current_phase(now)
        context["has_shortlist"] = contest.entries.shortlisted().exists()
        context["next_phase"] = contest.next_phase(now)
        context["timeline"] = [{"phase": phase, "state": _state(phase, now)} for phase in contest.phases()]
        return context


def _state(phase, now):
    if phase.starts_at > now:
        return "upcoming"
    if phase.ends_at is None or now < phase.ends_at:
        return "current"
    return "done"
