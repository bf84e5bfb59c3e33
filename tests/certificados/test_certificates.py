import hashlib

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificados.models import Certificate, CertificateVersion
from certificados.services import issue_for, new_code, reissue, render_and_store, revoke
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import UserFactory, build_course, course_lessons
from tests.forms import post_form

pytestmark = pytest.mark.django_db
VERIFY = "/certificados/verificar/"


def test_completing_a_course_issues_one_certificate_and_emails_it(completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.holder_name == "María José Tzul Batz"
    assert certificate.course_title == "Diplomado de prueba"
    assert certificate.hours == 4
    assert len(certificate.code) == 32 and len(certificate.display_code.split("-")) == 8
    assert certificate.sha256 == hashlib.sha256(certificate.pdf.read()).hexdigest()
    (message,) = [m for m in mail.outbox if "certificado" in m.subject.lower()]
    assert certificate.verification_url in message.body
    assert issue_for(completed_enrollment).pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_codes_are_random_and_long():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == 32 for code in codes)  # 160 bits


def test_no_certificate_when_the_course_grants_none(
    participant, django_capture_on_commit_callbacks
):
    course = build_course(modules=1, lessons=1)
    course.grants_certificate = False
    course.save_revision().publish()
    enrollment = enroll(user=participant, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    assert not Certificate.objects.exists()


def test_rendering_twice_keeps_one_file(completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    before = certificate.sha256
    render_and_store(certificate.pk)
    render_and_store(certificate.pk)
    assert CertificateVersion.objects.filter(certificate=certificate).count() == 1
    certificate.refresh_from_db()
    assert certificate.sha256 == before


def test_reissue_after_a_name_correction_keeps_the_code_and_old_versions(
    completed_enrollment, django_capture_on_commit_callbacks
):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    old_sha, code = certificate.sha256, certificate.code
    user = completed_enrollment.user
    user.full_name = "María José Tzul Batz de León"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        reissue(certificate=certificate)
    certificate.refresh_from_db()
    assert certificate.code == code and certificate.version == 2
    assert certificate.holder_name == "María José Tzul Batz de León"
    assert certificate.sha256 != old_sha
    assert CertificateVersion.objects.filter(certificate=certificate).count() == 2


def test_verification_states(client, completed_enrollment, coordinator):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    response = client.get(certificate.verification_path)
    html = response.content.decode()
    assert response.status_code == 200 and "Certificado válido" in html
    for shown in ("María José Tzul Batz", "Diplomado de prueba", "4"):
        assert shown in html
    assert completed_enrollment.user.email not in html
    lower = client.get(f"{VERIFY}{certificate.code.lower()}/")
    assert "Certificado válido" in lower.content.decode()
    revoke(
        certificate=certificate,
        by=coordinator,
        reason="Se detectó plagio en la evaluación.",
    )
    html = client.get(certificate.verification_path).content.decode()
    assert "Certificado revocado" in html and "Revocado el" in html
    # The reason stays in the admin: the public page never shows it.
    assert "plagio" not in html and "Motivo" not in html


@pytest.mark.parametrize(
    "code",
    ["NO-EXISTE", "A" * 32, "<script>alert(1)</script>", "X" * 600, "ÑÑÑÑ-1111"],
)
def test_bad_or_unknown_codes_get_the_same_not_found(client, code):
    response = client.get(f"{VERIFY}{code}/")
    assert response.status_code == 404
    assert "No encontramos ese certificado" in response.content.decode()
    assert "<script>alert" not in response.content.decode()


def test_the_code_form_redirects_to_the_result(client, completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    response = post_form(
        client, VERIFY, {"codigo-code": f"  {certificate.display_code} "}, action=VERIFY
    )
    assert response.status_code == 302
    assert "Certificado válido" in client.get(response.url).content.decode()


def test_pdf_upload_checks_the_hash(client, completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    original = certificate.pdf.read()
    response = post_form(
        client,
        VERIFY,
        {"archivo-pdf": SimpleUploadedFile("c.pdf", original, "application/pdf")},
        action=VERIFY,
    )
    assert "Certificado válido" in response.content.decode()
    tampered = (
        original.replace(b"Tzul", b"Tzux") if b"Tzul" in original else original + b"%"
    )
    response = post_form(
        client,
        VERIFY,
        {"archivo-pdf": SimpleUploadedFile("c.pdf", tampered, "application/pdf")},
        action=VERIFY,
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("content", "status", "message"),
    [
        (b"hola, no soy un pdf", 400, "no es un PDF"),
        (b"%PDF-" + b"0" * (5 * 1024 * 1024), 400, "5 MB"),
        # Far over the limit: refused from its declared length (lms.security).
        (b"%PDF-" + b"0" * (6 * 1024 * 1024), 413, "pesa más de lo permitido"),
    ],
)
def test_bad_uploads_get_a_clear_message(client, content, status, message):
    response = post_form(
        client,
        VERIFY,
        {"archivo-pdf": SimpleUploadedFile("x.pdf", content, "application/pdf")},
        action=VERIFY,
    )
    assert response.status_code == status
    assert message in response.content.decode()


def test_verification_is_rate_limited(client):
    statuses = [client.get(f"{VERIFY}{'A' * 32}/").status_code for _ in range(35)]
    assert statuses[:30] == [404] * 30
    assert statuses[-1] == 429


def test_download_is_for_the_owner_only(client, completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    url = reverse("certificados:download", args=[certificate.pk])
    assert "/cuentas/login/" in client.get(url).url
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(completed_enrollment.user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    dashboard = client.get("/mi-aprendizaje/").content.decode()
    assert "Cursos terminados" in dashboard and certificate.display_code in dashboard


def test_revoked_certificates_cannot_be_downloaded(
    client, completed_enrollment, coordinator
):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    revoke(certificate=certificate, by=coordinator, reason="Error de emisión")
    client.force_login(completed_enrollment.user)
    assert (
        client.get(reverse("certificados:download", args=[certificate.pk])).status_code
        == 404
    )
