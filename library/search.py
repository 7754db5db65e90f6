"""How a library document reads in site search."""

from library.models import LibraryDocument
from portal.search.indexing import Indexer, register


def _row(document):
    publisher = document.publisher.name if document.publisher else ""
    return {
        "title": document.title or "",
        "summary": document.summary or "",
        "keywords": " ".join(
            filter(
                None,
                [
                    document.get_kind_display(),
                    publisher,
                    " ".join(tag.name for tag in document.tags.all()),
                    " ".join(sector.name for sector in document.sectors.all()),
                ],
            )
        ),
    }


LIBRARY_DOCUMENTS = register(
    Indexer(
        kind="librarydocument",
        code=4,
        model=LibraryDocument,
        url_name="library:detail",
        queryset=lambda: LibraryDocument.objects.select_related("publisher").prefetch_related("sectors", "tags"),
        row=_row,
        is_public=lambda document: document.is_published,
        sectors=lambda document: document.sectors.all(),
    )
)
