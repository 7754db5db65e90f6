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


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with a title and lines of Latin text in Helvetica (PDF's built-in font)."""
    commands = ["BT", "/F1 20 Tf", "72 770 Td", f"({_pdf_escape(title)}) Tj", "/F1 12 Tf", "0 -34 Td", "16 TL"]
    for line in lines:
        commands.append(f"({_pdf_escape(line)}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return output.getvalue()
