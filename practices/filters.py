"""The catalogue's filters and the facet counts shown beside them.

Every filter is a plain GET parameter holding a slug or a number, so a filtered list can be bookmarked
and shared. A value that does not exist (``?region=abc``) is ignored, never an error.
"""

import django_filters
from django import forms
from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.facets import Facet, FacetedFilterSet, FacetOption, record_facet, tag_facet, value_facet
from portal.models import District, Municipality, Project, Region
from practices.models import Audience, Country, Practice, PracticeTag, Sector


def display_title():
    """The title a reader of this page sees: their language first, then the fallback order ru, ky, en."""
    language = get_language()
    return Coalesce(
        NullIf(f"title_{language}", Value("")),
        NullIf("title_ru", Value("")),
        NullIf("title_ky", Value("")),
        "title_en",
        output_field=CharField(),
    )


class PracticeFilter(FacetedFilterSet):
    q = django_filters.CharFilter(label=_("Keywords"), method="filter_keywords")
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), field_name="municipality__region", to_field_name="slug", queryset=Region.objects.all()
    )
    district = django_filters.ModelChoiceFilter(
        label=_("District"), field_name="municipality__district", to_field_name="slug", queryset=District.objects.all()
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"), field_name="municipality", to_field_name="slug", queryset=Municipality.objects.all()
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), field_name="sectors", to_field_name="slug", queryset=Sector.objects.all()
    )
    audience = django_filters.ModelChoiceFilter(
        label=_("Audience"), field_name="audiences", to_field_name="slug", queryset=Audience.objects.all()
    )
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="year", min_value=1991, max_value=2100, widget=forms.NumberInput
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Project"), field_name="project", to_field_name="slug", queryset=Project.objects.all()
    )
    tag = django_filters.ModelChoiceFilter(
        label=_("Tag"), field_name="tags", to_field_name="slug", queryset=PracticeTag.objects.all()
    )
    budget = django_filters.ChoiceFilter(
        label=_("Budget figures"),
        choices=[("yes", _("With budget figures")), ("no", _("Without budget figures"))],
        method="filter_budget",
    )
    origin = django_filters.ChoiceFilter(
        label=_("Origin"),
        choices=[("domestic", _("Kyrgyzstan")), ("foreign", _("Other countries"))],
        method="filter_origin",
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("newest", _("Newest first")), ("replicated", _("Most replicated")), ("title", _("A–Z"))],
        method="sort_queryset",
        empty_label=None,
    )

    class Meta:
        model = Practice
        fields = []

    search_kind = "practice"
    # Filters that facets are counted for, in the order the page shows them.
    FACETS = ("sector", "region", "district", "municipality", "audience", "year", "project", "tag", "budget", "origin")

    def filter_budget(self, queryset, name, value):
        return queryset.with_budget() if value == "yes" else queryset.filter(total_cost__isnull=True)

    def filter_origin(self, queryset, name, value):
        return queryset.domestic() if value == "domestic" else queryset.foreign()

    def sorted_queryset(self):
        queryset = self.qs  # validates the form, so cleaned_data holds whatever was understood
        sort = self.form.cleaned_data.get("sort") if self.is_bound else None
        if sort == "replicated":
            return queryset.with_replication_count().order_by("-replication_count", "-published_at", "-pk")
        if sort == "title":
            return queryset.annotate(display_title=display_title()).order_by("display_title", "pk")
        return queryset.order_by("-published_at", "-pk")


def build_facets(filterset, tag_limit=25):
    """Each facet with its options and how many practices each option would leave, one query per facet."""
    facets = [
        record_facet(filterset, name, lookup, model, by_label=name in ("district", "municipality"))
        for name, lookup, model in (
            ("sector", "sectors", Sector),
            ("region", "municipality__region", Region),
            ("district", "municipality__district", District),
            ("municipality", "municipality", Municipality),
            ("audience", "audiences", Audience),
            ("project", "project", Project),
        )
    ]
    facets.append(value_facet(filterset, "year", "year", newest_first=True))
    facets.append(tag_facet(filterset, "tag", "tags", PracticeTag, tag_limit))
    active = filterset.active
    for name, yes, no in (
        ("budget", Q(total_cost__isnull=False), Q(total_cost__isnull=True)),
        ("origin", Q(country=Country.KYRGYZSTAN), ~Q(country=Country.KYRGYZSTAN)),
    ):
        counts = filterset.queryset_without(name).aggregate(
            first=Count("pk", filter=yes), second=Count("pk", filter=no)
        )
        choices = filterset.filters[name].extra["choices"]
        facets.append(
            Facet(
                name,
                filterset.filters[name].label,
                [
                    FacetOption(value, str(label), counts[key], value == active.get(name))
                    for (value, label), key in zip(choices, ("first", "second"), strict=True)
                    if counts[key]
                ],
            )
        )

    order = {name: index for index, name in enumerate(PracticeFilter.FACETS)}
    return sorted(facets, key=lambda facet: order[facet.name])
