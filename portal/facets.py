"""A filter shown as a list of links with counts: the catalogue's facets and the search page's filters."""

from dataclasses import dataclass, field

import django_filters
from django.db.models import Count
from django.utils.translation import get_language


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self):
        return next((option for option in self.options if option.selected), None)


class FacetedFilterSet(django_filters.FilterSet):
    """A filter set whose every filter is also a facet: the list counts, for each option, what the
    selection would hold with that option chosen instead. ``search_kind`` names the site-search kind
    that its keywords filter (``q``) searches."""

    search_kind = ""

    def filter_keywords(self, queryset, name, value):
        """The same search as the site's search box, limited to this list's kind of record."""
        from portal.search.service import matching_record_ids

        # Facet counts filter the selection again and again: search once per request.
        if getattr(self, "_keyword_ids", (None,))[0] != value:
            self._keyword_ids = (value, matching_record_ids(self.search_kind, value, get_language()))
        ids = self._keyword_ids[1]
        return queryset if ids is None else queryset.filter(pk__in=ids)

    def sort_queryset(self, queryset, name, value):
        return queryset  # applied last, by sorted_queryset(), so that the facet counts need not sort

    @property
    def active(self):
        """The filters the reader chose that the portal understood: {name: value}."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {
            name: value for name, value in self.form.cleaned_data.items() if name != "sort" and value not in (None, "")
        }

    @property
    def ignored(self):
        """Names of parameters whose values could not be understood (shown as a gentle note)."""
        self.form.is_valid()
        return sorted(self.form.errors)

    def queryset_without(self, excluded):
        """The selection with every active filter except one: what that facet's counts are taken over."""
        queryset = self.queryset
        for name, value in self.active.items():
            if name != excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def counts_by(self, name, lookup):
        """{value: records} for one facet, over the selection without that facet's own filter.

        Plain COUNT, not COUNT(DISTINCT): every filter matches one value, so no join repeats a record, and
        the database can hash-aggregate instead of sorting (several times faster on 10,000 rows)."""
        rows = self.queryset_without(name).order_by().values_list(lookup).annotate(n=Count("pk"))
        return {key: n for key, n in rows if key is not None}


def _chosen(filterset, name):
    value = filterset.active.get(name)
    return getattr(value, "slug", value)


def record_facet(filterset, name, lookup, model, by_label=False):
    """A facet over related records (sectors, regions...), each option a record's slug and name."""
    counts = filterset.counts_by(name, lookup)
    records = model.objects.filter(pk__in=counts) if counts else model.objects.none()
    chosen = _chosen(filterset, name)
    options = [FacetOption(r.slug, str(r), counts[r.pk], r.slug == chosen) for r in records]
    if by_label:
        options.sort(key=lambda option: option.label)
    return Facet(name, filterset.filters[name].label, options)


def value_facet(filterset, name, lookup, labels=None, newest_first=False):
    """A facet over a field's own values (a year, a kind); ``labels`` names coded values."""
    counts = filterset.counts_by(name, lookup)
    chosen = _chosen(filterset, name)
    values = sorted(counts, reverse=newest_first) if labels is None else [v for v in labels if v in counts]
    return Facet(
        name,
        filterset.filters[name].label,
        [FacetOption(str(v), str(labels[v]) if labels else str(v), counts[v], str(v) == str(chosen)) for v in values],
    )


def tag_facet(filterset, name, lookup, tag_model, limit):
    """The most used tags of the selection; only tags written in the page's language (or in none)
    compete for the places in the list."""
    rows = (
        filterset.queryset_without(name)
        .filter(**{f"{lookup}__language__in": ("", get_language())})
        .order_by()
        .values_list(lookup)
        .annotate(n=Count("pk"))
    )
    counts = {key: n for key, n in rows if key is not None}
    top = sorted(counts.items(), key=lambda item: -item[1])[:limit]
    tags = {t.pk: t for t in tag_model.objects.filter(pk__in=[pk for pk, _n in top])}
    chosen = _chosen(filterset, name)
    options = [FacetOption(tags[pk].slug, tags[pk].name, n, tags[pk].slug == chosen) for pk, n in top]
    return Facet(name, filterset.filters[name].label, options)


class FacetedListMixin:
    """A list view over a FacetedFilterSet: the filters, their facets and the notes the page shows."""

    filterset_class = None
    build_facets = None  # (filterset) -> [Facet]

    def get_filterset(self):
        if not hasattr(self, "_filterset"):
            self._filterset = self.filterset_class(self.request.GET or None, queryset=self.base_queryset())
        return self._filterset

    def get_context_data(self, **kwargs):
        from curation.links import collections_for

        filterset = self.get_filterset()
        kwargs.update(
            filterset=filterset,
            facets=type(self).build_facets(filterset),
            active_filters=filterset.active,
            ignored_filters=filterset.ignored if filterset.is_bound else [],
            query_without_page=query_without(self.request.GET, "page", "format"),
            audience_collections=collections_for(filterset.active.get("audience")),
        )
        return super().get_context_data(**kwargs)


def query_without(query, *names):
    query = query.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
