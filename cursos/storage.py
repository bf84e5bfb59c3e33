"""Where learners' submitted files live: never under MEDIA_URL.

Submissions are personal work; they are read only through
``cursos.views_assignments.submission_file``, which checks who is asking. The
storage has no base URL, so no template can link to a file directly.
"""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=settings.PRIVATE_MEDIA_ROOT, base_url=None
        )


private_storage = PrivateStorage()


def get_private_storage():
    """Callable storage for FileFields (keeps the path out of migrations)."""
    return private_storage


def submission_upload_to(instance, filename: str) -> str:
    """An unguessable name: the learner's file name is kept in the row, not in
    the path, so nothing about the person shows in the storage; the extension
    is that of the file's checked type (``instance.kind``)."""
    extension = _safe_extension(getattr(instance, "kind", "") or "") or "bin"
    return f"entregas/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}.{extension}"


def _safe_extension(kind: str) -> str:
    """The extension of the checked file type (never the name the person gave:
    it could be long, or say ".html" on a PDF)."""
    return kind if kind.isascii() and kind.isalnum() and len(kind) <= 5 else ""
