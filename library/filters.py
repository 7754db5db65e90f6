"""The e-library's filters and facets: plain GET parameters, so a selection can be bookmarked."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from library.models import LibraryDocument
from portal.facets import FacetedFilterSet, record_facet, tag_facet, value_facet
from portal.models import Organization
from practices.filters import display_title
from practices.models import Audience, PracticeTag, Sector


class LibraryFilter(FacetedFilterSet):
    q = django_filters.CharFilter(label=_("Keywords"), method="filter_keywords")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LibraryDocument.Kind.choices)
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), field_name="sectors", to_field_name="slug", queryset=Sector.objects.all()
    )
    audience = django_filters.ModelChoiceFilter(
        label=_("Audience"), field_name="audiences", to_field_name="slug", queryset=Audience.objects.all()
    )
    language = django_filters.ChoiceFilter(
        label=_("Language of the file"), field_name="files__language", choices=settings.LANGUAGES
    )
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="year", min_value=1991, max_value=2100, widget=forms.NumberInput
    )
    publisher = django_filters.ModelChoiceFilter(
        label=_("Publisher"), field_name="publisher", to_field_name="slug", queryset=Organization.objects.all()
    )
    tag = django_filters.ModelChoiceFilter(
        label=_("Tag"), field_name="tags", to_field_name="slug", queryset=PracticeTag.objects.all()
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("newest", _("Newest first")), ("downloads", _("Most downloaded")), ("title", _("A–Z"))],
        method="sort_queryset",
        empty_label=None,
    )

    class Meta:
        model = LibraryDocument
        fields = []

    search_kind = "librarydocument"

    def sorted_queryset(self):
        queryset = self.qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound else None
        if sort == "downloads":
            downloads = Coalesce(Sum("files__download_count"), 0)
            return queryset.annotate(downloads=downloads).order_by("-downloads", "-pk")
        if sort == "title":
            return queryset.annotate(display_title=display_title()).order_by("display_title", "pk")
        return queryset.order_by("-year", "-pk")


def build_library_facets(filterset, tag_limit=20):
    return [
        value_facet(filterset, "kind", "kind", labels=dict(LibraryDocument.Kind.choices)),
        record_facet(filterset, "sector", "sectors", Sector),
        record_facet(filterset, "audience", "audiences", Audience),
        value_facet(filterset, "language", "files__language", labels=dict(settings.LANGUAGES)),
        value_facet(filterset, "year", "year", newest_first=True),
        record_facet(filterset, "publisher", "publisher", Organization, by_label=True),
        tag_facet(filterset, "tag", "tags", PracticeTag, tag_limit),
    ]
