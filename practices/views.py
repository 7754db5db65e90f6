from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from portal.models import ProjectPartner
from practices.models import Practice
from practices.prefetches import published_practice_cards


class PracticeListView(ListView):
    template_name = "practices/practice_list.html"
    extra_context = {"section": "practices"}
    context_object_name = "practices"
    paginate_by = 12

    def get_queryset(self):
        return Practice.objects.published().with_card_data()


class PracticeDetailView(DetailView):
    template_name = "practices/practice_detail.html"
    extra_context = {"section": "practices"}
    context_object_name = "practice"

    def get_queryset(self):
        # Editors preview drafts at the public address; everyone else sees published practices only.
        practices = Practice.objects.all() if self.request.user.is_staff else Practice.objects.published()
        return practices.select_related("municipality__region", "municipality__district", "project").prefetch_related(
            "sectors",
            "audiences",
            "tags",
            "organizations",
            Prefetch("project__partners", queryset=ProjectPartner.objects.select_related("organization")),
            published_practice_cards("related", to_attr="published_related"),
        )

    def get_context_data(self, **kwargs):
        from events.models import Event, PressRelease

        context = super().get_context_data(**kwargs)
        context["events"] = Event.objects.published().filter(practices=self.object).with_card_data()[:5]
        context["press_releases"] = PressRelease.objects.published().filter(practices=self.object)[:5]
        return context
