"""Small files the sample content attaches to its practices, made on the spot (no binary files in the repo)."""

from io import BytesIO

from PIL import Image, ImageDraw


def budget_chart(total: int, own: int) -> bytes:
    """A PNG bar: the whole cost, with the municipalities' own share in a second colour."""
    width, height = 1600, 900
    image = Image.new("RGB", (width, height), "#f4f6f9")
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 160, width - 160, 260, 640
    own_right = left + round((right - left) * own / total)
    draw.rounded_rectangle([left, top, right, bottom], radius=24, fill="#0b4f8a")
    draw.rounded_rectangle([left, top, own_right, bottom], radius=24, fill="#c8102e")
    draw.rectangle([own_right - 24, top, own_right, bottom], fill="#c8102e")
    # Ticks every 10 % under the bar.
    for step in range(11):
        x = left + (right - left) * step // 10
        draw.line([x, bottom + 30, x, bottom + 60], fill="#4a5563", width=4)
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
