"""Writes on certificates: issue once per completed enrollment, render and store
the PDF, revoke, reissue after a name correction, bulk work for a cohort."""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cursos.models import Enrollment
from cursos.validity import valid_until
from lms.accounts.validators import normalize_full_name, validate_full_name
from lms.outbox import services as outbox
from lms.outbox.mail import send_message

from . import credential_status
from .models import (
    Certificate,
    CertificateTemplate,
    CertificateVersion,
    VerificationCodeMixin,
)
from .pdf import render_certificate_pdf
from .signing import sign_certificate_pdf

logger = logging.getLogger(__name__)

CODE_BYTES = 20  # 160 random bits, 32 base32 characters


class CertificateError(Exception):
    """Refused; ``str(error)`` is the message for the coordinator."""


def new_code() -> str:
    return base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii").rstrip("=")


def normalize_code(raw: str) -> str | None:
    """A typed or scanned code without dashes/spaces, upper case; None if it
    cannot be a code (so every bad input gets the same not-found answer)."""
    code = "".join(raw.split()).replace("-", "").upper()
    if len(code) != 32 or any(
        c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for c in code
    ):
        return None
    return code


def template_for(course) -> CertificateTemplate | None:
    return (
        course.certificate_template
        or CertificateTemplate.objects.order_by("pk").first()
    )


def issue_for(
    enrollment: Enrollment, *, enqueue: bool = True, template=None
) -> Certificate | None:
    """Create the enrollment's certificate (exactly one; the database enforces it)
    with snapshots of name, course, hours, cohort and date, and enqueue its
    rendering after commit (``enqueue=False`` when the caller renders it itself,
    as the bulk task does). Returns None when the course grants no certificate
    or the enrollment is not complete.

    The kind follows the enrollment's result (``cursos.services.grades``):
    approved, a certificate of approval with the final grade (None in a course
    without grade); participation, a constancia de participación; not
    approved, nothing.

    ``valid_until``: the enrollment's (set when it was completed), else the
    completion date plus the course's ``validity_months``; None when the course
    sets no validity. Reissuing keeps it (a corrected name does not extend the
    validity)."""
    if not grants_certificate(enrollment):
        return None
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing:
        return existing
    certificate = new_certificate(
        enrollment, template=template or template_for(enrollment.course)
    )
    try:
        with transaction.atomic():
            certificate.save(force_insert=True)
            credential_status.allocate_status_index(certificate)
    except IntegrityError:
        return Certificate.objects.get(enrollment=enrollment)
    if enqueue:
        enqueue_render(certificate)
    return certificate


def grants_certificate(enrollment: Enrollment) -> bool:
    """Whether the enrollment earns a certificate (or a constancia) now."""
    return (
        enrollment.course.grants_certificate
        and enrollment.completed_at is not None
        and certificate_kind(enrollment) is not None
    )


def new_certificate(enrollment: Enrollment, *, template) -> Certificate:
    """The enrollment's certificate, unsaved and pending, with its snapshots
    (see ``issue_for``)."""
    course = enrollment.course
    completed_on = timezone.localtime(enrollment.completed_at).date()
    return Certificate(
        enrollment=enrollment,
        code=new_code(),
        template=template,
        holder_name=enrollment.user.full_name,
        course_title=course.title,
        hours=course.estimated_hours,
        cohort_name=enrollment.cohort.name if enrollment.cohort_id else "",
        completed_on=completed_on,
        kind=certificate_kind(enrollment),
        grade=enrollment.final_grade,
        valid_until=enrollment.valid_until
        or valid_until(completed_on, course.validity_months),
    )


def certificate_kind(enrollment: Enrollment) -> str | None:
    """The kind of certificate an enrollment's result earns, or None."""
    if enrollment.result == Enrollment.Result.NOT_APPROVED:
        return None
    if enrollment.result == Enrollment.Result.PARTICIPATION:
        return Certificate.Kind.PARTICIPATION
    return Certificate.Kind.APPROVAL


def enqueue_render(certificate: Certificate) -> None:
    from .tasks import render_certificate

    outbox.enqueue(render_certificate, certificate.pk, certificate.version)


def _version_file(certificate: Certificate, pdf: bytes) -> CertificateVersion:
    """The unsaved version row of ``pdf`` with its file already in storage."""
    version = CertificateVersion(
        certificate=certificate,
        version=certificate.version,
        holder_name=certificate.holder_name,
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    name = f"certificado-{certificate.code[:8].lower()}-v{certificate.version}.pdf"
    version.pdf.save(name, ContentFile(pdf), save=False)
    return version


def _store(certificate: Certificate, pdf: bytes) -> CertificateVersion:
    """Save the PDF as the certificate's current version (one INSERT); a
    concurrent render of the same version loses to the unique constraint.
    ``pdf`` is the signed file: its sha256 is what verification by upload
    compares."""
    version = _version_file(certificate, pdf)
    try:
        with transaction.atomic():
            version.save()
    except IntegrityError:
        version.pdf.delete(save=False)
        return CertificateVersion.objects.get(
            certificate=certificate, version=certificate.version
        )
    return version


def render_and_store(certificate_id: int, version: int | None = None) -> Certificate:
    """Render the certificate's current version, sign it with the
    institution's key (``certificados.signing``) and store it; idempotent.

    Safe to run twice or concurrently: the version row is unique, and a version
    already stored is not rendered again. Marks the certificate issued and
    e-mails its holder the first time.
    """
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("template", "enrollment__user")
            .get(pk=certificate_id)
        )
        if version is not None and version != certificate.version:
            return certificate  # a newer version was requested meanwhile
        if certificate.status == Certificate.Status.REVOKED:
            return certificate
        stored = CertificateVersion.objects.filter(
            certificate=certificate, version=certificate.version
        ).first()
        if stored is None:
            pdf = sign_certificate_pdf(render_certificate_pdf(certificate))
            stored = _store(certificate, pdf)
        first_issue = certificate.issued_at is None
        certificate.pdf.name = stored.pdf.name
        certificate.sha256 = stored.sha256
        certificate.status = Certificate.Status.ISSUED
        certificate.issued_at = certificate.issued_at or timezone.now()
        certificate.save(update_fields=["pdf", "sha256", "status", "issued_at"])
    if first_issue:
        transaction.on_commit(lambda: notify_holder(certificate))
    return certificate


BULK_INSERT_TRIES = 3
# Certificates rendered before each bulk insert: a chunk cut short (a worker's
# time limit on a slow machine) keeps what it committed, and the insert still
# costs a handful of queries per batch instead of some twenty per certificate.
# 25 rather than 10: a third less CPU in the inserts and the holders' e-mail
# task (0.8 against 1.2 ms per certificate, bench/certificates.py --perfil),
# and a chunk cut short still loses at most 25 certificates' work (≈ 0.2 s here).
BULK_INSERT_BATCH = 25


def issue_many(enrollments, *, template) -> list[Certificate]:
    """Issue, render, sign and store the certificates of ``enrollments`` that
    earn one and have none yet, ``BULK_INSERT_BATCH`` at a time (see
    ``_issue_batch``). Returns the certificates it inserted."""
    enrollments = list(enrollments)
    inserted: list[Certificate] = []
    for start in range(0, len(enrollments), BULK_INSERT_BATCH):
        batch = enrollments[start : start + BULK_INSERT_BATCH]
        inserted += _issue_batch(batch, template=template)
    return inserted


def _issue_batch(enrollments, *, template) -> list[Certificate]:
    """Issue, render, sign and store the certificates of ``enrollments`` that
    earn one and have none yet, in one transaction: the bulk path of
    ``tasks.bulk_chunk``, ending where ``issue_for`` + ``render_and_store``
    end (issued, stored, holder notified after the commit), with a handful of
    queries for the whole batch instead of some twenty per certificate.

    Each PDF is rendered and signed before its row exists (the code, hence the
    QR, is drawn first), so every row is inserted already issued. ``template``
    should come with its signatories prefetched: it is drawn once per
    certificate. Safe to run twice or concurrently: a certificate inserted
    meanwhile (unique enrollment) or a status position taken meanwhile makes the
    bulk insert fail whole; it is retried without the enrollments that got one,
    and after ``BULK_INSERT_TRIES`` the remaining ones go one by one. Returns
    the certificates it inserted."""
    drafts: list[tuple[Certificate, CertificateVersion]] = []
    issued_at = timezone.now()
    for enrollment in enrollments:
        if not grants_certificate(enrollment):
            continue
        certificate = new_certificate(enrollment, template=template)
        pdf = sign_certificate_pdf(render_certificate_pdf(certificate))
        version = _version_file(certificate, pdf)
        certificate.pdf.name = version.pdf.name
        certificate.sha256 = version.sha256
        certificate.status = Certificate.Status.ISSUED
        certificate.issued_at = issued_at
        drafts.append((certificate, version))
    for _attempt in range(BULK_INSERT_TRIES):
        if not drafts:
            return []
        try:
            return _insert_issued(drafts)
        except IntegrityError:
            drafts = _without_issued(drafts)
    for certificate, version in drafts:  # a race each time: one by one
        version.pdf.delete(save=False)
        issued = issue_for(certificate.enrollment, enqueue=False, template=template)
        if issued is not None and issued.status == Certificate.Status.PENDING:
            render_and_store(issued.pk)
    return []


def _insert_issued(drafts) -> list[Certificate]:
    certificates = [certificate for certificate, _version in drafts]
    with transaction.atomic():
        positions = credential_status.allocate_status_indexes(len(certificates))
        for certificate, position in zip(certificates, positions, strict=True):
            certificate.status_index = position
        Certificate.objects.bulk_create(certificates)
        versions = []
        for certificate, version in drafts:
            version.certificate = certificate  # now with its id
            versions.append(version)
        CertificateVersion.objects.bulk_create(versions)
        # In the same transaction: the outbox publishes after the commit.
        notify_holders(certificates)
    return certificates


def _without_issued(drafts):
    """The drafts whose enrollment still has no certificate (their files
    kept); the others' files deleted."""
    issued = set(
        Certificate.objects.filter(
            enrollment__in=[certificate.enrollment for certificate, _v in drafts]
        ).values_list("enrollment_id", flat=True)
    )
    kept = []
    for certificate, version in drafts:
        if certificate.enrollment_id in issued:
            version.pdf.delete(save=False)
        else:
            certificate.pk = None
            certificate.status_index = None
            kept.append((certificate, version))
    return kept


def issued_email(certificate: Certificate) -> EmailMessage:
    """The e-mail that tells the holder the certificate is ready."""
    context = {"certificate": certificate, "site_url": settings.SITE_URL}
    return EmailMessage(
        subject=(
            _("Su constancia de participación de «%(curso)s»")
            if certificate.kind == Certificate.Kind.PARTICIPATION
            else _("Su certificado de «%(curso)s»")
        )
        % {"curso": certificate.course_title},
        body=render_to_string("certificados/email/issued.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[certificate.enrollment.user.email],
    )


def notify_holder(certificate: Certificate) -> None:
    """E-mail one holder through the outbox (``lms.send_email``)."""
    send_message(issued_email(certificate))


def notify_holders(certificates) -> None:
    """E-mail the holders of ``certificates`` (saved, in the caller's
    transaction) with one outbox message and one task for all of them
    (``tasks.notify_holders``), instead of one of each per certificate: on
    exam day those cost a worker more than rendering the certificate did."""
    from .tasks import notify_holders as notify_holders_task

    ids = [certificate.pk for certificate in certificates]
    if ids:
        outbox.enqueue(notify_holders_task, ids)


def send_issued_emails(certificate_ids: list[int]) -> int:
    """Send the issued e-mail of each certificate over one mail connection;
    returns how many went out. A message the connection fails to send (or
    every message, when the connection cannot be opened) goes to the outbox on
    its own (``lms.send_email``, retried with backoff), so an SMTP server that
    is down loses none. Run twice, it sends twice: as ``lms.send_email``, a
    duplicate after a worker crash beats a lost e-mail."""
    certificates = (
        Certificate.objects.filter(pk__in=certificate_ids)
        .select_related("enrollment__user")
        .order_by("pk")
    )
    messages = [issued_email(certificate) for certificate in certificates]
    connection = get_connection()
    try:
        connection.open()
    except Exception:  # noqa: BLE001 (any backend's failure: use the outbox)
        connection = None
    sent = 0
    try:
        for message in messages:
            if connection is not None:
                try:
                    sent += connection.send_messages([message])
                    continue
                except Exception as error:  # noqa: BLE001 (lms.send_email retries)
                    logger.warning("Aviso de emisión a la cola de correo: %s", error)
            send_message(message)
    finally:
        if connection is not None:
            connection.close()
    return sent


def revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke with a reason; who and when are recorded. Verification then says
    "revocado el …" with the date only: the reason stays in the admin."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Escriba el motivo de la revocación."))
    if certificate.status == Certificate.Status.REVOKED:
        return certificate
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.REVOKED,
        revoked_at=timezone.now(),
        revoked_by=by,
        revoke_reason=reason[:2000],
    )
    certificate.refresh_from_db()
    credential_status.status_changed(certificate)
    _discard_bundles_with(certificate)
    return certificate


def _discard_bundles_with(certificate: Certificate) -> None:
    """An edition bundle built before a revocation or a reissue would print
    what no longer stands (certificados.bundles.discard_bundles)."""
    from .bundles import discard_bundles

    discard_bundles(Certificate.objects.filter(pk=certificate.pk))


def reissue(*, certificate: Certificate, enqueue: bool = True) -> Certificate:
    """After a name correction: same code, new version with the holder's current
    name; earlier versions are kept (and still verify as earlier versions).

    The only way a certificate's holder name changes (the admin registry is
    read-only, see ``CertificateRegistryPolicy``). The name comes from the
    holder's profile and is checked with the profile's own rule; a name that
    fails it is refused and nothing changes."""
    if certificate.status == Certificate.Status.REVOKED:
        raise CertificateError(_("Un certificado revocado no se vuelve a emitir."))
    name = normalize_full_name(certificate.enrollment.user.full_name)
    try:
        validate_full_name(name)
    except ValidationError as error:
        raise CertificateError(
            _(
                "El nombre del perfil no es válido para un certificado: %(motivo)s "
                "Corríjalo en el perfil y vuelva a emitir."
            )
            % {"motivo": " ".join(error.messages)}
        ) from error
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        locked.version += 1
        locked.holder_name = name
        locked.status = Certificate.Status.PENDING
        locked.save(update_fields=["version", "holder_name", "status"])
        _discard_bundles_with(locked)
    if enqueue:
        enqueue_render(locked)
    return locked


def reconcile(*, stuck_after_minutes: int = 10) -> dict[str, int]:
    """Periodic safety net: re-enqueue certificates stuck pending and issue the
    missing ones of completed enrollments in courses that grant certificates.

    Runs in a worker (the broker is up) and is itself the retry: a stuck one is
    sent again on the next run, so it publishes directly, not via the outbox."""
    cutoff = timezone.now() - timezone.timedelta(minutes=stuck_after_minutes)
    stuck = list(
        Certificate.objects.filter(
            status=Certificate.Status.PENDING, created_at__lt=cutoff
        ).values_list("pk", "version")
    )
    from .tasks import render_certificate

    for pk, version in stuck:
        render_certificate.delay(pk, version)
    missing = (
        Enrollment.objects.filter(
            completed_at__isnull=False,
            course__grants_certificate=True,
            certificate__isnull=True,
        )
        .exclude(result=Enrollment.Result.NOT_APPROVED)
        .select_related("course", "user", "cohort")
    )
    issued = 0
    for enrollment in missing.iterator():
        if issue_for(enrollment):
            issued += 1
    return {"reenqueued": len(stuck), "issued": issued}


@dataclass
class SampleCertificate(VerificationCodeMixin):
    """An unsaved certificate for the template preview in the admin."""

    template: CertificateTemplate
    holder_name: str = "María José Tzul Batz"
    course_title: str = "Diplomado Gestión Municipal y Transparencia"
    hours: int = 40
    cohort_name: str = "Primera edición 2026"
    completed_on: date = date(2026, 11, 20)
    valid_until: date | None = None
    code: str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    kind: str = "aprobacion"
    grade: Decimal | None = None


def sample_certificate(template: CertificateTemplate) -> SampleCertificate:
    # The preview shows the validity line, as a course with 12 months prints it.
    return SampleCertificate(template=template, valid_until=date(2027, 11, 20))
