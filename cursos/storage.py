"""Where private files live, and how they leave: never under MEDIA_URL.

Submissions, certificates, certificate bundles, forum attachments and data
exports are personal; they are read only through our views, which check who is
asking and then answer with :func:`private_file_response`. The storage is the
``"private"`` entry of ``settings.STORAGES``: a folder outside MEDIA_ROOT
(``PRIVATE_MEDIA_ROOT``) or, with ``MEDIA_STORAGE=s3``, a private bucket.
Nothing here uses a file's local path, so both behave the same.
"""

import uuid
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header


class PrivateFileSystemStorage(FileSystemStorage):
    """PRIVATE_MEDIA_ROOT, read when the storage is made."""

    def __init__(self, **options):
        options.setdefault("location", settings.PRIVATE_MEDIA_ROOT)
        super().__init__(**options)


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages.create_storage(settings.STORAGES["private"])


private_storage = PrivateStorage()


@receiver(setting_changed)
def _private_storage_changed(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"}:
        private_storage._wrapped = empty


def _signs_urls(storage) -> bool:
    """An object store that hands out signed, expiring URLs (django-storages'
    S3Storage with querystring auth)."""
    return bool(getattr(storage, "querystring_auth", False)) and hasattr(
        storage, "bucket_name"
    )


def private_file_response(
    fieldfile,
    *,
    filename: str,
    content_type: str,
    as_attachment: bool = True,
    sandbox: bool = False,
):
    """The answer to a download the caller has already allowed.

    - Object storage: a redirect to a URL signed for ``PRIVATE_URL_SECONDS``,
      carrying the file name and type the browser must use; nothing passes
      through the app.
    - Disk behind nginx (``PRIVATE_MEDIA_ACCEL_PREFIX``): an empty answer whose
      ``X-Accel-Redirect`` makes nginx send the file from its ``internal`` location.
    - Otherwise the file streamed by Django.

    404 when the row names no file or the file is gone (streaming only: the
    other two do not look before answering). Never cached by the browser or a
    proxy; ``sandbox`` adds ``Content-Security-Policy: sandbox`` (files that
    people uploaded).
    """
    if not fieldfile:
        raise Http404
    storage = fieldfile.storage
    disposition = content_disposition_header(as_attachment, filename)
    if _signs_urls(storage):
        response = HttpResponseRedirect(
            storage.url(
                fieldfile.name,
                parameters={
                    "ResponseContentDisposition": disposition,
                    "ResponseContentType": content_type,
                    "ResponseCacheControl": "private, no-store",
                },
                expire=settings.PRIVATE_URL_SECONDS,
            )
        )
    elif settings.PRIVATE_MEDIA_ACCEL_PREFIX and isinstance(storage, FileSystemStorage):
        response = HttpResponse(content_type=content_type)
        response["Content-Disposition"] = disposition
        response["X-Accel-Redirect"] = quote(
            settings.PRIVATE_MEDIA_ACCEL_PREFIX.rstrip("/") + "/" + fieldfile.name
        )
    else:
        try:
            handle = fieldfile.open("rb")
        except (FileNotFoundError, ValueError) as error:
            raise Http404 from error
        response = FileResponse(
            handle,
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
        )
    response["X-Content-Type-Options"] = "nosniff"
    if sandbox:
        response["Content-Security-Policy"] = "sandbox"
    patch_cache_control(response, private=True, no_store=True)
    return response


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
