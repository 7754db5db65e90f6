"""Pages about places: every municipality, district and region with what happened there."""

from django.db.models import Count, Prefetch
from django.views.generic import DetailView, TemplateView

from events.models import Event
from portal.models import District, Municipality, Region
from practices.models import Practice, Replication, published_condition

PRACTICES_PER_PLACE_PAGE = 12


def _published_practice_count(prefix=""):
    """Count of published practices reached through ``prefix`` (e.g. "municipalities__")."""
    return Count(f"{prefix}practices", filter=published_condition(f"{prefix}practices__"), distinct=True)


class MunicipalityIndexView(TemplateView):
    """All municipalities grouped by region, with how many practices each has."""

    template_name = "portal/municipality_index.html"
    extra_context = {"section": "places"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipalities = Municipality.objects.annotate(practice_count=_published_practice_count()).select_related(
            "district"
        )
        context["regions"] = Region.objects.prefetch_related(
            Prefetch("municipalities", queryset=municipalities.order_by("name"), to_attr="municipality_list")
        )
        return context


class MunicipalityDetailView(DetailView):
    template_name = "portal/municipality_detail.html"
    context_object_name = "municipality"
    extra_context = {"section": "places"}

    def get_queryset(self):
        return Municipality.objects.select_related("region", "district")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = self.object
        practices = Practice.objects.published().filter(municipality=municipality)
        context["practice_count"] = practices.count()
        context["practices"] = practices.with_card_data()[:PRACTICES_PER_PLACE_PAGE]
        context["replications"] = (
            Replication.objects.of_published_practices()
            .filter(municipality=municipality)
            .select_related("practice__municipality__region")
        )
        events = Event.objects.published().filter(municipality=municipality).with_card_data()
        context["upcoming_events"] = events.upcoming()
        context["past_events"] = events.past()[:10]
        return context


class _AreaView(DetailView):
    """What a region and a district page share: the practices there, newest first, and their places."""

    extra_context = {"section": "places"}
    practice_filter = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practices = Practice.objects.published().filter(**{self.practice_filter: self.object})
        context["practice_count"] = practices.count()
        context["practices"] = practices.with_card_data()[:PRACTICES_PER_PLACE_PAGE]
        context["municipalities"] = (
            self.object.municipalities.annotate(practice_count=_published_practice_count())
            .select_related("district")
            .order_by("name")
        )
        return context


class RegionDetailView(_AreaView):
    model = Region
    template_name = "portal/region_detail.html"
    context_object_name = "region"
    practice_filter = "municipality__region"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["districts"] = self.object.districts.annotate(
            practice_count=_published_practice_count("municipalities__")
        ).order_by("name")
        return context


class DistrictDetailView(_AreaView):
    model = District
    template_name = "portal/district_detail.html"
    context_object_name = "district"
    practice_filter = "municipality__district"

    def get_queryset(self):
        return District.objects.select_related("region")
