"""How a collection reads in site search."""

from curation.models import Collection
from portal.search.indexing import Indexer, register

COLLECTIONS = register(
    Indexer(
        kind="collection",
        code=7,
        model=Collection,
        url_name="curation:detail",
        queryset=lambda: Collection.objects.prefetch_related("audiences"),
        row=lambda collection: {
            "title": collection.title or "",
            "summary": collection.intro or "",
            "keywords": " ".join(audience.name for audience in collection.audiences.all()),
        },
        is_public=lambda collection: collection.is_published,
    )
)
