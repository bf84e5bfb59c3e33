"""Celery tasks for certificates. Each takes ids, calls a service, and is safe to
run twice."""

import time

from celery import shared_task
from django.conf import settings
from django.db.models import F

from lms.outbox.services import enqueue

from .models import BulkIssueJob, Certificate

CHUNK = 50


@shared_task(name="certificados.render", bind=True, max_retries=5, retry_backoff=True)
def render_certificate(self, certificate_id: int, version: int | None = None) -> str:
    from .services import render_and_store

    if settings.CERTIFICATE_RENDER_DELAY_SECONDS:
        time.sleep(settings.CERTIFICATE_RENDER_DELAY_SECONDS)
    certificate = render_and_store(certificate_id, version)
    return certificate.status


@shared_task(name="certificados.notify_holders")
def notify_holders(certificate_ids: list[int]) -> int:
    """E-mail the holders of newly issued certificates, one task for a batch
    (services.send_issued_emails)."""
    from .services import send_issued_emails

    return send_issued_emails(certificate_ids)


@shared_task(name="certificados.reconcile")
def reconcile_certificates() -> dict:
    """Beat task: stuck pending certificates and missing ones."""
    from .services import reconcile

    return reconcile()


@shared_task(name="certificados.bulk_chunk")
def bulk_chunk(job_id: int, enrollment_ids: list[int]) -> int:
    """Issue (or reissue) and render the certificates of a chunk of enrollments of
    a cohort in this task (one message per chunk, not per certificate), then
    count the chunk as done on the job, which the admin shows as progress."""
    from cursos.models import Enrollment

    from .models import CertificateTemplate
    from .services import (
        CertificateError,
        issue_many,
        reissue,
        render_and_store,
    )

    job = BulkIssueJob.objects.select_related("cohort__course").get(pk=job_id)
    enrollments = Enrollment.objects.select_related("course", "user", "cohort").filter(
        pk__in=enrollment_ids
    )
    certificates = Certificate.objects.filter(enrollment__in=enrollments)
    existing = {c.enrollment_id: c for c in certificates}
    # The course's template (else the first), its signatories read once for the
    # whole chunk, not once per certificate (services.template_for).
    templates = CertificateTemplate.objects.prefetch_related("signatories")
    template_id = job.cohort.course.certificate_template_id
    template = (
        templates.filter(pk=template_id).first()
        if template_id
        else templates.order_by("pk").first()
    )
    new = []
    for enrollment in enrollments:
        certificate = existing.get(enrollment.pk)
        if certificate is None:
            new.append(enrollment)
            continue
        if job.kind == BulkIssueJob.Kind.REISSUE:
            try:
                certificate = reissue(certificate=certificate, enqueue=False)
            except CertificateError:
                continue  # revoked certificates stay revoked
        if certificate.status == Certificate.Status.PENDING:
            render_and_store(certificate.pk)
    issue_many(new, template=template)
    BulkIssueJob.objects.filter(pk=job_id).update(done=F("done") + len(enrollment_ids))
    return len(enrollment_ids)


def start_bulk_job(*, cohort, kind: str, created_by) -> BulkIssueJob:
    """Create the job and enqueue one task per chunk of completed enrollments."""
    from cursos.models import Enrollment

    ids = list(
        Enrollment.objects.filter(cohort=cohort, completed_at__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    job = BulkIssueJob.objects.create(
        cohort=cohort, kind=kind, total=len(ids), created_by=created_by
    )
    for start in range(0, len(ids), CHUNK):
        enqueue(bulk_chunk, job.pk, ids[start : start + CHUNK])
    return job


# A big edition takes longer than the default limits (lms.settings.base); a
# bundle past the soft limit is marked failed with a message (bundles.py).
@shared_task(
    name="certificados.build_bundle",
    soft_time_limit=settings.CERTIFICATE_BUNDLE_SOFT_TIME_LIMIT,
    time_limit=settings.CERTIFICATE_BUNDLE_SOFT_TIME_LIMIT + 30,
)
def build_bundle_task(bundle_id: int) -> str:
    """Build an edition's merged PDF or ZIP (certificados.bundles)."""
    from .bundles import build_bundle

    return build_bundle(bundle_id)


@shared_task(name="certificados.delete_old_bundles")
def delete_old_bundles_task() -> dict:
    """Beat task: old bundle files out of private storage."""
    from .bundles import delete_old_bundles

    return delete_old_bundles()
