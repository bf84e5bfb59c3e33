"""What a learner's uploaded file really is, judged by its content, not its name.

``check_file`` reads the first bytes (and, for DOCX/ODT, the zip's central
directory without decompressing anything, so a zip bomb costs nothing) and
returns the kind (``pdf``, ``docx``, ``odt``, ``jpg``, ``png``) or raises a
Spanish ``ValidationError``.

``AssignmentUploadLimit`` is an upload handler the submit view installs before
the body is read: a single file over the assignment's limit stops the upload
instead of being written to disk whole.
"""

from __future__ import annotations

import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.translation import gettext as _

MB = 1024 * 1024
# Multipart headers, the token and the text field, on top of the files.
SUBMIT_OVERHEAD_BYTES = 256 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

KIND_LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "odt": "OpenDocument (ODT)",
    "jpg": "JPG",
    "png": "PNG",
}
# Extensions each kind may carry (the `accept` attribute of the form).
KIND_EXTENSIONS = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "odt": (".odt",),
    "jpg": (".jpg", ".jpeg"),
    "png": (".png",),
}
KIND_MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "jpg": "image/jpeg",
    "png": "image/png",
}


def accept_attribute(formats: list[str]) -> str:
    """The ``accept`` attribute of the file input for these formats."""
    return ",".join(
        ext for kind in formats for ext in KIND_EXTENSIONS.get(kind, ())
    ) + "".join(f",{KIND_MIME[k]}" for k in formats if k in KIND_MIME)


def _head(uploaded, n: int) -> bytes:
    uploaded.seek(0)
    data = uploaded.read(n)
    uploaded.seek(0)
    return data


def _zip_names(uploaded) -> list[str] | None:
    """Names in the zip's central directory (nothing decompressed), or None."""
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        uploaded.seek(0)


def _is_odt(uploaded) -> bool:
    """ODT: a zip whose first local entry is the stored (uncompressed) file
    ``mimetype`` holding the ODT media type, as the OpenDocument spec requires."""
    head = _head(uploaded, 30 + 8 + len(ODT_MIMETYPE))
    if head[:4] != b"PK\x03\x04" or len(head) < 30:
        return False
    name_length = int.from_bytes(head[26:28], "little")
    extra_length = int.from_bytes(head[28:30], "little")
    if head[30 : 30 + name_length] != b"mimetype":
        return False
    start = 30 + name_length + extra_length
    content = _head(uploaded, start + len(ODT_MIMETYPE))[start:]
    return content == ODT_MIMETYPE and _zip_names(uploaded) is not None


def _is_docx(uploaded) -> bool:
    if _head(uploaded, 4) != b"PK\x03\x04":
        return False
    names = _zip_names(uploaded)
    return (
        names is not None
        and "word/document.xml" in names
        and "[Content_Types].xml" in names
    )


def detect_kind(uploaded) -> str | None:
    """The kind of file the content says it is, or None."""
    head = _head(uploaded, 8)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head.startswith(b"PK\x03\x04"):
        if _is_odt(uploaded):
            return "odt"
        if _is_docx(uploaded):
            return "docx"
    return None


def _claimed_kind(name: str) -> str | None:
    lower = name.lower()
    for kind, extensions in KIND_EXTENSIONS.items():
        if lower.endswith(extensions):
            return kind
    return None


def check_file(uploaded, *, formats: list[str], max_mb: int) -> str:
    """The kind of ``uploaded`` when it is one of ``formats``, not empty and at
    most ``max_mb`` MB; otherwise a ``ValidationError`` in Spanish."""
    name = uploaded.name or _("sin nombre")
    size = uploaded.size or 0
    if size == 0:
        raise ValidationError(
            _("El archivo «%(nombre)s» está vacío.") % {"nombre": name}
        )
    if size > max_mb * MB:
        raise ValidationError(
            _("El archivo «%(nombre)s» pesa más de %(max)s MB.")
            % {"nombre": name, "max": max_mb}
        )
    kind = detect_kind(uploaded)
    claimed = _claimed_kind(name)
    if claimed is not None and kind != claimed:
        raise ValidationError(
            _(
                "El archivo «%(nombre)s» no es un %(formato)s válido: su contenido "
                "no corresponde a su extensión. Guárdelo de nuevo en ese formato."
            )
            % {"nombre": name, "formato": KIND_LABELS[claimed]}
        )
    if kind is None or kind not in formats:
        raise ValidationError(
            _("El archivo «%(nombre)s» no está en un formato aceptado (%(formatos)s).")
            % {
                "nombre": name,
                "formatos": ", ".join(KIND_LABELS[k] for k in formats),
            }
        )
    return kind


class FileTooLarge(StopUpload):
    """One file of the upload went over the limit (the view reads ``name``)."""

    def __init__(self, name: str, max_mb: int):
        super().__init__(connection_reset=False)
        self.name = name
        self.max_mb = max_mb


class AssignmentUploadLimit(FileUploadHandler):
    """Stops the upload as soon as one file passes ``max_mb``; the view finds
    ``limit_exceeded`` set and answers with a Spanish message."""

    def __init__(self, request=None, *, max_mb: int):
        super().__init__(request)
        self.max_bytes = max_mb * MB
        self.max_mb = max_mb
        self.received = 0
        self.exceeded_name: str | None = None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.exceeded_name = self.file_name
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None

    def too_large_message(self) -> str:
        return _(
            "El archivo «%(nombre)s» pesa más de %(max)s MB. No se guardó nada; "
            "elija un archivo más pequeño."
        ) % {"nombre": self.exceeded_name, "max": self.max_mb}
