"""Certificate kinds: approval (with the grade of a graded course) and the
constancia de participación; the PDF and the public verification say which."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from certificados.models import Certificate
from certificados.pdf import render_certificate_pdf
from certificados.services import issue_for
from cursos.models import Enrollment
from tests.factories import UserFactory, build_course


def text_of(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def _completed(result, grade=None):
    from django.utils import timezone

    from cursos.services.enrollment import enroll

    course = build_course(modules=1, lessons=1, title="Diplomado calificado")
    enrollment = enroll(user=UserFactory(full_name="Juana Ixcoy Pérez"), course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now(),
        status=Enrollment.Status.COMPLETED,
        result=result,
        final_grade=grade,
    )
    return Enrollment.objects.select_related("course", "user").get(pk=enrollment.pk)


@pytest.mark.django_db
def test_approval_certificate_prints_its_kind_grade_and_hours():
    certificate = issue_for(_completed("aprobado", Decimal("86.00")), enqueue=False)
    assert certificate.kind == Certificate.Kind.APPROVAL
    text = text_of(render_certificate_pdf(certificate))
    assert "CERTIFICADO DE APROBACIÓN" in text
    assert "con una nota final de 86/100" in text
    assert "4 horas" in text
    assert "Juana Ixcoy Pérez" in text


@pytest.mark.django_db
def test_participation_prints_a_constancia_without_grade():
    certificate = issue_for(_completed("participacion", Decimal("52.5")), enqueue=False)
    assert certificate.kind == Certificate.Kind.PARTICIPATION
    text = text_of(render_certificate_pdf(certificate))
    assert "CONSTANCIA DE PARTICIPACIÓN" in text
    assert "por su participación en" in text
    assert "satisfactoriamente" not in text
    assert "nota" not in text
    assert "4 horas" in text


@pytest.mark.django_db
def test_not_approved_gets_no_certificate():
    assert issue_for(_completed("no_aprobado", Decimal("40")), enqueue=False) is None
    assert not Certificate.objects.exists()


@pytest.mark.django_db
def test_a_course_without_grade_keeps_its_template_title():
    certificate = issue_for(_completed("aprobado"), enqueue=False)
    text = text_of(render_certificate_pdf(certificate))
    assert "CERTIFICADO" in text
    assert "APROBACIÓN" not in text
    assert "nota" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("result", "grade", "shown", "hidden"),
    [
        # The grade is personal: printed on the PDF, never on the public page.
        (
            "aprobado",
            Decimal("86.50"),
            ["Certificado de aprobación"],
            ["86,50", "Nota"],
        ),
        (
            "participacion",
            Decimal("52"),
            ["Constancia de participación"],
            ["52/100", "Certificado de aprobación"],
        ),
    ],
)
def test_public_verification_says_which_kind(client, result, grade, shown, hidden):
    from certificados.services import render_and_store

    certificate = issue_for(_completed(result, grade), enqueue=False)
    render_and_store(certificate.pk)
    certificate.refresh_from_db()
    page = client.get(certificate.verification_path).content.decode()
    for text in shown:
        assert text in page
    for text in hidden:
        assert text not in page
