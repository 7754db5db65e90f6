"""Shared Prefetch objects: a page that lists practices of another record uses these, not copies."""

from django.db.models import Prefetch

from practices.models import Practice


def published_practice_cards(lookup="practices", to_attr="published_practices"):
    """The published practices behind a relation, with what a practice card shows."""
    return Prefetch(lookup, queryset=Practice.objects.published().with_card_data(), to_attr=to_attr)
