"""All the certificates of an edition in one file, for printing or handing out:
one merged PDF, or a ZIP with each person's PDF as stored.

A coordinator asks (``start_bundle``); Celery builds it (``build_bundle``,
through the outbox) from the stored PDFs of the edition's issued certificates,
in a stable order, into private storage, counting ``done`` as it goes so the
admin shows the progress; a daily beat task deletes old files
(``delete_old_bundles``).

The ZIP holds each stored PDF byte for byte, so a signed certificate stays
signed there. Merging pages into one PDF necessarily drops the signatures (and
every other annotation): the merged file is for printing only, and the admin
says so.
"""

from __future__ import annotations

import io
import logging
import tempfile
import unicodedata
import uuid
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cursos.models import Cohort
from cursos.storage import private_storage
from lms.outbox.services import enqueue

from .models import Certificate, CertificateBundle

logger = logging.getLogger(__name__)

MANAGE = "certificados.manage_certificates"
FOLDER = "certificados/paquetes"
# ``done`` is written once per this many certificates (and at the end): the
# progress moves while the task makes no query per certificate.
PROGRESS_EVERY = 20
CONTENT_TYPES = {
    CertificateBundle.Format.PDF: "application/pdf",
    CertificateBundle.Format.ZIP: "application/zip",
}


class BundleError(Exception):
    """Refused or failed; ``str(error)`` is the Spanish message for the
    coordinator."""


# ------------------------------------------------------------------ reads
def manageable_cohorts(user) -> QuerySet[Cohort]:
    """The editions whose certificates ``user`` may download together: every
    edition of a published course for those who manage certificates
    (coordinators see every edition in this project), none for anyone else."""
    if not user.is_authenticated or not user.is_active or not user.has_perm(MANAGE):
        return Cohort.objects.none()
    return Cohort.objects.filter(course__first_published_at__isnull=False)


def visible_bundles(user) -> QuerySet[CertificateBundle]:
    """Bundles of the editions ``user`` may manage; views look ids up here, so
    any other id is a 404."""
    return CertificateBundle.objects.filter(
        cohort__in=manageable_cohorts(user)
    ).select_related("cohort__course")


def issued_certificates(cohort_id: int) -> QuerySet[Certificate]:
    """What goes in an edition's bundle: its issued certificates with a stored
    PDF (neither revoked nor still being prepared)."""
    return Certificate.objects.filter(
        enrollment__cohort_id=cohort_id, status=Certificate.Status.ISSUED
    ).exclude(pdf="")


def holder_sort_key(name: str) -> str:
    """Alphabetical by the name as printed, ignoring accents and case (the
    same on SQLite and PostgreSQL, whatever their collation)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def ordered_certificates(cohort_id: int) -> list[Certificate]:
    """The bundle's certificates in their printing order, in one query."""
    rows = issued_certificates(cohort_id).only("pk", "holder_name", "code", "pdf")
    return sorted(rows, key=lambda c: (holder_sort_key(c.holder_name), c.code))


def member_name(certificate: Certificate, taken: set[str]) -> str:
    """``<nombre-ascii>-<code8>.pdf``: ASCII only (any unzip tool, any disk),
    unique within the ZIP (the whole code if eight characters collide)."""
    slug = slugify(certificate.holder_name)[:60].strip("-") or "certificado"
    code = certificate.code.lower()
    name = f"{slug}-{code[:8]}.pdf"
    if name in taken:
        name = f"{slug}-{code}.pdf"
    taken.add(name)
    return name


def download_name(bundle: CertificateBundle) -> str:
    """The name the coordinator's browser saves the file as (ASCII)."""
    cohort = bundle.cohort
    parts = [slugify(cohort.course.title)[:60], slugify(cohort.name)[:40]]
    stem = "-".join(["certificados", *[p for p in parts if p]]).strip("-")
    return f"{stem}.{bundle.format}"


# ------------------------------------------------------------------ writes
def start_bundle(*, cohort: Cohort, format: str, created_by) -> CertificateBundle:
    """Create the bundle row and enqueue its building after the commit.

    Asked again while one of the same edition and format is being prepared,
    returns that one (a partial unique constraint keeps one pending; a bundle
    pending for longer than ``CERTIFICATE_BUNDLE_STALE_MINUTES`` is taken as
    abandoned, marked failed, and a new one starts). Refused with a
    ``BundleError`` when the edition has no issued certificate."""
    if format not in CertificateBundle.Format.values:
        raise BundleError(_("Elija PDF o ZIP."))
    fail_stale(cohort_id=cohort.pk, format=format)
    total = issued_certificates(cohort.pk).count()
    if total == 0:
        raise BundleError(
            _("Esta edición todavía no tiene certificados emitidos para descargar.")
        )
    from .tasks import build_bundle_task

    for _attempt in range(2):
        try:
            with transaction.atomic():
                bundle = CertificateBundle.objects.create(
                    cohort=cohort, format=format, total=total, created_by=created_by
                )
                enqueue(build_bundle_task, bundle.pk)
            return bundle
        except IntegrityError:
            pending = CertificateBundle.objects.filter(
                cohort=cohort, format=format, status=CertificateBundle.Status.PENDING
            ).first()
            if pending is not None:
                return pending
            # It finished between our insert and our look-up: start afresh.
    raise BundleError(_("No se pudo iniciar la descarga; inténtelo de nuevo."))


def fail_stale(*, cohort_id: int | None = None, format: str | None = None) -> int:
    """Mark bundles pending for too long (a worker that died) as failed."""
    cutoff = timezone.now() - timedelta(
        minutes=settings.CERTIFICATE_BUNDLE_STALE_MINUTES
    )
    stale = CertificateBundle.objects.filter(
        status=CertificateBundle.Status.PENDING, created_at__lt=cutoff
    )
    if cohort_id is not None:
        stale = stale.filter(cohort_id=cohort_id, format=format)
    return stale.update(
        status=CertificateBundle.Status.FAILED,
        error=_("La preparación se interrumpió. Pídala de nuevo."),
        finished_at=timezone.now(),
    )


def build_bundle(bundle_id: int) -> str:
    """Build the bundle's file and mark it ready; idempotent.

    Run twice (the outbox publishes again after a crash), the second run finds
    it no longer pending and does nothing; run concurrently, the first to mark
    it ready wins and the other deletes its own file. A missing stored PDF, or
    any other error, marks it failed with a Spanish message."""
    bundle = (
        CertificateBundle.objects.filter(pk=bundle_id)
        .only("pk", "cohort_id", "format", "status")
        .first()
    )
    if bundle is None or bundle.status != CertificateBundle.Status.PENDING:
        return bundle.status if bundle else "desconocido"
    pending = CertificateBundle.objects.filter(
        pk=bundle_id, status=CertificateBundle.Status.PENDING
    )
    certificates = ordered_certificates(bundle.cohort_id)
    total = len(certificates)
    pending.update(total=total, done=0)

    def progress(done: int) -> None:
        if done % PROGRESS_EVERY == 0 and done < total:
            pending.update(done=done)

    writer = _write_pdf if bundle.format == CertificateBundle.Format.PDF else _write_zip
    try:
        with tempfile.TemporaryFile() as out:
            writer(certificates, out, progress)
            out.seek(0)
            name = private_storage.save(
                f"{FOLDER}/{uuid.uuid4().hex}.{bundle.format}", File(out)
            )
    except BundleError as error:
        return _fail(bundle_id, str(error))
    except Exception:  # noqa: BLE001 (any failure: tell the coordinator)
        logger.exception("Certificate bundle %s failed", bundle_id)
        return _fail(
            bundle_id,
            _(
                "Ocurrió un error al preparar el archivo. Pídalo de nuevo; si se "
                "repite, avise al equipo técnico."
            ),
        )
    won = pending.update(
        status=CertificateBundle.Status.READY,
        file=name,
        done=total,
        total=total,
        finished_at=timezone.now(),
    )
    if not won:
        private_storage.delete(name)
    return CertificateBundle.Status.READY


def discard_bundles(certificates: QuerySet[Certificate]) -> int:
    """Delete the bundles (rows, and their files after the commit) of the
    editions of ``certificates``, because what they hold no longer stands: a
    certificate was revoked, reissued with another name or its holder's data
    erased. A bundle being built meanwhile finds its row gone and deletes its
    own file (``build_bundle``). The coordinator asks for a new one."""
    bundles = CertificateBundle.objects.filter(
        cohort_id__in=certificates.exclude(enrollment__cohort_id=None).values(
            "enrollment__cohort_id"
        )
    )
    names = [name for name in bundles.values_list("file", flat=True) if name]
    deleted, _by_model = bundles.delete()
    if names:
        transaction.on_commit(lambda: _delete_files(names))
    return deleted


def _delete_files(names) -> None:
    for name in names:
        try:
            private_storage.delete(name)
        except OSError as error:  # already gone is not a failure
            logger.warning("Could not delete bundle file %s: %s", name, error)


def _fail(bundle_id: int, message: str) -> str:
    CertificateBundle.objects.filter(
        pk=bundle_id, status=CertificateBundle.Status.PENDING
    ).update(
        status=CertificateBundle.Status.FAILED,
        error=message[:300],
        finished_at=timezone.now(),
    )
    return CertificateBundle.Status.FAILED


def _read(certificate: Certificate) -> bytes:
    """The certificate's stored PDF, as issued (signed, when it is)."""
    try:
        with certificate.pdf.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, ValueError) as error:
        raise BundleError(
            _(
                "Falta el archivo del certificado de %(nombre)s (código %(codigo)s). "
                "Vuelva a emitirlo y pida la descarga de nuevo."
            )
            % {"nombre": certificate.holder_name, "codigo": certificate.display_code}
        ) from error


def _write_pdf(certificates, out, progress) -> None:
    """Every page of every certificate, in order, without annotations: the
    signatures (and links) of the originals cannot survive a merge."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for done, certificate in enumerate(certificates, start=1):
        reader = PdfReader(io.BytesIO(_read(certificate)))
        for page in reader.pages:
            writer.add_page(page, excluded_keys=("/Annots",))
        progress(done)
    # The logo, background and signature images (and any identical font) of
    # every certificate are stored once: a 300-page file shrinks severalfold.
    writer.compress_identical_objects()
    writer.add_metadata(
        {"/Title": _("Certificados para imprimir"), "/Producer": "INFOM Aprendizaje"}
    )
    writer.write(out)


def _write_zip(certificates, out, progress) -> None:
    """One member per person, the stored bytes unchanged."""
    taken: set[str] = set()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for done, certificate in enumerate(certificates, start=1):
            archive.writestr(member_name(certificate, taken), _read(certificate))
            progress(done)


def delete_old_bundles(*, keep_days: int | None = None) -> dict[str, int]:
    """Beat task: delete bundles (rows and files) older than
    ``CERTIFICATE_BUNDLE_KEEP_DAYS``, fail the ones left pending by a dead
    worker, and sweep files in the bundle folder that no row names (a worker
    that died between saving the file and marking the row)."""
    keep = settings.CERTIFICATE_BUNDLE_KEEP_DAYS if keep_days is None else keep_days
    cutoff = timezone.now() - timedelta(days=keep)
    failed = fail_stale()
    old = list(
        CertificateBundle.objects.filter(created_at__lt=cutoff).values_list(
            "pk", "file"
        )
    )
    for _pk, name in old:
        if name:
            private_storage.delete(name)
    CertificateBundle.objects.filter(pk__in=[pk for pk, _name in old]).delete()
    known = set(
        CertificateBundle.objects.exclude(file="").values_list("file", flat=True)
    )
    orphans = 0
    try:
        _dirs, files = private_storage.listdir(FOLDER)
    except FileNotFoundError:
        files = []
    for filename in files:
        name = f"{FOLDER}/{filename}"
        if name not in known and private_storage.get_modified_time(name) < cutoff:
            private_storage.delete(name)
            orphans += 1
    return {"deleted": len(old), "orphans": orphans, "failed_stale": failed}
