"""The PDF itself: one page, the exact name as text, fonts embedded, and a QR
code that a real decoder reads as the verification URL."""

import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from certificados.models import Certificate
from certificados.pdf import render_certificate_pdf

pytestmark = pytest.mark.django_db


def pdf_of(certificate, **changes):
    for field, value in changes.items():
        setattr(certificate, field, value)
    return render_certificate_pdf(certificate)


def text_of(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def qr_codes(pdf: bytes) -> list:
    page = pypdfium2.PdfDocument(pdf)[0]
    return zxingcpp.read_barcodes(page.render(scale=3).to_pil())


def qr_payloads(pdf: bytes) -> list[str]:
    return [result.text for result in qr_codes(pdf)]


def test_one_page_with_the_exact_name_and_fonts_embedded(completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    pdf = pdf_of(certificate)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert "María José Tzul Batz" in text_of(pdf)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]


def test_the_qr_code_decodes_to_the_verification_url(completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    url = certificate.verification_url
    assert url.startswith("http") and certificate.display_code in url
    [code] = qr_codes(pdf_of(certificate))
    assert code.text == url
    assert code.ec_level == "M"  # readable with up to 15 % of it smudged
    # Upright and not mirrored: a code drawn upside down or flipped still
    # decodes, but the reader reports it turned (-90 or 90 when flipped).
    assert code.orientation == 0


@pytest.mark.parametrize(
    "name",
    ["Ixchel K'iche' Núñez-Ordóñez", "Ana <b>Pérez</b> & <font size=40>Sic</font>"],
)
def test_names_print_literally(completed_enrollment, name):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    assert name in text_of(pdf_of(certificate, holder_name=name))


def test_a_very_long_name_still_fits_on_one_page(completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    name = " ".join(["Maximiliano Bartolomé de la Santísima Trinidad"] * 3)[:150]
    pdf = pdf_of(certificate, holder_name=name)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert " ".join(name.split()) in text_of(pdf)
    assert qr_payloads(pdf) == [certificate.verification_url]


def font_files(pdf: bytes) -> dict[str, bytes]:
    """Each embedded font's file (decompressed), by its base name."""
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    files = {}
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/FontDescriptor"].get_object()
        files[str(font["/BaseFont"])] = descriptor["/FontFile2"].get_object().get_data()
    return files


def test_certificates_share_their_font_subsets_and_a_rare_letter_still_prints(
    completed_enrollment,
):
    """The subsets are built once per process (certificados.pdf): two
    certificates with different names embed the same font files, and a name
    with a letter outside the common set gets a subset of its own, with the
    letter in it."""
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    first = pdf_of(certificate, holder_name="Ana Lucía Tzul")
    second = pdf_of(certificate, holder_name="José Ñúñez Ajú")
    assert font_files(first) == font_files(second)
    rare = "François Çoj Øxlajuj"
    third = pdf_of(certificate, holder_name=rare)
    assert rare in text_of(third)
    assert font_files(third) != font_files(first)
    assert qr_payloads(third) == [certificate.verification_url]
    assert font_files(pdf_of(certificate, holder_name="Ana Lucía Tzul")) == (
        font_files(first)
    )
