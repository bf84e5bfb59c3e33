"""The certificate PDF, drawn with reportlab.

``render_certificate_pdf(certificate) -> bytes`` reads the certificate's snapshots
and its template and returns one page: embedded DejaVu fonts (accents, ñ and the
apostrophes of K'iche' names), the QR code drawn as vector paths (encoded by
zxing-cpp), and every text escaped, so names with markup print literally.
"""

from __future__ import annotations

import io
import re
import zlib
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import zxingcpp
from django.utils import formats
from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

QR_CODE = zxingcpp.BarcodeFormat.QRCode

FONTS = Path(__file__).resolve().parent / "fonts"
# Three fonts only: each embedded font adds its objects to every certificate.
SERIF, SERIF_BOLD, SANS = "CertSerif", "CertSerif-Bold", "CertSans"
INK = HexColor("#1B1F24")
MUTED = HexColor("#4A5561")


# The characters besides ASCII (which reportlab always puts in a font's first
# subset) that certificates in Spanish print, given their codes up front in
# this order in every certificate: the embedded subset of each font is then
# the same file for almost every certificate, built and compressed once per
# process (``_SubsetCachingFace``) instead of once per certificate (some
# 4 ms of the render). A character outside this list (a «ç» in a name) still
# prints: it takes the next free code and that certificate's subset is built
# as before. At most 31 characters: reportlab's codes 1 to 31.
COMMON_CHARACTERS = "áéíóúÁÉÍÓÚñÑüÜ«»¿¡“”‘’–—·ºª"


@lru_cache(maxsize=64)
def _deflate(data: bytes) -> bytes:
    return zlib.compress(data)


class _FlateOnce:
    """reportlab's FlateDecode filter (same output), remembering what it
    compressed: a font subset that every certificate embeds is compressed once
    per process. Keyed by the bytes, so different content is never mixed up."""

    pdfname = "FlateDecode"

    def encode(self, text) -> bytes:
        if isinstance(text, str):
            text = text.encode("utf8")
        return _deflate(text)


FLATE_ONCE = _FlateOnce()


class _SubsetCachingFace(TTFontFace):
    """A TrueType face that keeps the subsets it built (by their ordered
    characters, which fix the file's bytes) and has reportlab compress them
    through ``FLATE_ONCE``."""

    MAX_SUBSETS = 64

    def __init__(self, filename):
        super().__init__(filename)
        self._subsets: dict[tuple[int, ...], bytes] = {}

    def makeSubset(self, subset):  # reportlab's method
        key = tuple(subset)
        data = self._subsets.get(key)
        if data is None:
            if len(self._subsets) >= self.MAX_SUBSETS:
                self._subsets.clear()
            data = self._subsets[key] = super().makeSubset(subset)
        return data

    def addSubsetObjects(self, doc, fontname, subset):  # reportlab's method
        reference = super().addSubsetObjects(doc, fontname, subset)
        if doc.compression:
            # The font file stream, under the name reportlab registers it by.
            stream = doc.idToObject[f"fontFile:{self.filename}({fontname})"]
            stream.filters = [FLATE_ONCE]
        return reference


class _Formatted(pdfdoc.PDFObject):
    """A PDF value already formatted (bytes as reportlab writes them)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


class _CertificateFont(TTFont):
    """A TrueType font whose per-subset objects cost nothing after the first
    certificate of a process: the subset file and its compression
    (``_SubsetCachingFace``), the widths array (some 150 numbers, each
    formatted by reportlab on its own) and the compression of the ToUnicode
    map. Same bytes as reportlab writes."""

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self.face = _SubsetCachingFace(filename)
        self._widths: dict[tuple[int, ...], _Formatted] = {}

    def addObjects(self, doc):  # reportlab's method
        state = self.state.get(doc)
        subsets = [
            (self.getSubsetInternalName(n, doc)[1:], tuple(subset))
            for n, subset in enumerate(state.subsets if state else ())
        ]
        super().addObjects(doc)
        for internal_name, subset in subsets:
            font = doc.idToObject[internal_name]
            font.Widths = self._formatted_widths(subset, font.Widths, doc)
            if doc.compression:
                cmap = doc.idToObject[f"toUnicodeCMap:{font.BaseFont}"]
                cmap.filters = [FLATE_ONCE]

    def _formatted_widths(self, subset, widths, doc) -> _Formatted:
        formatted = self._widths.get(subset)
        if formatted is None:
            if len(self._widths) >= _SubsetCachingFace.MAX_SUBSETS:
                self._widths.clear()
            formatted = self._widths[subset] = _Formatted(widths.format(doc))
        return formatted


@lru_cache(maxsize=1)
def register_fonts() -> None:
    for name, filename in (
        (SERIF, "DejaVuSerif.ttf"),
        (SERIF_BOLD, "DejaVuSerif-Bold.ttf"),
        (SANS, "DejaVuSans.ttf"),
    ):
        pdfmetrics.registerFont(_CertificateFont(name, str(FONTS / filename)))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD)


def _assign_common_characters(pdf: canvas.Canvas) -> None:
    """Give ``COMMON_CHARACTERS`` their codes in each font before anything is
    drawn, so the subsets do not depend on the order a text uses them."""
    for name in (SERIF, SERIF_BOLD, SANS):
        pdfmetrics.getFont(name).splitString(COMMON_CHARACTERS, pdf._doc)


@lru_cache(maxsize=32)
def _image_reader(path: str, mtime: float) -> ImageReader:
    return ImageReader(path)


@lru_cache(maxsize=32)
def _stored_image_reader(storage, name: str, file_hash: str) -> ImageReader:
    with storage.open(name, "rb") as stored:
        return ImageReader(io.BytesIO(stored.read()))


def image_reader(image) -> ImageReader | None:
    """A cached reader for a Wagtail image (None when missing or unreadable).

    On disk the file is read by path; on object storage (S3), which has no
    path, it is read once through the storage and kept per name and hash."""
    if image is None or not image.file:
        return None
    try:
        path = image.file.path
    except NotImplementedError:
        try:
            return _stored_image_reader(
                image.file.storage, image.file.name, image.file_hash or ""
            )
        except (OSError, ValueError):
            return None
    try:
        return _image_reader(path, Path(path).stat().st_mtime)
    except (OSError, ValueError):
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


APPROVAL_TITLE = "CERTIFICADO DE APROBACIÓN"
PARTICIPATION_TITLE = "CONSTANCIA DE PARTICIPACIÓN"
PARTICIPATION_BODY = (
    "por su participación en «{curso}», con una duración de {horas} horas, en la "
    "{edicion}. Guatemala, {fecha}."
)


def is_participation(certificate) -> bool:
    return getattr(certificate, "kind", "aprobacion") == "participacion"


def certificate_title(certificate, template) -> str:
    """A constancia de participación says so; a certificate of a graded course
    says it is of approval; any other keeps the template's title."""
    if is_participation(certificate):
        return PARTICIPATION_TITLE
    if getattr(certificate, "grade", None) is not None:
        return APPROVAL_TITLE
    return template.title.upper()[:40]


def format_grade(grade) -> str:
    """86.00 → "86", 86.50 → "86.5" (Guatemala writes a decimal point)."""
    text = f"{grade:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def grade_line(certificate) -> str | None:
    """ "con una nota final de 86/100" for an approval with a grade."""
    grade = getattr(certificate, "grade", None)
    if is_participation(certificate) or grade is None:
        return None
    return f"con una nota final de {format_grade(grade)}/100"


def validity_line(certificate) -> str | None:
    """ "Válido hasta el 20 de noviembre de 2027" when the course sets a validity."""
    until = getattr(certificate, "valid_until", None)
    if until is None:
        return None
    return f"Válido hasta el {format_date(until)}"


def _fit_paragraph(
    text: str,
    font_name: str,
    width: float,
    height: float,
    size: float,
    min_size: float,
    leading: float = 1.3,
) -> Paragraph:
    """A centred paragraph at the largest size (down to ``min_size``) that
    fits, already wrapped: its ``height`` is the height it needs."""
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


def qr_modules(data: str) -> tuple[bytes, int]:
    """The QR code of ``data`` (error correction M) as one byte per module,
    row by row from the top, 0 for dark and 255 for light, and its side in
    modules. zxing-cpp encodes it in C++ (choosing the mask as the standard
    says) in less than half the time segno (pure Python) took with a fixed mask."""
    image = zxingcpp.create_barcode(data, QR_CODE, ec_level="M").to_image(
        scale=1, add_quiet_zones=False
    )
    return bytes(image), image.shape[0]


DARK_RUN = re.compile(rb"\x00+")
QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)


def draw_qr(pdf: canvas.Canvas, data: str, x: float, y: float, size: float) -> None:
    """The QR code as filled vector rectangles (one per run of dark modules)."""
    modules, count = qr_modules(data)
    module = size / count
    # In module units (one ``cm`` maps them onto the page): the path is
    # written as integers, without a float formatted per rectangle.
    runs = []
    for r in range(count):
        bottom = count - r - 1
        row = modules[r * count : (r + 1) * count]
        runs += [
            f"{run.start()} {bottom} {run.end() - run.start()} 1 re"
            for run in DARK_RUN.finditer(row)
        ]
    pdf.saveState()
    pdf.setFillColor(white)  # the quiet zone the standard asks for, over any background
    pdf.rect(
        x - QUIET_ZONE * module,
        y - QUIET_ZONE * module,
        size + 2 * QUIET_ZONE * module,
        size + 2 * QUIET_ZONE * module,
        stroke=0,
        fill=1,
    )
    pdf.setFillColor(INK)
    pdf.addLiteral(
        f"{fp_str(module, 0, 0, module, x, y)} cm\n" + "\n".join(runs) + "\nf"
    )
    pdf.restoreState()


GOLD = HexColor("#A67C1A")


def draw_emblem(pdf, cx: float, cy: float, r: float, accent) -> None:
    """A plain civic emblem (a disc with a columned municipal building), drawn
    as vector shapes. It is not INFOM's official logo: a template with a logo
    uploaded prints that instead."""
    pdf.saveState()
    pdf.setFillColor(accent)
    pdf.circle(cx, cy, r, stroke=0, fill=1)
    pdf.setStrokeColor(white)
    pdf.setLineWidth(0.7)
    pdf.circle(cx, cy, r * 0.86, stroke=1, fill=0)
    pdf.setFillColor(white)
    roof = pdf.beginPath()
    roof.moveTo(cx - 0.58 * r, cy + 0.24 * r)
    roof.lineTo(cx + 0.58 * r, cy + 0.24 * r)
    roof.lineTo(cx, cy + 0.58 * r)
    roof.close()
    pdf.drawPath(roof, stroke=0, fill=1)
    pdf.rect(cx - 0.52 * r, cy + 0.13 * r, 1.04 * r, 0.08 * r, stroke=0, fill=1)
    for n in range(4):
        x = cx - 0.42 * r + n * 0.28 * r - 0.055 * r
        pdf.rect(x, cy - 0.32 * r, 0.11 * r, 0.42 * r, stroke=0, fill=1)
    pdf.rect(cx - 0.56 * r, cy - 0.42 * r, 1.12 * r, 0.08 * r, stroke=0, fill=1)
    pdf.rect(cx - 0.64 * r, cy - 0.53 * r, 1.28 * r, 0.08 * r, stroke=0, fill=1)
    pdf.restoreState()


def _draw_frame(pdf, width, height, accent):
    """A double rule in the accent colour with a fine gold line inside, and
    small corner squares: a frame, not a band."""
    pdf.setStrokeColor(accent)
    pdf.setLineWidth(2.4)
    pdf.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    pdf.setLineWidth(0.8)
    pdf.rect(12.5 * mm, 12.5 * mm, width - 25 * mm, height - 25 * mm)
    pdf.setStrokeColor(GOLD)
    pdf.setLineWidth(0.5)
    pdf.rect(14.5 * mm, 14.5 * mm, width - 29 * mm, height - 29 * mm)
    pdf.setFillColor(accent)
    side = 3.2 * mm
    for x in (10 * mm, width - 10 * mm):
        for y in (10 * mm, height - 10 * mm):
            pdf.rect(x - side / 2, y - side / 2, side, side, stroke=0, fill=1)


SIGNATURE_IMAGE = 16 * mm  # room above each signature line for a scanned signature
SIGNATURE_TEXT = 11 * mm  # name and post below the line


def _draw_signatories(pdf, signatories, width, baseline):
    """Signature lines side by side, centred on the page."""
    if not signatories:
        return
    slot = min(80 * mm, (width - 60 * mm) / len(signatories))
    left = (width - slot * len(signatories)) / 2
    for index, signatory in enumerate(signatories):
        centre = left + slot * index + slot / 2
        reader = image_reader(signatory.signature)
        if reader:
            w, h = reader.getSize()
            draw_h = SIGNATURE_IMAGE
            draw_w = min(w * draw_h / h, slot - 10 * mm)
            pdf.drawImage(
                reader,
                centre - draw_w / 2,
                baseline + 1 * mm,
                draw_w,
                draw_h - 1 * mm,
                mask="auto",
                preserveAspectRatio=True,
            )
        half = min(30 * mm, slot / 2 - 5 * mm)
        pdf.setStrokeColor(MUTED)
        pdf.setLineWidth(0.6)
        pdf.line(centre - half, baseline, centre + half, baseline)
        pdf.setFillColor(INK)
        pdf.setFont(SERIF_BOLD, 9.5)
        pdf.drawCentredString(centre, baseline - 5 * mm, signatory.name[:60])
        pdf.setFont(SANS, 8.5)
        pdf.setFillColor(MUTED)
        pdf.drawCentredString(centre, baseline - 9.5 * mm, signatory.post[:80])


def _name_paragraph(name: str, width: float) -> Paragraph:
    """The holder's name, as large as fits in two lines."""
    return _fit_paragraph(
        f"<b>{escape(name)}</b>",
        SERIF,
        width - 80 * mm,
        26 * mm,
        size=30,
        min_size=12,
        leading=1.15,
    )


def render_certificate_pdf(certificate) -> bytes:
    """One page, fonts embedded, QR code to the public verification URL.

    Layout, top to bottom: the institution's mark and name, the title, the
    holder's name, the text, the signatures; the space left over is shared
    between the gaps, so a short text leaves no empty band. The verification
    block (QR code, URL, code) sits in the bottom right corner."""
    from .models import CertificateTemplate

    register_fonts()
    template = certificate.template or CertificateTemplate()
    signatories = list(template.signatories.all())[:3]
    portrait = template.orientation == CertificateTemplate.Orientation.PORTRAIT
    width, height = A4 if portrait else landscape(A4)
    accent = HexColor(template.accent_color or "#0B3D6E")
    text_width = width - 80 * mm

    buffer = io.BytesIO()
    pdf = canvas.Canvas(
        buffer, pagesize=(width, height), pageCompression=1, initialFontName=SANS
    )
    _assign_common_characters(pdf)
    pdf.setTitle(f"{template.title} · {certificate.holder_name}")
    pdf.setAuthor("Instituto de Fomento Municipal (INFOM)")
    pdf.setSubject(certificate.course_title)

    background = image_reader(template.background)
    if background:
        pdf.drawImage(background, 0, 0, width, height)
    _draw_frame(pdf, width, height, accent)

    # The institution's mark: the template's logo, or the drawn emblem.
    top = height - 21 * mm
    mark_h = 18 * mm
    logo = image_reader(template.logo)
    if logo:
        w, h = logo.getSize()
        draw_w = w * mark_h / h
        pdf.drawImage(
            logo, (width - draw_w) / 2, top - mark_h, draw_w, mark_h, mask="auto"
        )
    else:
        draw_emblem(pdf, width / 2, top - mark_h / 2, mark_h / 2, accent)
    top -= mark_h + 5 * mm
    pdf.setFillColor(accent)
    pdf.setFont(SERIF_BOLD, 11)
    pdf.drawCentredString(width / 2, top, "INSTITUTO DE FOMENTO MUNICIPAL")
    pdf.setFillColor(MUTED)
    pdf.setFont(SANS, 8.5)
    pdf.drawCentredString(width / 2, top - 4.5 * mm, "República de Guatemala")
    header_bottom = top - 7 * mm

    # Measure the middle block, then share the space left over between its gaps.
    title = certificate_title(certificate, template)
    title_size = 30 if portrait else 34
    title_width = pdfmetrics.stringWidth(title, SERIF_BOLD, title_size)
    if title_width > text_width:  # a long title shrinks to the text's width
        title_size = title_size * text_width / title_width
    name = _name_paragraph(certificate.holder_name, width)
    name_h = name.height  # wrapped by _fit_paragraph at this width
    signature_h = (SIGNATURE_IMAGE + SIGNATURE_TEXT) if signatories else 0
    footer_top = 46 * mm if signatories else 40 * mm  # above the QR block
    fixed = title_size * 0.9 + 12 * mm + name_h + 8 * mm + signature_h
    grade_text = grade_line(certificate)
    if grade_text:
        fixed += 9 * mm
    validity_text = validity_line(certificate)
    if validity_text:
        fixed += 7 * mm
    body_room = header_bottom - footer_top - fixed - 3 * 6 * mm
    body_text = PARTICIPATION_BODY if is_participation(certificate) else template.body
    body = _fit_paragraph(
        body_markup(body_text, certificate),
        SERIF,
        text_width,
        max(body_room, 20 * mm),
        size=14,
        min_size=8,
    )
    body_h = body.height
    spare = max(0, header_bottom - footer_top - fixed - body_h)
    gap = spare / 4  # above the title, around the text, above the footer

    y = header_bottom - gap - title_size * 0.75
    pdf.setFillColor(accent)
    pdf.setFont(SERIF_BOLD, title_size)
    pdf.drawCentredString(width / 2, y, title)
    y -= title_size * 0.15 + 8 * mm
    pdf.setFillColor(MUTED)
    pdf.setFont(SERIF, 11.5)
    pdf.drawCentredString(
        width / 2, y, "otorgada a" if is_participation(certificate) else "otorgado a"
    )
    y -= 4 * mm
    name.drawOn(pdf, 40 * mm, y - name_h)
    y -= name_h + 3 * mm
    pdf.setStrokeColor(GOLD)
    pdf.setLineWidth(1)
    pdf.line(width / 2 - 55 * mm, y, width / 2 + 55 * mm, y)
    y -= 5 * mm + gap
    body.drawOn(pdf, 40 * mm, y - body_h)
    y -= body_h
    if grade_text:
        y -= 7 * mm
        pdf.setFillColor(accent)
        pdf.setFont(SERIF_BOLD, 13)
        pdf.drawCentredString(width / 2, y, grade_text)
        y -= 2 * mm
    if validity_text:
        y -= 6 * mm
        pdf.setFillColor(MUTED)
        pdf.setFont(SERIF, 11)
        pdf.drawCentredString(width / 2, y, validity_text)
        y -= 1 * mm
    y -= gap
    if signatories:
        _draw_signatories(pdf, signatories, width, y - SIGNATURE_IMAGE)

    qr_size = 22 * mm
    qr_x, qr_y = width - 22 * mm - qr_size, 21 * mm
    url = certificate.verification_url  # a URL reverse: once, not twice
    draw_qr(pdf, url, qr_x, qr_y, qr_size)
    pdf.setFont(SANS, 7)
    pdf.setFillColor(MUTED)
    pdf.drawRightString(qr_x - 3 * mm, qr_y + 11 * mm, "Verifique la autenticidad en:")
    pdf.drawRightString(qr_x - 3 * mm, qr_y + 7.5 * mm, url)
    pdf.setFont(SERIF_BOLD, 8)
    pdf.drawRightString(
        qr_x - 3 * mm, qr_y + 3 * mm, f"Código: {certificate.display_code}"
    )

    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
