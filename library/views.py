import re

from django.db.models import F
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from library.filters import LibraryFilter, build_library_facets
from library.models import LibraryDocument, LibraryFile
from portal.facets import FacetedListMixin


class LibraryListView(FacetedListMixin, ListView):
    template_name = "library/document_list.html"
    extra_context = {"section": "library"}
    context_object_name = "documents"
    paginate_by = 12
    filterset_class = LibraryFilter
    build_facets = build_library_facets

    def base_queryset(self):
        return LibraryDocument.objects.published()

    def get_queryset(self):
        return self.get_filterset().sorted_queryset().with_card_data()


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


# Link previews and crawlers that ignore robots.txt are not readers.
BOT_AGENT = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|curl|wget", re.IGNORECASE)


@require_safe
def download(request, slug, language):
    """Count the download, then hand the file over from wherever the storage keeps it."""
    files = LibraryFile.objects.all()
    may_preview = request.user.has_perm("library.change_librarydocument")
    if not may_preview:
        files = files.filter(document__is_published=True)
    file = get_object_or_404(files, document__slug=slug, language=language)
    counted = request.method == "GET" and file.document.is_published and not may_preview
    if counted and not BOT_AGENT.search(request.headers.get("User-Agent", "")):
        LibraryFile.objects.filter(pk=file.pk).update(download_count=F("download_count") + 1)
    return HttpResponseRedirect(file.file.url)
