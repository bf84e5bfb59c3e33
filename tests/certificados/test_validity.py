"""Validity of certificates: the month arithmetic, ``valid_until`` at issue and
after a reissue, the line on the PDF, and the public verdict (valid, expired,
revoked) that never shows the reason for a revocation nor the grade."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from certificados.models import Certificate
from certificados.pdf import render_certificate_pdf
from certificados.services import (
    issue_for,
    reissue,
    render_and_store,
    revoke,
    sample_certificate,
)
from cursos.models import CoursePage, Enrollment
from cursos.validity import add_months, valid_until
from tests.factories import UserFactory, build_course

TZ = timezone.get_current_timezone()
REASON = "Se detectó plagio en el proyecto final, expediente 77/2026"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-11-20", 12, "2027-11-20"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),  # leap year
        ("2028-02-29", 12, "2029-02-28"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-05-31", 120, "2036-05-31"),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    result = add_months(datetime.date.fromisoformat(day), months)
    assert result == datetime.date.fromisoformat(expected)


def test_no_validity_means_no_end():
    assert valid_until(datetime.date(2026, 1, 1), None) is None
    assert valid_until(datetime.date(2026, 1, 1), 6) == datetime.date(2026, 7, 1)


def _completed(*, months=12, on=datetime.datetime(2026, 11, 20, 10, tzinfo=TZ)):
    from cursos.services.enrollment import enroll

    course = build_course(modules=1, lessons=1, title="Ética en la función pública")
    CoursePage.objects.filter(pk=course.pk).update(validity_months=months)
    enrollment = enroll(user=UserFactory(full_name="Juana Ixcoy Pérez"), course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=on,
        status=Enrollment.Status.COMPLETED,
        result="aprobado",
        final_grade=Decimal("91.5"),
    )
    return Enrollment.objects.select_related("course", "user").get(pk=enrollment.pk)


def _issued(**kwargs) -> Certificate:
    certificate = issue_for(_completed(**kwargs), enqueue=False)
    render_and_store(certificate.pk)
    certificate.refresh_from_db()
    return certificate


def text_of(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


@pytest.mark.django_db
def test_issue_sets_valid_until_and_reissue_keeps_it():
    certificate = _issued()
    assert certificate.valid_until == datetime.date(2027, 11, 20)
    user = certificate.enrollment.user
    user.full_name = "Juana Ixcoy Pérez de León"
    user.save()
    with time_machine.travel(datetime.datetime(2027, 6, 1, 9, tzinfo=TZ)):
        reissued = reissue(certificate=certificate, enqueue=False)
    reissued.refresh_from_db()
    assert reissued.version == 2
    assert reissued.valid_until == datetime.date(2027, 11, 20)


@pytest.mark.django_db
def test_a_course_without_validity_gives_a_certificate_that_does_not_expire():
    certificate = _issued(months=None)
    assert certificate.valid_until is None
    assert "Válido hasta" not in text_of(render_certificate_pdf(certificate))
    assert certificate.verdict(on=datetime.date(2099, 1, 1)) == "valido"


@pytest.mark.django_db
def test_the_pdf_prints_valid_until_on_one_page():
    certificate = _issued()
    pdf = render_certificate_pdf(certificate)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "Válido hasta el 20 de noviembre de 2027" in text_of(pdf)
    # Stored PDF too (the one the learner downloads).
    assert "Válido hasta el 20 de noviembre de 2027" in text_of(certificate.pdf.read())


@pytest.mark.django_db
def test_the_template_preview_shows_the_validity_line():
    from certificados.models import CertificateTemplate

    sample = sample_certificate(CertificateTemplate.objects.order_by("pk").first())
    assert "Válido hasta el 20 de noviembre de 2027" in text_of(
        render_certificate_pdf(sample)
    )


def _page(client, certificate, day):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(9), TZ)):
        response = client.get(certificate.verification_path)
    return response.status_code, response.content.decode()


@pytest.mark.django_db
def test_verification_says_valid_then_expired_the_day_after(client):
    certificate = _issued()
    status, html = _page(client, certificate, datetime.date(2027, 11, 20))
    assert status == 200
    assert "Certificado válido" in html and "20 de noviembre de 2027" in html
    assert "vencido" not in html.lower()
    status, html = _page(client, certificate, datetime.date(2027, 11, 21))
    assert status == 200
    assert "Certificado vencido" in html
    assert "vencido (venció el 20 de noviembre de 2027)" in html
    assert "Certificado válido" not in html


@pytest.mark.django_db
def test_verification_by_file_of_an_expired_certificate_says_expired(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.forms import post_form

    certificate = _issued()
    upload = SimpleUploadedFile(
        "c.pdf", certificate.pdf.read(), content_type="application/pdf"
    )
    with time_machine.travel(datetime.datetime(2028, 1, 5, 9, tzinfo=TZ)):
        response = post_form(
            client,
            "/certificados/verificar/",
            {"archivo-pdf": upload},
            action="/certificados/verificar/",
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Certificado vencido" in html
    assert "El archivo es idéntico" in html


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2027-01-10", "2028-01-10"])  # before and after expiry
def test_revoked_shows_the_date_never_the_reason(client, day):
    from django.contrib.auth import get_user_model

    certificate = _issued()
    coordinator = get_user_model().objects.create_user(
        email="coord@infom.gob.gt", password="x"
    )
    with time_machine.travel(datetime.datetime(2026, 12, 3, 9, tzinfo=TZ)):
        revoke(certificate=certificate, by=coordinator, reason=REASON)
    certificate.refresh_from_db()
    status, html = _page(client, certificate, datetime.date.fromisoformat(day))
    assert status == 200
    assert "Certificado revocado" in html
    assert "revocado el 3 de diciembre de 2026" in html
    assert "Certificado válido" not in html and "Certificado vencido" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("verdict", ["valido", "vencido", "revocado"])
def test_the_public_page_never_shows_the_reason_nor_the_grade(client, verdict):
    from django.contrib.auth import get_user_model

    certificate = _issued()
    # A reason is stored whatever the verdict (a revocation stays in the row).
    Certificate.objects.filter(pk=certificate.pk).update(revoke_reason=REASON)
    if verdict == "revocado":
        revoke(
            certificate=certificate,
            by=get_user_model().objects.create_user(email="c@infom.gob.gt"),
            reason=REASON,
        )
    certificate.refresh_from_db()
    day = (
        datetime.date(2028, 3, 1) if verdict == "vencido" else datetime.date(2027, 3, 1)
    )
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(9), TZ)):
        assert certificate.verdict() == verdict
    status, html = _page(client, certificate, day)
    assert status == 200
    for secret in ("plagio", "77/2026", "Motivo", "91,5", "91.5", "Nota final"):
        assert secret not in html
    for shown in ("Juana Ixcoy Pérez", "Ética en la función pública", "Horas"):
        assert shown in html
    assert certificate.display_code in html


@pytest.mark.django_db
def test_unknown_and_pending_are_still_404(client):
    certificate = issue_for(_completed(), enqueue=False)  # pending: not rendered
    assert client.get(certificate.verification_path).status_code == 404
    assert client.get("/certificados/verificar/NOEXISTE/").status_code == 404
