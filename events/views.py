import calendar
import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from events.filters import EventFilter, month_bounds, parse_month
from events.forms import RegistrationForm
from events.models import Event, PressRelease
from practices.prefetches import published_practice_cards


class EventListView(ListView):
    template_name = "events/event_list.html"
    extra_context = {"section": "events"}
    context_object_name = "events"
    paginate_by = 12
    showing_past = False

    def base_queryset(self):
        return Event.objects.upcoming()

    def get_queryset(self):
        self.filterset = EventFilter(self.request.GET or None, queryset=self.base_queryset().with_card_data())
        # Filters the page cannot read (an old bookmark, a typo) are ignored, with a note, not an error.
        self.filters_ignored = self.filterset.is_bound and not self.filterset.is_valid()
        return self.base_queryset().with_card_data() if self.filters_ignored else self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            showing_past=self.showing_past,
            filterset=self.filterset,
            filters_ignored=self.filters_ignored,
            filtering=any(self.request.GET.get(name) for name in EventFilter.base_filters),
            **kwargs,
        )


class PastEventListView(EventListView):
    showing_past = True

    def base_queryset(self):
        return Event.objects.past()


class EventCalendarView(TemplateView):
    """A month of events as a calendar grid (a list of days on phones)."""

    template_name = "events/event_calendar.html"
    extra_context = {"section": "events"}

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        first_day = parse_month(self.request.GET.get("month")) or today.replace(day=1)
        start, end = month_bounds(first_day)
        events = list(
            Event.objects.published()
            .filter(starts_at__lt=end, ends_at__gte=start)
            .order_by("starts_at")
            .with_card_data()
        )
        weeks = []
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first_day.year, first_day.month):
            weeks.append(
                [
                    {
                        "date": day,
                        "in_month": day.month == first_day.month,
                        "is_today": day == today,
                        "events": [event for event in events if _runs_on(event, day)],
                    }
                    for day in week
                ]
            )
        previous_month = (first_day - datetime.timedelta(days=1)).replace(day=1)
        next_month = (first_day + datetime.timedelta(days=32)).replace(day=1)
        return super().get_context_data(
            month=first_day,
            weeks=weeks,
            weekdays=[weeks[0][index]["date"] for index in range(7)],
            previous_month=previous_month.strftime("%Y-%m"),
            next_month=next_month.strftime("%Y-%m"),
            event_count=len(events),
            **kwargs,
        )


def _runs_on(event, day):
    return timezone.localtime(event.starts_at).date() <= day <= timezone.localtime(event.ends_at).date()


def registration_context(request, event, form=None):
    """What the event page needs to offer (or not) the registration form."""
    return {
        "registration_state": event.registration_state(),
        "registration_form": form or RegistrationForm(user=request.user),
        "seats_left": event.seats_left(),
    }


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
                "materials",
                published_practice_cards(),
                Prefetch("press_releases", queryset=PressRelease.objects.published()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "registration_state" not in kwargs:
            context.update(registration_context(self.request, self.object))
        return context


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
