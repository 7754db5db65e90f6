"""Smaller copies of uploaded photos, so a phone downloads a few dozen kilobytes, not the original."""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Widths of the copies: a card or a phone screen, and a desktop lightbox.
RENDITION_WIDTHS = {"thumbnail": 480, "large": 1280}
# A 100-megapixel "photo" is a decompression bomb, not a photo.
MAX_PIXELS = 60_000_000


def make_rendition(field_file, width: int) -> ContentFile:
    """A WebP copy of the image in ``field_file`` at most ``width`` pixels wide, EXIF orientation applied."""
    field_file.open("rb")
    try:
        with Image.open(field_file) as original:
            if original.width * original.height > MAX_PIXELS:
                raise ValueError("image too large")
            image = ImageOps.exif_transpose(original)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            if image.width > width:
                image.thumbnail((width, width * 10), Image.Resampling.LANCZOS)
            buffer = BytesIO()
            image.save(buffer, "WEBP", quality=80, method=4)
    finally:
        field_file.close()
    return ContentFile(buffer.getvalue())


def validate_image(field_file):
    """A model-field validator: the file decodes as an image of at most MAX_PIXELS pixels."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    try:
        field_file.open("rb")
        with Image.open(field_file) as image:
            width, height = image.size
            image.verify()
        field_file.seek(0)  # the upload is read again when it is stored
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not a picture that can be read (JPEG, PNG or WebP).")) from None
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("The picture is too large: at most %(megapixels)d megapixels.") % {"megapixels": MAX_PIXELS // 1_000_000}
        )
