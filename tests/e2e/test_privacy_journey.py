"""A learner's privacy rights in the browser, without JavaScript: asks for a
copy of her data and reads it as a page, then deletes her account (password
again, the box left unticked first), cannot sign in any more, and her
certificate still verifies without her name. axe-core on each page."""

import pytest
from playwright.sync_api import expect

from certificados.models import Certificate
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from lms.accounts.models import DataExport
from lms.accounts.privacy.exports import build_export
from tests.e2e.signing_in import sign_in
from tests.factories import PASSWORD, UserFactory, build_course, course_lessons

RETIRED = "Nombre retirado a solicitud de su titular"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_copy_of_my_data_then_delete_my_account(
    live_server, new_context, assert_no_axe_violations, screenshot
):
    course = build_course(modules=1, lessons=1, title="Acceso a la información pública")
    person = UserFactory(full_name="Marta Lucía Tzoc Ixcoy")
    enrollment = enroll(user=person, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    certificate = Certificate.objects.get(enrollment=enrollment)
    base = live_server.url

    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, base, person.email, "/cuentas/perfil/")
    expect(page.get_by_role("heading", name="Sus datos personales")).to_be_visible()
    page.get_by_role("button", name="Descargar mis datos").click()
    expect(page.get_by_text("Estamos preparando sus datos")).to_be_visible()
    # The worker's part (tests/integration run it through a real Celery).
    export = DataExport.objects.get(user=person)
    if export.status == DataExport.Status.PENDING:
        build_export(export.pk)
    page.reload()
    page.get_by_role("link", name="ver como página").click()
    expect(page.get_by_role("heading", name="Mis datos personales")).to_be_visible()
    expect(page.get_by_text("Marta Lucía Tzoc Ixcoy").first).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, "privacidad-mis-datos")

    page.goto(f"{base}/cuentas/perfil/")
    # Deleting the account asks for the password again (allauth's
    # reauthentication), however recent the sign-in.
    page.get_by_role("link", name="Eliminar mi cuenta").click()
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Confirmar").click()
    expect(page.get_by_role("heading", name="Eliminar mi cuenta")).to_be_visible()
    expect(page.get_by_text(RETIRED)).to_be_visible()  # what verifying will say
    delete = page.get_by_role("button", name="Eliminar mi cuenta definitivamente")
    delete.click()  # the box left unticked: refused, said beside the box
    expect(page.get_by_text("Marque la casilla para confirmar")).to_be_visible()
    box = page.get_by_role("checkbox")
    assert box.get_attribute("aria-describedby") == "id_confirm_error"
    assert_no_axe_violations(page)
    screenshot(page, "privacidad-eliminar-sin-casilla")
    box.check()
    page.get_by_role("button", name="Eliminar mi cuenta definitivamente").click()
    expect(page.get_by_text("Su cuenta fue eliminada.")).to_be_visible()

    sign_in(page, base, person.email, "/cuentas/perfil/")
    expect(page.get_by_text("y/o la contraseña que ha indicado no son")).to_be_visible()
    expect(page.get_by_role("heading", name="Sus datos personales")).to_have_count(0)

    visitor = new_context(java_script_enabled=False).new_page()
    visitor.goto(f"{base}/certificados/verificar/")
    visitor.get_by_label("Código de verificación").fill(certificate.display_code)
    visitor.get_by_role("button", name="Verificar", exact=True).click()
    expect(visitor.get_by_text(RETIRED)).to_be_visible()
    expect(visitor.get_by_text("Marta Lucía Tzoc Ixcoy")).to_have_count(0)
    assert_no_axe_violations(visitor)
