from django.conf import settings
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from portal.facets import FacetedListMixin
from portal.models import Municipality, ProjectPartner
from practices.filters import PracticeFilter, build_facets, display_title
from practices.models import Practice, PracticeRedirect, Replication
from practices.opendata import csv_response, json_response, opendata_queryset
from practices.prefetches import published_practice_cards


class FilteredPracticesMixin(FacetedListMixin):
    """The catalogue's selection, shared by the list, the map and the open-data downloads."""

    filterset_class = PracticeFilter
    build_facets = build_facets

    def base_queryset(self):
        return Practice.objects.published()


class PracticeListView(FilteredPracticesMixin, ListView):
    template_name = "practices/practice_list.html"
    extra_context = {"section": "practices"}
    context_object_name = "practices"
    paginate_by = 12

    def get(self, request, *args, **kwargs):
        download = request.GET.get("format")
        if download in ("csv", "json"):
            practices = opendata_queryset(self.get_filterset().sorted_queryset().with_card_data())
            return csv_response(practices, request) if download == "csv" else json_response(practices, request)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.get_filterset().sorted_queryset().with_card_data()


class PracticeMapView(FilteredPracticesMixin, TemplateView):
    """The same selection placed at its municipalities; the list of places works without the map."""

    template_name = "practices/practice_map.html"
    extra_context = {"section": "practices"}

    # Each place lists its newest practices; the count says how many there are in all.
    practices_per_place = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selection = self.get_filterset().qs
        counts = dict(
            selection.filter(municipality__latitude__isnull=False, municipality__longitude__isnull=False)
            .order_by()
            .values_list("municipality")
            .annotate(n=Count("pk"))
        )
        municipalities = Municipality.objects.filter(pk__in=counts).select_related("region")
        titles = {pk: [] for pk in counts}
        rows = (
            selection.filter(municipality__in=counts)
            .annotate(display_title=display_title())
            .order_by("-published_at")
            .values_list("slug", "display_title", "municipality")[: self.practices_per_place * 200]
        )
        for slug, title, municipality_id in rows:
            if len(titles[municipality_id]) < self.practices_per_place:
                titles[municipality_id].append({"title": title, "url": reverse("practices:detail", args=[slug])})
        places = sorted(
            ({"municipality": m, "count": counts[m.pk], "practices": titles[m.pk]} for m in municipalities),
            key=lambda place: str(place["municipality"]),
        )
        context["places"] = places
        context["practice_count"] = selection.count()
        context["map_points"] = [
            {
                "name": str(place["municipality"]),
                "lat": float(place["municipality"].latitude),
                "lon": float(place["municipality"].longitude),
                "url": place["municipality"].get_absolute_url(),
                "practices": place["practices"],
                "count": place["count"],
            }
            for place in places
        ]
        context["map_config"] = {"tiles": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
        return context


class PracticeDetailView(DetailView):
    template_name = "practices/practice_detail.html"
    extra_context = {"section": "practices"}
    context_object_name = "practice"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # An address from before a rename: send the reader (and search engines) to the new one.
            redirect = PracticeRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("practice").first()
            if redirect and self.get_queryset().filter(pk=redirect.practice_id).exists():
                return HttpResponsePermanentRedirect(redirect.practice.get_absolute_url())
            raise

    def get_queryset(self):
        # Editors preview drafts at the public address (staff without the permission do not, as a draft
        # may be a contest entry); everyone else sees published practices only.
        may_preview = self.request.user.has_perm("practices.change_practice")
        practices = Practice.objects.all() if may_preview else Practice.objects.published()
        return practices.select_related(
            "municipality__region", "municipality__district", "project", "contest_entry__contest"
        ).prefetch_related(
            "sectors",
            "audiences",
            "tags",
            "organizations",
            "images",
            "documents",
            "videos",
            Prefetch("replications", queryset=Replication.objects.select_related("municipality__region")),
            Prefetch("project__partners", queryset=ProjectPartner.objects.select_related("organization")),
            published_practice_cards("related", to_attr="published_related"),
        )

    def get_context_data(self, **kwargs):
        from events.models import Event, PressRelease

        context = super().get_context_data(**kwargs)
        context["events"] = Event.objects.published().filter(practices=self.object).with_card_data()[:5]
        context["press_releases"] = PressRelease.objects.published().filter(practices=self.object)[:5]
        context["share_url"] = self.request.build_absolute_uri(self.object.get_absolute_url())
        user = self.request.user
        context["is_saved"] = user.is_authenticated and self.object.saved_by.filter(user=user).exists()
        return context
