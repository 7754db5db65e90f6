"""A filter shown as a list of links with counts: the catalogue's facets and the search page's filters."""

from dataclasses import dataclass, field


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
