"""Collections linked from audiences: a list filtered by an audience points to what was gathered for it."""

from curation.models import Collection


def collections_for(audience):
    return list(Collection.objects.published().filter(audiences=audience)) if audience else []
