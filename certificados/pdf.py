"""The certificate PDF, drawn with reportlab.

``render_certificate_pdf(certificate) -> bytes`` reads the certificate's snapshots
and its template and returns one page: embedded DejaVu fonts (accents, ñ and the
apostrophes of K'iche' names), the QR code drawn as vector paths (segno), and
every text escaped, so names with markup print literally.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import segno
from django.utils import formats
from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

FONTS = Path(__file__).resolve().parent / "fonts"
# Three fonts only: each embedded (subset) font costs about 1.5 ms per render.
SERIF, SERIF_BOLD, SANS = "CertSerif", "CertSerif-Bold", "CertSans"
INK = HexColor("#1B1F24")
MUTED = HexColor("#4A5561")


@lru_cache(maxsize=1)
def register_fonts() -> None:
    for name, filename in (
        (SERIF, "DejaVuSerif.ttf"),
        (SERIF_BOLD, "DejaVuSerif-Bold.ttf"),
        (SANS, "DejaVuSans.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / filename)))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD)


@lru_cache(maxsize=32)
def _image_reader(path: str, mtime: float) -> ImageReader:
    return ImageReader(path)


def image_reader(image) -> ImageReader | None:
    """A cached reader for a Wagtail image (None when missing or unreadable)."""
    if image is None or not image.file:
        return None
    try:
        path = image.file.path
        return _image_reader(path, Path(path).stat().st_mtime)
    except (OSError, NotImplementedError, ValueError):
        return None


def format_date(value) -> str:
    # Non-breaking spaces: a date never wraps in the middle.
    return formats.date_format(value, "j \\d\\e F \\d\\e Y").replace(" ", "\u00a0")


def body_markup(template_body: str, certificate) -> str:
    """The template's text with its placeholders filled in, as Paragraph markup:
    every value is escaped first, then the holder's name is emphasised."""
    values = {
        "nombre": f"<b>{escape(certificate.holder_name)}</b>",
        "curso": f"<b>{escape(certificate.course_title)}</b>",
        "horas": escape(str(certificate.hours)),
        "fecha": escape(format_date(certificate.completed_on)),
        "edicion": escape(certificate.cohort_name or "modalidad autodirigida"),
    }
    text = escape(template_body)
    for key, value in values.items():
        text = text.replace(f"{{{key}}}", value)
    return text


def _fit_paragraph(
    text: str,
    font_name: str,
    width: float,
    height: float,
    size: float,
    min_size: float,
    leading: float = 1.3,
) -> Paragraph:
    """A centred paragraph at the largest size (down to ``min_size``) that fits."""
    while True:
        style = ParagraphStyle(
            "fit",
            fontName=font_name,
            fontSize=size,
            leading=size * leading,
            alignment=TA_CENTER,
            textColor=INK,
        )
        paragraph = Paragraph(text, style)
        _, needed = paragraph.wrap(width, height)
        if needed <= height or size <= min_size:
            return paragraph
        size -= 0.5


def draw_qr(pdf: canvas.Canvas, data: str, x: float, y: float, size: float) -> None:
    """The QR code as filled vector rectangles (one per run of dark modules)."""
    # A fixed mask skips segno's evaluation of all eight (most of the render
    # time); any mask gives a valid code, and the tests decode it with zxing.
    qr = segno.make(data, error="m", mask=2)
    rows = [list(row) for row in qr.matrix_iter(scale=1, border=0)]
    module = size / len(rows)
    path = pdf.beginPath()
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(
                    x + start * module,
                    y + size - (r + 1) * module,
                    (c - start) * module,
                    module,
                )
            else:
                c += 1
    pdf.saveState()
    pdf.setFillColor(white)
    pdf.rect(
        x - 2 * module,
        y - 2 * module,
        size + 4 * module,
        size + 4 * module,
        stroke=0,
        fill=1,
    )
    pdf.setFillColor(INK)
    pdf.drawPath(path, stroke=0, fill=1)
    pdf.restoreState()


def _draw_frame(pdf, width, height, accent):
    pdf.setStrokeColor(accent)
    pdf.setLineWidth(3)
    pdf.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    pdf.setLineWidth(0.8)
    pdf.rect(13 * mm, 13 * mm, width - 26 * mm, height - 26 * mm)


def _draw_signatories(pdf, signatories, width, baseline):
    if not signatories:
        return
    # Signatures share the width left of the QR code's column.
    slot = (width - 110 * mm) / len(signatories)
    for index, signatory in enumerate(signatories):
        centre = 35 * mm + slot * index + slot / 2
        reader = image_reader(signatory.signature)
        if reader:
            w, h = reader.getSize()
            draw_h = 16 * mm
            draw_w = min(w * draw_h / h, slot - 10 * mm)
            pdf.drawImage(
                reader,
                centre - draw_w / 2,
                baseline + 2 * mm,
                draw_w,
                draw_h,
                mask="auto",
                preserveAspectRatio=True,
            )
        pdf.setStrokeColor(MUTED)
        pdf.setLineWidth(0.6)
        pdf.line(centre - 28 * mm, baseline, centre + 28 * mm, baseline)
        pdf.setFillColor(INK)
        pdf.setFont(SERIF_BOLD, 9.5)
        pdf.drawCentredString(centre, baseline - 5 * mm, signatory.name[:60])
        pdf.setFont(SANS, 8.5)
        pdf.setFillColor(MUTED)
        pdf.drawCentredString(centre, baseline - 9.5 * mm, signatory.post[:80])


def _draw_name(pdf, name: str, width: float, top: float) -> float:
    """The holder's name, as large as fits in two lines; returns its bottom."""
    box_width, box_height = width - 80 * mm, 26 * mm
    paragraph = _fit_paragraph(
        f"<b>{escape(name)}</b>",
        SERIF,
        box_width,
        box_height,
        size=30,
        min_size=12,
        leading=1.15,
    )
    _, used = paragraph.wrap(box_width, box_height)
    paragraph.drawOn(pdf, 40 * mm, top - used)
    return top - used


def render_certificate_pdf(certificate) -> bytes:
    """One page, fonts embedded, QR code to the public verification URL."""
    from .models import CertificateTemplate

    register_fonts()
    template = certificate.template or CertificateTemplate()
    signatories = list(template.signatories.all())[:3]
    portrait = template.orientation == CertificateTemplate.Orientation.PORTRAIT
    width, height = A4 if portrait else landscape(A4)
    accent = HexColor(template.accent_color or "#0B3D6E")

    buffer = io.BytesIO()
    pdf = canvas.Canvas(
        buffer, pagesize=(width, height), pageCompression=1, initialFontName=SANS
    )
    pdf.setTitle(f"{template.title} · {certificate.holder_name}")
    pdf.setAuthor("Instituto de Fomento Municipal (INFOM)")
    pdf.setSubject(certificate.course_title)

    background = image_reader(template.background)
    if background:
        pdf.drawImage(background, 0, 0, width, height)
    _draw_frame(pdf, width, height, accent)
    pdf.setFillColor(accent)
    pdf.rect(13 * mm, height - 19 * mm, width - 26 * mm, 6 * mm, stroke=0, fill=1)

    top = height - 27 * mm
    logo = image_reader(template.logo)
    if logo:
        w, h = logo.getSize()
        draw_h = 16 * mm
        draw_w = w * draw_h / h
        pdf.drawImage(
            logo, (width - draw_w) / 2, top - draw_h, draw_w, draw_h, mask="auto"
        )
        top -= draw_h + 3 * mm
    pdf.setFillColor(MUTED)
    pdf.setFont(SERIF_BOLD, 10.5)
    pdf.drawCentredString(width / 2, top - 4 * mm, "INSTITUTO DE FOMENTO MUNICIPAL")
    pdf.setFont(SANS, 8.5)
    pdf.drawCentredString(
        width / 2, top - 8.5 * mm, "República de Guatemala · Gobierno Abierto"
    )

    pdf.setFillColor(accent)
    pdf.setFont(SERIF_BOLD, 36 if not portrait else 30)
    pdf.drawCentredString(width / 2, top - 25 * mm, template.title.upper()[:40])
    pdf.setFillColor(MUTED)
    pdf.setFont(SERIF, 11.5)
    pdf.drawCentredString(width / 2, top - 33 * mm, "otorgado a")
    name_bottom = _draw_name(pdf, certificate.holder_name, width, top - 37 * mm)
    pdf.setStrokeColor(accent)
    pdf.setLineWidth(1)
    pdf.line(
        width / 2 - 55 * mm,
        name_bottom - 3 * mm,
        width / 2 + 55 * mm,
        name_bottom - 3 * mm,
    )

    signature_baseline = 52 * mm if not portrait else 62 * mm
    body_top = name_bottom - 7 * mm
    body_bottom = signature_baseline + (24 * mm if signatories else 8 * mm)
    body_width = width - 80 * mm
    paragraph = _fit_paragraph(
        body_markup(template.body, certificate),
        SERIF,
        body_width,
        body_top - body_bottom,
        size=14,
        min_size=8,
    )
    _, used = paragraph.wrap(body_width, body_top - body_bottom)
    space = body_top - body_bottom - used
    paragraph.drawOn(pdf, 40 * mm, body_top - used - space / 3)

    _draw_signatories(pdf, signatories, width, signature_baseline)

    qr_size = 22 * mm
    qr_x, qr_y = width - 21 * mm - qr_size, 19 * mm
    draw_qr(pdf, certificate.verification_url, qr_x, qr_y, qr_size)
    pdf.setFont(SANS, 7)
    pdf.setFillColor(MUTED)
    pdf.drawRightString(qr_x - 3 * mm, qr_y + 11 * mm, "Verifique la autenticidad en:")
    pdf.drawRightString(qr_x - 3 * mm, qr_y + 7.5 * mm, certificate.verification_url)
    pdf.setFont(SERIF_BOLD, 8)
    pdf.drawRightString(
        qr_x - 3 * mm, qr_y + 3 * mm, f"Código: {certificate.display_code}"
    )

    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
