from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from events.models import Event, PressRelease
from practices.prefetches import published_practice_cards


class EventListView(ListView):
    template_name = "events/event_list.html"
    extra_context = {"section": "events"}
    context_object_name = "events"
    paginate_by = 12
    showing_past = False

    def get_queryset(self):
        return Event.objects.upcoming().with_card_data()

    def get_context_data(self, **kwargs):
        return super().get_context_data(showing_past=self.showing_past, **kwargs)


class PastEventListView(EventListView):
    showing_past = True

    def get_queryset(self):
        return Event.objects.past().with_card_data()


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    extra_context = {"section": "events"}
    context_object_name = "event"

    def get_queryset(self):
        return (
            Event.objects.published()
            .select_related("municipality__region", "project")
            .prefetch_related(
                "organizers",
                published_practice_cards(),
                Prefetch("press_releases", queryset=PressRelease.objects.published()),
            )
        )


class PressReleaseListView(ListView):
    template_name = "events/press_release_list.html"
    extra_context = {"section": "news"}
    context_object_name = "press_releases"
    paginate_by = 10

    def get_queryset(self):
        return PressRelease.objects.published()


class PressReleaseDetailView(DetailView):
    template_name = "events/press_release_detail.html"
    extra_context = {"section": "news"}
    context_object_name = "press_release"

    def get_queryset(self):
        return PressRelease.objects.published().select_related("event").prefetch_related(published_practice_cards())
