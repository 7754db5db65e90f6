"""PDFs with Kyrgyz, Russian and English text, drawn with fpdf2 and the DejaVu fonts shipped in portal/fonts."""

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"


def new_pdf(orientation="portrait") -> FPDF:
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_font(FONT, size=12)
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def text_document(title: str, lines: list[str], language: str = "") -> bytes:
    """A plain document: a title, then the lines as paragraphs (long ones wrap, more pages as needed)."""
    pdf = new_pdf()
    pdf.set_title(title)
    if language:
        pdf.set_lang(language)
    pdf.set_margins(22, 22, 22)
    pdf.add_page()
    pdf.set_font(FONT, "B", 17)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT, "", 11.5)
    for line in lines:
        pdf.multi_cell(0, 6.2, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
    return bytes(pdf.output())
