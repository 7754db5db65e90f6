from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from curation.models import Collection
from events.models import Event
from lessons.models import VideoLesson
from library.models import LibraryDocument
from practices.prefetches import published_practice_cards


def collection_list(request):
    collections = Collection.objects.published().prefetch_related("audiences")
    return render(request, "curation/collection_list.html", {"section": "collections", "collections": collections})


def collection_page(request, slug):
    """Everything the collection gathers, each kind in one query, whatever the number of items."""
    collection = get_object_or_404(
        Collection.objects.published().prefetch_related(
            "audiences",
            published_practice_cards(),
            Prefetch(
                "documents",
                queryset=LibraryDocument.objects.published().with_card_data(),
                to_attr="published_documents",
            ),
            Prefetch(
                "lessons",
                queryset=VideoLesson.objects.published().order_by("created_at", "pk"),
                to_attr="published_lessons",
            ),
            Prefetch(
                "events",
                queryset=Event.objects.published().with_card_data().order_by("-starts_at"),
                to_attr="published_events",
            ),
        ),
        slug=slug,
    )
    return render(request, "curation/collection_detail.html", {"section": "collections", "collection": collection})
