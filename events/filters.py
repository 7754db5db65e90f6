"""Filters of the event lists: kind, region, month, online or in person (plain GET parameters)."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal.models import Region


def parse_month(value):
    """ "2026-12" -> date(2026, 12, 1), or None when it is not a month."""
    try:
        day = datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None
    # Within reach of the portal's events: year 1 or 9999 would overflow the month arithmetic.
    return day if 2000 <= day.year <= 2100 else None


def month_bounds(first_day):
    """The month as an aware [start, end) range in the portal's time zone."""
    next_month = (first_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(next_month, datetime.time.min, tzinfo=zone)
    return start, end


def month_choices(around, before=12, after=12):
    """(value, label) for the months around a day, for the month filter's select."""
    from django.utils.formats import date_format

    choices = []
    first = around.replace(day=1)
    for offset in range(-before, after + 1):
        year, month = divmod(first.month - 1 + offset, 12)
        day = datetime.date(first.year + year, month + 1, 1)
        choices.append((day.strftime("%Y-%m"), date_format(day, "YEAR_MONTH_FORMAT")))
    return choices


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices, empty_label=_("All kinds"))
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        field_name="municipality__region",
        to_field_name="slug",
        queryset=Region.objects.all(),
        empty_label=_("All regions"),
    )
    month = django_filters.ChoiceFilter(label=_("Month"), method="filter_month", empty_label=_("Any month"))
    format = django_filters.ChoiceFilter(
        label=_("Format"),
        choices=[("online", _("Online")), ("in_person", _("In person"))],
        method="filter_format",
        empty_label=_("Online and in person"),
    )

    class Meta:
        model = Event
        fields = ["kind", "region", "month", "format"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["month"].extra["choices"] = month_choices(timezone.localdate())
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filter_month(self, queryset, name, value):
        first_day = parse_month(value)
        if not first_day:
            return queryset
        start, end = month_bounds(first_day)
        # Every event that runs during the month, including ones that began the month before.
        return queryset.filter(starts_at__lt=end, ends_at__gte=start)

    def filter_format(self, queryset, name, value):
        return queryset.filter(is_online=(value == "online"))
