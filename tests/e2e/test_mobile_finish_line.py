"""On a phone (375 × 740): the main menu is one "Menú" line that opens and
closes without JavaScript, the open-data page passes axe-core, and a learner
who completes the last lesson of a course sees the finish line and downloads
the certificate."""

import pytest
from playwright.sync_api import expect

from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from home.models import HomePage, TransparencyPage
from tests.e2e.signing_in import sign_in
from tests.factories import (
    UserFactory,
    _publish,
    build_course,
    course_lessons,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 375, "height": 740}


def _menu(page):
    return page.get_by_role("navigation", name="Principal")


def test_menu_is_one_line_and_opens_without_javascript(
    live_server, new_context, assert_no_axe_violations, screenshot
):
    build_course(title="Inducción al Gobierno Abierto", modules=1, lessons=1)
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/")
    toggle = _menu(page).locator("summary")
    expect(toggle).to_have_text("Menú")
    courses = _menu(page).get_by_role("link", name="Cursos")
    expect(courses).to_be_hidden()
    # One line: the closed menu is no taller than its toggle.
    assert _menu(page).bounding_box()["height"] <= toggle.bounding_box()["height"] + 2
    screenshot(page, "movil-menu-cerrado")
    assert_no_axe_violations(page)

    toggle.click()
    expect(courses).to_be_visible()
    screenshot(page, "movil-menu-abierto")
    assert_no_axe_violations(page)
    toggle.click()
    expect(courses).to_be_hidden()

    toggle.click()
    courses.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cursos")


def test_menu_is_a_row_without_toggle_on_a_wide_screen(live_server, new_context):
    build_course(title="Inducción al Gobierno Abierto", modules=1, lessons=1)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/")
    expect(_menu(page).locator("summary")).to_be_hidden()
    expect(_menu(page).get_by_role("link", name="Cursos")).to_be_visible()
    expect(_menu(page).get_by_role("link", name="Buscar")).to_be_visible()
    links = _menu(page).get_by_role("link")
    tops = {round(links.nth(n).bounding_box()["y"]) for n in range(links.count())}
    assert len(tops) == 1, tops  # one row


def test_open_data_passes_axe_on_a_phone(
    live_server, new_context, assert_no_axe_violations, screenshot
):
    course = build_course(title="Inducción al Gobierno Abierto", modules=1, lessons=1)
    for n in range(3):
        enrollment = enroll(user=UserFactory(), course=course)
        if n:
            complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    _publish(
        HomePage.objects.get(),
        TransparencyPage(
            title="Datos abiertos de la formación",
            slug="datos-abiertos",
            intro="Cifras agregadas de la formación, sin datos personales.",
        ),
    )
    page = new_context(viewport=PHONE).new_page()
    page.goto(f"{live_server.url}/datos-abiertos/")
    table = page.get_by_role("region", name="Formación por departamento")
    expect(table).to_be_visible()
    # The table scrolls inside its labelled region, never the whole page.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    table.focus()
    expect(table).to_be_focused()
    screenshot(page, "movil-datos-abiertos")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["con-js", "sin-js"])
def test_learner_finishes_a_course_on_a_phone(
    live_server, new_context, assert_no_axe_violations, screenshot, javascript
):
    course = build_course(
        title="Inducción al Gobierno Abierto", modules=1, lessons=2, sequential=True
    )
    lessons = course_lessons(course)
    user = UserFactory(full_name="María Elena Tzul Coj")
    enrollment = enroll(user=user, course=course)
    complete_lesson(enrollment=enrollment, lesson=lessons[0])
    suffix = "js" if javascript else "sin-js"
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()

    sign_in(page, live_server.url, user.email)
    # Signing in lands on "Mi aprendizaje", not on the profile form.
    expect(page).to_have_url(f"{live_server.url}/mi-aprendizaje/")
    expect(page.get_by_role("heading", name="Cursos terminados")).to_be_visible()

    page.goto(f"{live_server.url}{lessons[1].url}")
    page.get_by_role("button", name="Marcar como completada").click()
    expect(page).to_have_url(f"{live_server.url}/mi-aprendizaje/#terminado-{course.pk}")
    expect(
        page.get_by_role("heading", name="¡Felicitaciones! Terminó «Inducción")
    ).to_be_visible()
    expect(page.get_by_text("Aún no está inscrito en ningún curso")).to_have_count(0)
    expect(page.get_by_text("No tiene cursos en marcha.")).to_be_visible()
    screenshot(page, f"movil-curso-terminado-{suffix}")
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.locator(".finish-line").get_by_role(
            "link", name="Descargar el certificado (PDF)"
        ).click()
    assert download.value.suggested_filename.endswith(".pdf")
