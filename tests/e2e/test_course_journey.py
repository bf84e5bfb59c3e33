"""A municipal official logs in, enrolls in the diploma, reads a lesson, marks it
complete, sees the progress bar move and continues from "Mi aprendizaje";
with JavaScript and without it."""

import pytest
from playwright.sync_api import expect

from tests.e2e.signing_in import sign_in
from tests.factories import UserFactory, build_course, course_lessons

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("javascript", [True, False], ids=["con-js", "sin-js"])
def test_participant_follows_the_diploma(
    live_server, new_context, assert_no_axe_violations, screenshot, javascript
):
    course = build_course(
        title="Diplomado Gestión Municipal y Transparencia",
        kind="diplomado",
        audience="municipal",
        modules=2,
        lessons=2,
        sequential=True,
    )
    lessons = course_lessons(course)
    user = UserFactory(email="juana@municipalidad.example")
    suffix = "js" if javascript else "sin-js"
    page = new_context(java_script_enabled=javascript).new_page()

    sign_in(page, live_server.url, user.email)
    expect(page).to_have_url(f"{live_server.url}/mi-aprendizaje/")

    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Cursos"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cursos")
    assert_no_axe_violations(page)
    screenshot(page, f"cursos-catalogo-{suffix}")

    page.get_by_role("link", name=course.title).click()
    expect(page.get_by_role("heading", name="Temario")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, f"cursos-curso-{suffix}")

    page.get_by_role("button", name="Inscribirme").click()
    expect(page).to_have_url(f"{live_server.url}{lessons[0].url}")
    expect(page.get_by_text("Se inscribió en")).to_be_visible()
    expect(page.locator(".lesson-aside [role=progressbar]")).to_have_attribute(
        "aria-valuenow", "0"
    )
    assert_no_axe_violations(page)
    screenshot(page, f"cursos-leccion-{suffix}")

    page.get_by_role("button", name="Marcar como completada").click()
    expect(page).to_have_url(f"{live_server.url}{lessons[1].url}")
    expect(page.get_by_text("Lección completada.")).to_be_visible()
    expect(page.locator(".lesson-aside [role=progressbar]")).to_have_attribute(
        "aria-valuenow", "25"
    )
    expect(page.locator(".lesson-aside")).to_contain_text("1 de 4 completadas")

    page.get_by_role("link", name="Mi aprendizaje").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mi aprendizaje")
    expect(page.get_by_text("Sigue: Lección 1.2")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, f"cursos-mi-aprendizaje-{suffix}")

    page.get_by_role("link", name="Continuar donde lo dejé").click()
    expect(page).to_have_url(f"{live_server.url}{lessons[1].url}")

    # The second module is locked until the first is done, and says why.
    page.goto(f"{live_server.url}{lessons[2].url}")
    expect(page.get_by_text("Esta lección todavía está bloqueada.")).to_be_visible()
    expect(
        page.get_by_text("Se abre cuando complete el módulo «Módulo 1».")
    ).to_be_visible()
