from django.db.models import F
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from curation.links import collections_for
from library.filters import LibraryFilter, build_library_facets
from library.models import LibraryDocument, LibraryFile
from practices.views import _query_without


class LibraryListView(ListView):
    template_name = "library/document_list.html"
    extra_context = {"section": "library"}
    context_object_name = "documents"
    paginate_by = 12

    def get_filterset(self):
        if not hasattr(self, "_filterset"):
            self._filterset = LibraryFilter(self.request.GET or None, queryset=LibraryDocument.objects.published())
        return self._filterset

    def get_queryset(self):
        return self.get_filterset().sorted_queryset().with_card_data()

    def get_context_data(self, **kwargs):
        filterset = self.get_filterset()
        kwargs.update(
            filterset=filterset,
            facets=build_library_facets(filterset),
            active_filters=filterset.active,
            ignored_filters=filterset.ignored if filterset.is_bound else [],
            query_without_page=_query_without(self.request.GET, "page"),
            audience_collections=collections_for(filterset.active.get("audience")),
        )
        return super().get_context_data(**kwargs)


class LibraryDetailView(DetailView):
    template_name = "library/document_detail.html"
    extra_context = {"section": "library"}
    context_object_name = "document"

    def get_queryset(self):
        documents = LibraryDocument.objects.all()
        if not self.request.user.has_perm("library.change_librarydocument"):
            documents = documents.published()  # editors preview drafts at the public address
        return documents.select_related("publisher").prefetch_related("files", "sectors", "audiences", "tags")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        # The reader's language first, then the others in the portal's order.
        context["files"] = sorted(self.object.files.all(), key=lambda file: file.language != language)
        context["collections"] = self.object.collections.published()
        return context


def download(request, slug, language):
    """Count the download, then hand the file over from wherever the storage keeps it."""
    file = get_object_or_404(
        LibraryFile.objects.filter(document__is_published=True), document__slug=slug, language=language
    )
    LibraryFile.objects.filter(pk=file.pk).update(download_count=F("download_count") + 1)
    return HttpResponseRedirect(file.file.url)
