"""The course certificate as a one-page landscape PDF, in the language of the page it is downloaded from."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.pdf import FONT, new_pdf

INK = (33, 37, 41)
ACCENT = (11, 79, 138)


def certificate_pdf(certificate, check_url, language) -> bytes:
    pdf = new_pdf("landscape")
    pdf.set_lang(language)
    pdf.set_title(_("Certificate") + f" {certificate.code}")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = pdf.w
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, width - 20, pdf.h - 20)
    pdf.set_line_width(0.3)
    pdf.rect(13, 13, width - 26, pdf.h - 26)

    def line(text, size, style="", height=None, colour=INK, space_after=0):
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(*colour)
        pdf.set_x(25)
        pdf.multi_cell(width - 50, height or size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space_after)

    pdf.set_y(30)
    line(_("LSG Best Practice Portal"), 14, colour=ACCENT, space_after=6)
    line(_("Certificate"), 34, "B", colour=ACCENT, space_after=8)
    line(_("This certifies that"), 14, space_after=3)
    line(certificate.full_name, 26, "B", space_after=5)
    line(_("has completed the course"), 14, space_after=3)
    line(certificate.course.title, 20, "B", space_after=3)
    count, minutes = certificate.lesson_count, certificate.minutes
    lessons = ngettext("%(count)d video lesson", "%(count)d video lessons", count) % {"count": count}
    duration = ngettext("%(minutes)d minute", "%(minutes)d minutes", minutes) % {"minutes": minutes}
    line(f"{lessons} · {duration}", 12, space_after=10)
    line(date_format(certificate.issued_on, "DATE_FORMAT"), 13, space_after=12)
    line(_("Verification code: %(code)s") % {"code": certificate.code}, 12, "B")
    line(_("Check it at %(url)s") % {"url": check_url}, 10)
    return bytes(pdf.output())
