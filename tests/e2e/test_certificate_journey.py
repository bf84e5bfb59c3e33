"""A learner who completed a course finds the certificate in "Mi aprendizaje",
downloads it, and anyone can verify it by its code, without an account."""

import pytest
from playwright.sync_api import expect

from certificados.models import Certificate
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.e2e.signing_in import sign_in
from tests.factories import UserFactory, build_course, course_lessons

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

    sign_in(page, live_server.url, user.email, "/mi-aprendizaje/")
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


def test_digital_credential_verifies_and_a_tampered_one_does_not(
    live_server, page, new_context, assert_no_axe_violations, screenshot, tmp_path
):
    """The learner downloads the credential (.jwt) from "Mi aprendizaje";
    anyone uploads it to the credential check, without JavaScript: valid, with
    the holder's name; the same file with one character changed is refused."""
    course = build_course(modules=1, lessons=1, title="Participación ciudadana")
    user = UserFactory(full_name="Ana Isabel Cojtí Sicán")
    enrollment = enroll(user=user, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])

    sign_in(page, live_server.url, user.email, "/mi-aprendizaje/")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Descargar la credencial digital (.jwt)"
        ).first.click()
    assert download.value.suggested_filename.endswith(".jwt")
    credential = tmp_path / "credencial.jwt"
    download.value.save_as(credential)
    token = credential.read_text().strip()
    assert token.count(".") == 2  # a compact JWS: header.payload.signature

    visitor = new_context(java_script_enabled=False).new_page()
    visitor.goto(f"{live_server.url}/certificados/verificar/")
    visitor.get_by_role("link", name="Verifíquela aquí").click()
    visitor.get_by_label("o suba el archivo de la credencial (.jwt)").set_input_files(
        str(credential)
    )
    visitor.get_by_role("button", name="Comprobar la credencial").click()
    expect(visitor.get_by_text("Credencial válida")).to_be_visible()
    expect(visitor.get_by_text("Ana Isabel Cojtí Sicán")).to_be_visible()
    expect(visitor.get_by_text("Participación ciudadana", exact=True)).to_be_visible()
    assert_no_axe_violations(visitor)
    screenshot(visitor, "credencial-valida")

    header, payload, signature = token.split(".")
    flipped = "A" if signature[10] != "A" else "B"
    tampered = f"{header}.{payload}.{signature[:10]}{flipped}{signature[11:]}"
    visitor.get_by_label("Pegue aquí la credencial").fill(tampered)
    visitor.get_by_role("button", name="Comprobar la credencial").click()
    expect(visitor.get_by_text("Credencial válida")).to_have_count(0)
    expect(
        visitor.get_by_text("Firma no válida: la credencial fue alterada")
    ).to_be_visible()
    assert_no_axe_violations(visitor)
