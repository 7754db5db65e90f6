"""Checks for the files people upload: pictures are decoded by Pillow and re-encoded without their
metadata; documents are recognised by their content, never by their name.

The same checks serve the editors' admin and the proposals of municipal users, so a renamed program
cannot reach the portal's storage through either door.
"""

import posixpath
import secrets
import zipfile
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

# Pillow format -> the extension the stored copy gets.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

# What a municipal user may attach to a proposal: the formats everyone can open.
PROPOSAL_DOCUMENT_KINDS = ("pdf", "docx", "xlsx", "pptx", "odt")
# Editors may also attach the older office formats that partners still send.
EDITOR_DOCUMENT_KINDS = PROPOSAL_DOCUMENT_KINDS + ("ods", "odp", "doc", "xls")

_OPEN_DOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
# Office Open XML packages differ by the folder of their main part.
_OFFICE_OPEN_XML_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc and .xls


def _check_size(uploaded, megabytes):
    if uploaded.size > megabytes * 1024 * 1024:
        raise ValidationError(
            _("The file is too large (%(size)s MB): at most %(limit)d MB.")
            % {"size": f"{uploaded.size / 1024 / 1024:.1f}", "limit": megabytes},
            code="too_large",
        )


def _open_picture(uploaded):
    """The decoded picture, or a ValidationError that says what is wrong with the file."""
    not_a_picture = ValidationError(
        _("This file is not a picture the portal can read. Upload a JPEG, PNG or WebP photo."), code="not_image"
    )
    limit = settings.MAX_IMAGE_PIXELS
    too_large = ValidationError(
        _("The picture is too large: at most %(megapixels)d megapixels.") % {"megapixels": limit // 1_000_000},
        code="too_many_pixels",
    )
    uploaded.seek(0)
    try:
        image = Image.open(uploaded)
    except Image.DecompressionBombError:
        raise too_large from None
    except (OSError, SyntaxError, ValueError):
        raise not_a_picture from None
    # The size comes from the header: a bomb is refused before a single pixel is decompressed.
    if image.width * image.height > limit:
        raise too_large
    if image.format not in IMAGE_FORMATS:
        raise not_a_picture
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_a_picture from None
    return image


def _already_stored(field_file):
    """A file saved earlier was checked when it was uploaded; re-reading it on every admin save of the
    practice would cost a storage round trip per file (and it may no longer be open)."""
    return isinstance(field_file, FieldFile) and field_file._committed


def validate_image(field_file):
    """A model-field validator: the file is a JPEG, PNG or WebP picture of a sensible size."""
    if _already_stored(field_file):
        return
    _check_size(field_file, settings.MAX_IMAGE_MEGABYTES)
    with _open_picture(field_file):
        pass
    field_file.seek(0)  # the upload is read again when it is stored


def reencoded_image(uploaded) -> ContentFile:
    """A clean copy of an uploaded picture: pixels only, turned upright, without EXIF (GPS position,
    camera serial number) or any other metadata, and without whatever bytes were hidden after them."""
    validate_image(uploaded)
    with _open_picture(uploaded) as original:
        image_format = original.format
        image = upright(original)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = BytesIO()
        options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {"optimize": True}
        # The colour profile is kept (phone photos are often Display P3); it says nothing about anyone.
        if original.info.get("icc_profile"):
            options["icc_profile"] = original.info["icc_profile"]
        image.save(buffer, image_format, **options)
    stem = posixpath.splitext(posixpath.basename(uploaded.name or "picture"))[0]
    return ContentFile(buffer.getvalue(), name=f"{get_valid_filename(stem) or 'picture'}.{IMAGE_FORMATS[image_format]}")


def upright(image):
    """The picture turned as its EXIF orientation says; as it is when that EXIF is damaged."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # Pillow raises TypeError, struct.error, SyntaxError... on broken EXIF
        return image


def document_kind(uploaded):
    """ "pdf", "docx", "odt"...: what the file's content is, or None when it is none of the known kinds."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_OLE_SIGNATURE):
        # Word and Excel 97 files share the container; their name tells which one it claims to be.
        extension = posixpath.splitext(uploaded.name or "")[1].lower().lstrip(".")
        return extension if extension in ("doc", "xls") else None
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(uploaded) as package:
                names = package.namelist()
                if "mimetype" in names:
                    # At most a line: a "mimetype" entry that unpacks to gigabytes is not read.
                    with package.open("mimetype") as entry:
                        return _OPEN_DOCUMENT_TYPES.get(entry.read(100).strip())
                if "[Content_Types].xml" in names:
                    for folder, kind in _OFFICE_OPEN_XML_FOLDERS.items():
                        if any(name.startswith(folder) for name in names):
                            return kind
        except Exception:  # a damaged, encrypted or exotic archive is simply not a document we accept
            return None
        finally:
            uploaded.seek(0)
    return None


def checked_document(uploaded, allowed_kinds):
    """The document's kind after checking its size and content; its name must end in that kind."""
    _check_size(uploaded, settings.MAX_DOCUMENT_MEGABYTES)
    kind = document_kind(uploaded)
    if kind not in allowed_kinds:
        raise ValidationError(
            _("This file is not a %(kinds)s document. The portal checks what a file contains, not its name.")
            % {"kinds": ", ".join(k.upper() for k in allowed_kinds)},
            code="document_type",
        )
    return kind


def named_for_kind(uploaded, kind):
    """The upload's name with the extension of what it really is (a PDF called "report.doc" -> "report.pdf")."""
    stem = posixpath.splitext(posixpath.basename(uploaded.name or "document"))[0]
    return f"{get_valid_filename(stem) or 'document'}.{kind}"


def validate_editor_document(field_file):
    """A model-field validator for documents attached in the admin."""
    validate_document(field_file, EDITOR_DOCUMENT_KINDS)


def validate_document(field_file, allowed_kinds):
    """A new upload is one of ``allowed_kinds`` by its content, and its name says so."""
    if _already_stored(field_file):
        return
    kind = checked_document(field_file, allowed_kinds)
    extension = posixpath.splitext(field_file.name)[1].lower().lstrip(".")
    if extension != kind:
        raise ValidationError(
            _("This file is a %(kind)s document but its name ends in .%(extension)s: rename it and upload it again.")
            % {"kind": kind.upper(), "extension": extension},
            code="document_name",
        )


def unguessable_path(*folders, filename):
    """<folders>/<random>/<file name>: recognisable in the storage bucket, not guessable (media are public,
    and a draft's files must not be found from its slug and a likely file name), and downloaded under the
    name the file was uploaded with."""
    return posixpath.join(*folders, secrets.token_hex(6), get_valid_filename(filename))
