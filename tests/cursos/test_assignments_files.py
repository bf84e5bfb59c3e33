"""Uploaded files are judged by their content, not by their name."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from cursos.assignment_files import check_file, detect_kind
from tests.cursos.assignments_support import (
    JPG,
    PDF,
    PNG,
    docx_bytes,
    odt_bytes,
    upload,
)

ALL = ["pdf", "docx", "odt", "jpg", "png"]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.pdf", PDF, "pdf"),
        ("a.png", PNG, "png"),
        ("a.jpg", JPG, "jpg"),
        ("a.jpeg", JPG, "jpg"),
        ("a.docx", docx_bytes(), "docx"),
        ("a.odt", odt_bytes(), "odt"),
    ],
)
def test_each_kind_is_recognised_by_content(name, content, kind):
    assert check_file(upload(name, content), formats=ALL, max_mb=1) == kind


def test_text_renamed_pdf_is_refused_with_a_spanish_message():
    with pytest.raises(ValidationError) as error:
        check_file(upload("tarea.pdf", b"Hola, esto es texto."), formats=ALL, max_mb=1)
    assert "«tarea.pdf» no es un PDF válido" in error.value.messages[0]


def test_png_renamed_pdf_is_refused():
    with pytest.raises(ValidationError, match="no es un PDF válido"):
        check_file(upload("foto.pdf", PNG), formats=ALL, max_mb=1)


def test_format_not_accepted_by_the_assignment_is_refused():
    with pytest.raises(ValidationError, match="formato aceptado"):
        check_file(upload("foto.png", PNG), formats=["pdf"], max_mb=1)


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="está vacío"):
        check_file(upload("vacio.pdf", b""), formats=ALL, max_mb=1)


def test_oversize_file_is_refused():
    big = PDF + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError, match="pesa más de 1 MB"):
        check_file(upload("grande.pdf", big), formats=ALL, max_mb=1)


def test_zip_without_word_document_is_not_docx():
    with pytest.raises(ValidationError, match="no es un Word"):
        check_file(
            upload("falso.docx", docx_bytes(with_document=False)),
            formats=ALL,
            max_mb=1,
        )


def test_odt_needs_its_mimetype_first():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert detect_kind(upload("a.odt", buffer.getvalue())) is None


def test_zip_bomb_is_not_decompressed():
    """A docx-looking zip whose entry would expand to 256 MB: only the central
    directory is read, so the check is instant and accepts the names."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(256):
                entry.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 5 * 1024 * 1024
    assert check_file(upload("bomba.docx", data), formats=ALL, max_mb=10) == "docx"


def test_garbage_zip_is_refused():
    with pytest.raises(ValidationError):
        check_file(upload("roto.docx", b"PK\x03\x04basura"), formats=ALL, max_mb=1)
