"""Smaller copies of uploaded photos, so a phone downloads a few dozen kilobytes, not the original."""

from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from practices.uploads import (
    upright,
    validate_image,  # noqa: F401 (migration 0005 names it here)
)

# Widths of the copies: a card or a phone screen, and a desktop lightbox.
RENDITION_WIDTHS = {"thumbnail": 480, "large": 1280}


def make_rendition(field_file, width: int) -> ContentFile:
    """A WebP copy of the image in ``field_file`` at most ``width`` pixels wide, EXIF orientation applied."""
    field_file.open("rb")
    try:
        with Image.open(field_file) as original:
            if original.width * original.height > settings.MAX_IMAGE_PIXELS:
                raise ValueError("image too large")
            image = upright(original)
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            if image.width > width:
                image.thumbnail((width, width * 10), Image.Resampling.LANCZOS)
            buffer = BytesIO()
            image.save(buffer, "WEBP", quality=80, method=4)
    finally:
        field_file.close()
    return ContentFile(buffer.getvalue())
