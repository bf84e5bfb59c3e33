import csv
import io

import pytest

from certificados.models import (
    BulkIssueJob,
    Certificate,
    CertificateTemplate,
    CertificateVersion,
)
from tests.factories import UserFactory
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db
LIST = "/admin/registro-certificados/"


def test_listing_search_and_csv_export(client, coordinator, completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    client.force_login(coordinator)
    assert "María José Tzul Batz" in client.get(LIST, {"q": "Tzul"}).content.decode()
    assert (
        "María José Tzul Batz"
        in client.get(LIST, {"q": certificate.code[:10]}).content.decode()
    )
    assert (
        "María José Tzul Batz" not in client.get(LIST, {"q": "Nadie"}).content.decode()
    )
    response = client.get(LIST, {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["Nombre"] == "María José Tzul Batz"
    assert row["Código"] == certificate.display_code
    assert row["Verificación"] == certificate.verification_url


def test_revoke_needs_a_reason_and_records_who(
    client, coordinator, completed_enrollment
):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    client.force_login(coordinator)
    url = f"/admin/certificados-acciones/{certificate.pk}/revocar/"
    response = post_form(client, url, {"reason": ""}, action=url)
    assert response.status_code == 400
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    post_form(client, url, {"reason": "Datos de inscripción falsos"}, action=url)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_by == coordinator and certificate.revoked_at
    assert certificate.revoke_reason == "Datos de inscripción falsos"


def test_reissue_through_the_admin(
    client, coordinator, completed_enrollment, django_capture_on_commit_callbacks
):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        url = f"/admin/certificados-acciones/{certificate.pk}/reemitir/"
        post_form(client, url, action=url)
    assert CertificateVersion.objects.filter(certificate=certificate).count() == 2


def test_bulk_issue_for_a_cohort_shows_progress(
    client, coordinator, completed_enrollment, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from cursos.models import Cohort, Enrollment

    course = completed_enrollment.course
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course,
        name="Edición 2026",
        enrollment_opens=now - timedelta(days=3),
        enrollment_closes=now + timedelta(days=3),
        starts_on=timezone.localdate(now),
    )
    Enrollment.objects.filter(pk=completed_enrollment.pk).update(cohort=cohort)
    Certificate.objects.filter(enrollment=completed_enrollment).delete()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        url = "/admin/certificados-acciones/masivo/"
        response = post_form(client, url, {"cohort": cohort.pk, "kind": "emitir"})
    job = BulkIssueJob.objects.get()
    assert response.url.endswith(f"/masivo/{job.pk}/")
    page = client.get(response.url).content.decode()
    assert "1 de 1 personas procesadas" in page
    assert Certificate.objects.filter(enrollment=completed_enrollment).exists()


def test_template_preview_renders_a_sample_pdf(client, coordinator, rf):
    template = CertificateTemplate.objects.first()
    client.force_login(coordinator)
    url = f"/admin/snippets/certificados/certificatetemplate/edit/{template.pk}/"
    edit = client.get(url)
    assert edit.status_code == 200 and "preview" in edit.content.decode()
    response = template.serve_preview(rf.get("/"), "")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_unknown_placeholders_are_refused(client):
    from django.core.exceptions import ValidationError

    template = CertificateTemplate(name="Otra", body="Para {nombre} por {curzo}")
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "{curzo}" in str(error.value)


def test_participants_cannot_reach_certificate_admin(client, completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    client.force_login(UserFactory())
    assert client.get(LIST).status_code in (302, 403)
    # A valid token of the participant's own session, from their profile form.
    token = csrf_token(client, "/cuentas/perfil/")
    response = client.post(
        f"/admin/certificados-acciones/{certificate.pk}/revocar/",
        {"reason": "x", "csrfmiddlewaretoken": token},
    )
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
