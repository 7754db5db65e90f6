from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from portal.facets import Facet, FacetOption
from portal.models import Region
from portal.search.pagination import RankedIds
from portal.search.service import SearchResults
from practices.models import Practice, Sector, published_condition

KIND_LABELS = {
    "practice": _("Practices"),
    "event": _("Events"),
    "pressrelease": _("News"),
    "librarydocument": _("Library"),
    "videolesson": _("Video lessons"),
    "course": _("Courses"),
    "collection": _("Collections"),
}
RESULTS_PER_PAGE = 10


def _topic_facet(name, label, counted, selected):
    return Facet(name, label, [FacetOption(o.slug, o.name, n, o == selected) for o, n in counted])


class SearchView(TemplateView):
    template_name = "portal/search.html"
    extra_context = {"section": "search"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        sector = Sector.objects.filter(slug=params.get("sector", "")).first() if params.get("sector") else None
        region = Region.objects.filter(slug=params.get("region", "")).first() if params.get("region") else None
        results = SearchResults(params.get("q", ""), get_language(), params.get("type", ""), sector, region)
        context.update(query=results.text.strip(), results=results, sector=sector, region=region)
        if results.is_empty_query:
            context.update(self._suggestions())
            return context
        page = Paginator(RankedIds(results), RESULTS_PER_PAGE).get_page(params.get("page"))
        if params.get("page") and str(page.number) != params.get("page"):
            raise Http404("No such page of results.")
        kind_counts = results.kind_counts()
        context.update(
            page_obj=page,
            paginator=page.paginator,
            hits=results.hits(page.object_list),
            kind_counts=kind_counts,
            kind_labels=KIND_LABELS,
            selected_kind=results.kind,
            facets=[
                Facet(
                    "type",
                    _("Type"),
                    [
                        FacetOption(kind, label, kind_counts.get(kind, 0), kind == results.kind)
                        for kind, label in KIND_LABELS.items()
                        if kind_counts.get(kind) or kind == results.kind
                    ],
                ),
                _topic_facet("sector", _("Sector"), results.sector_counts(), sector),
                _topic_facet("region", _("Region"), results.region_counts(), region),
            ],
        )
        return context

    def _suggestions(self):
        """For an empty query: the sectors with most practices and the newest practices."""
        return {
            "popular_sectors": Sector.objects.annotate(n=Count("practices", filter=published_condition("practices__")))
            .filter(n__gt=0)
            .order_by("-n")[:8],
            "recent_practices": Practice.objects.published().with_card_data()[:6],
        }
