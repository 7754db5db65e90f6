"""A cover for each library document: the editor's picture, or else the first page of a PDF.

PDF pages are drawn by Debian's pdftoppm (poppler-utils) when it is installed; without it, or for a
DOCX or a damaged PDF, the document has no thumbnail and its card shows the file type instead.
"""

import logging
import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from django.core.files import File

from library.models import LibraryFile
from practices.images import make_rendition

logger = logging.getLogger(__name__)
COVER_WIDTH = 320
PDFTOPPM_SECONDS = 20


def refresh_thumbnail(document):
    """Make (or drop) the document's thumbnail when its source has changed; returns whether one exists.

    The replaced thumbnail leaves the storage when the transaction commits (practices.file_cleanup)."""
    source, is_pdf = _source(document)
    source_name = source.name if source else ""
    if source_name == document.thumbnail_source and (document.thumbnail or not source):
        return bool(document.thumbnail)
    document.thumbnail = None
    picture = _first_page(source) if is_pdf else source
    if picture is not None:
        try:
            document.thumbnail.save(f"{document.slug}-cover.webp", make_rendition(picture, COVER_WIDTH), save=False)
        except (OSError, ValueError):
            logger.warning("No cover for library document %s: the picture cannot be read", document.pk)
    document.thumbnail_source = source_name
    document.save(update_fields=["thumbnail", "thumbnail_source"])
    return bool(document.thumbnail)


def _source(document):
    """(the file the cover is made from, whether it is a PDF); (None, False) when there is none.

    The files are read afresh, not from a prefetch: the admin calls this after its inline rows changed."""
    if document.cover:
        return document.cover, False
    pdfs = [
        file.file for file in LibraryFile.objects.filter(document=document) if file.file.name.lower().endswith(".pdf")
    ]
    return (pdfs[0], True) if pdfs else (None, False)


def _first_page(pdf_field_file):
    """The first page as a PNG File, or None when pdftoppm is missing or fails."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        pdf_path, out_stem = Path(folder, "document.pdf"), Path(folder, "page")
        # Storage API only (the file may live in S3): copy it out for the command-line tool.
        with pdf_field_file.open("rb") as source, pdf_path.open("wb") as copy:
            shutil.copyfileobj(source, copy)
        try:
            subprocess.run(
                [
                    pdftoppm,
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    "-scale-to",
                    str(COVER_WIDTH * 2),
                    pdf_path,
                    out_stem,
                ],
                check=True,
                capture_output=True,
                timeout=PDFTOPPM_SECONDS,
            )
        except (subprocess.SubprocessError, OSError):
            logger.warning("pdftoppm could not draw %s", pdf_field_file.name)
            return None
        page = out_stem.with_suffix(".png")
        return File(BytesIO(page.read_bytes()), name="page.png") if page.exists() else None
