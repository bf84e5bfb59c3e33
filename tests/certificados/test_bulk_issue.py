"""The bulk path of an edition's certificates (``tasks.bulk_chunk`` →
``services.issue_many``): rows inserted already issued, signed and stored, a
query count that does not grow with the chunk (e-mails included), a race
lost cleanly, and no Wagtail reference index work per certificate."""

import hashlib
import io
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from wagtail.models import ReferenceIndex

from certificados.models import (
    BulkIssueJob,
    Certificate,
    CertificateTemplate,
    CertificateVersion,
)
from certificados.services import issue_for, issue_many, send_issued_emails
from certificados.tasks import bulk_chunk
from cursos.models import Cohort, Enrollment
from lms.outbox.models import OutboxMessage
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def completed_cohort(course, size: int, name: str = "Edición de prueba"):
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course,
        name=name,
        enrollment_opens=now,
        enrollment_closes=now,
        starts_on=timezone.localdate(now),
    )
    Enrollment.objects.bulk_create(
        [
            Enrollment(
                user=user,
                course=course,
                cohort=cohort,
                completed_at=now,
                status="completada",
            )
            for user in UserFactory.create_batch(size)
        ]
    )
    return cohort


def run_chunk(cohort, capture) -> BulkIssueJob:
    ids = list(
        Enrollment.objects.filter(cohort=cohort)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    job = BulkIssueJob.objects.create(cohort=cohort, kind="emitir", total=len(ids))
    with capture(execute=True):
        bulk_chunk(job.pk, ids)
    return job


def test_a_chunk_issues_signed_stored_certificates_and_emails_each_holder(
    django_capture_on_commit_callbacks, signing_ca
):
    course = build_course(modules=1, lessons=1)
    cohort = completed_cohort(course, 3)
    job = run_chunk(cohort, django_capture_on_commit_callbacks)

    certificates = list(Certificate.objects.filter(enrollment__cohort=cohort))
    assert len(certificates) == 3
    assert {c.status for c in certificates} == {Certificate.Status.ISSUED}
    assert len({c.status_index for c in certificates} - {None}) == 3
    for certificate in certificates:
        (version,) = CertificateVersion.objects.filter(certificate=certificate)
        data = certificate.pdf.read()
        assert certificate.pdf.name == version.pdf.name
        assert hashlib.sha256(data).hexdigest() == certificate.sha256 == version.sha256
        assert certificate.issued_at is not None
        (signature,) = PdfFileReader(io.BytesIO(data)).embedded_signatures
        status = validate_pdf_signature(
            signature,
            ValidationContext(trust_roots=[load_cert_from_pemder(signing_ca.ca)]),
        )
        assert status.intact and status.valid and status.trusted
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        c.enrollment.user.email for c in certificates
    )
    job.refresh_from_db()
    assert job.done == 3


def test_queries_do_not_grow_with_the_chunk(
    django_capture_on_commit_callbacks,
):
    course = build_course(modules=1, lessons=1)
    counts = {}
    for size in (2, 6):
        cohort = completed_cohort(course, size, name=f"Edición {size}")
        with CaptureQueriesContext(connection) as queries:
            run_chunk(cohort, django_capture_on_commit_callbacks)
        assert Certificate.objects.filter(enrollment__cohort=cohort).count() == size
        counts[size] = len(queries)
    # The holders' e-mails are one outbox message and one task per batch
    # (services.notify_holders): nothing is per certificate.
    assert counts[6] == counts[2]


def test_an_enrollment_that_got_its_certificate_meanwhile_keeps_it(
    django_capture_on_commit_callbacks,
):
    course = build_course(modules=1, lessons=1)
    cohort = completed_cohort(course, 3)
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort)
        .select_related("course", "user", "cohort")
        .order_by("pk")
    )
    # A concurrent issue won the race for the first enrollment after this chunk
    # read it (issue_many is handed an enrollment that now has a certificate).
    with django_capture_on_commit_callbacks(execute=True):
        first = issue_for(enrollments[0])
    storage = CertificateVersion._meta.get_field("pdf").storage
    folder = "certificados/versiones"
    files_before = set(storage.listdir(folder)[1])
    template = CertificateTemplate.objects.prefetch_related("signatories").first()
    with django_capture_on_commit_callbacks(execute=True):
        inserted = issue_many(enrollments, template=template)

    assert {c.enrollment_id for c in inserted} == {e.pk for e in enrollments[1:]}
    assert Certificate.objects.filter(enrollment__cohort=cohort).count() == 3
    kept = Certificate.objects.get(enrollment=enrollments[0])
    assert kept.pk == first.pk and kept.code == first.code
    assert CertificateVersion.objects.filter(certificate=kept).count() == 1
    # The loser's rendered file was deleted, not left orphaned in storage.
    new_files = {f"{folder}/{name}" for name in storage.listdir(folder)[1]} - {
        f"{folder}/{name}" for name in files_before
    }
    assert new_files == {c.pdf.name for c in inserted}
    assert (
        len(
            {
                v.status_index
                for v in Certificate.objects.filter(enrollment__cohort=cohort)
            }
        )
        == 3
    )


def test_certificates_stay_out_of_wagtails_reference_index(
    django_capture_on_commit_callbacks,
):
    # The admin registry's viewset registers the model when the URLconf loads.
    reverse("wagtailadmin_home")
    assert not ReferenceIndex.is_indexed(Certificate)
    course = build_course(modules=1, lessons=1)
    cohort = completed_cohort(course, 2)
    run_chunk(cohort, django_capture_on_commit_callbacks)
    assert not ReferenceIndex.objects.filter(
        base_content_type__model="certificate"
    ).exists()


class RefusingBackend(BaseEmailBackend):
    """An SMTP server that refuses the first address it is given."""

    refused: list[str] = []

    def send_messages(self, messages):
        for message in messages:
            if not RefusingBackend.refused:
                RefusingBackend.refused.append(message.to[0])
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no")})
            mail.outbox.append(message)
        return len(messages)


def test_a_batch_of_emails_is_one_task_and_a_refused_one_goes_to_the_outbox(
    django_capture_on_commit_callbacks, settings
):
    course = build_course(modules=1, lessons=1)
    cohort = completed_cohort(course, 3)
    ids = list(Enrollment.objects.filter(cohort=cohort).values_list("pk", flat=True))
    job = BulkIssueJob.objects.create(cohort=cohort, kind="emitir", total=len(ids))
    with django_capture_on_commit_callbacks(execute=False):
        bulk_chunk(job.pk, ids)  # the e-mails are left in the outbox
    (batch,) = OutboxMessage.objects.filter(task_name="certificados.notify_holders")
    certificates = list(Certificate.objects.filter(enrollment__cohort=cohort))
    assert sorted(batch.args[0]) == sorted(c.pk for c in certificates)
    assert not OutboxMessage.objects.filter(task_name="lms.send_email").exists()

    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    RefusingBackend.refused = []
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=False):
        assert send_issued_emails(batch.args[0]) == 2
    (refused,) = RefusingBackend.refused
    (queued,) = OutboxMessage.objects.filter(task_name="lms.send_email")
    assert queued.kwargs["to"] == [refused]
    assert "certificado" in queued.kwargs["subject"].lower()
    emails = {c.enrollment.user.email for c in certificates}
    assert {m.to[0] for m in mail.outbox} == emails - {refused}
