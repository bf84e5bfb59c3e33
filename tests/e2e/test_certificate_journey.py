"""A learner who completed a course finds the certificate in "Mi aprendizaje",
downloads it, and anyone can verify it by its code, without an account."""

import pytest
from playwright.sync_api import expect

from certificados.models import Certificate
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import PASSWORD, UserFactory, build_course, course_lessons

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_download_and_verify_a_certificate(
    live_server, page, new_context, assert_no_axe_violations, screenshot
):
    course = build_course(modules=1, lessons=1, title="Inducción al Gobierno Abierto")
    user = UserFactory(full_name="José Alberto Pérez Xicará")
    enrollment = enroll(user=user, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.ISSUED

    page.goto(f"{live_server.url}/cuentas/login/?next=/mi-aprendizaje/")
    page.get_by_label("Correo electrónico").fill(user.email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", name="Cursos terminados")).to_be_visible()
    with page.expect_download() as download:
        # The finish line at the top and the course's card both offer it.
        page.get_by_role("link", name="Descargar el certificado (PDF)").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert_no_axe_violations(page)

    visitor = new_context(java_script_enabled=False).new_page()
    visitor.goto(f"{live_server.url}/certificados/verificar/")
    assert_no_axe_violations(visitor)
    visitor.get_by_label("Código de verificación").fill(certificate.display_code)
    visitor.get_by_role("button", name="Verificar", exact=True).click()
    expect(visitor.get_by_text("Certificado válido")).to_be_visible()
    expect(visitor.get_by_text("José Alberto Pérez Xicará")).to_be_visible()
    assert_no_axe_violations(visitor)
    screenshot(visitor, "certificado-verificado")
