"""A participant fails a module quiz once, passes it on the second attempt and
sees the course progress move; with JavaScript and without it."""

import pytest
from playwright.sync_api import expect

from cursos.models import QuizAttempt
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.e2e.signing_in import sign_in
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    question,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTIONS = [
    question(prompt="¿Plazo para responder una solicitud?", correct=(1,)),
    question(
        kind="multiple", prompt="¿Principios del Gobierno Abierto?", correct=(0, 2)
    ),
    question(
        kind="true_false",
        prompt="La información de oficio se publica sin pedirla.",
        correct=(0,),
    ),
]


def choose(page, snapshot, right: bool):
    for q in snapshot:
        for choice in q["choices"]:
            if choice["correct"] == right or (
                not right and q["type"] == "multiple" and choice["correct"]
            ):
                page.locator(f'[id="c-{choice["key"]}"]').check()
                if q["type"] != "multiple" or not right:
                    break


@pytest.mark.parametrize("javascript", [True, False], ids=["con-js", "sin-js"])
def test_fail_then_pass_a_quiz(
    live_server, new_context, assert_no_axe_violations, screenshot, javascript
):
    course = build_course(modules=1, lessons=1, title="Diplomado de prueba")
    quiz = add_quiz(
        course,
        questions=QUESTIONS,
        max_attempts=3,
        pass_mark=100,
        time_limit_minutes=30,
        title="Evaluación del módulo 1",
    )
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    suffix = "js" if javascript else "sin-js"
    page = new_context(java_script_enabled=javascript).new_page()
    sign_in(page, live_server.url, user.email, quiz.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Evaluación del módulo 1")
    expect(page.locator(".lesson-aside [role=progressbar]")).to_have_attribute(
        "aria-valuenow", "50"
    )
    assert_no_axe_violations(page)
    screenshot(page, f"evaluacion-inicio-{suffix}")

    for attempt_number, right in ((1, False), (2, True)):
        page.get_by_role("button", name="Comenzar").click()
        attempt = QuizAttempt.objects.get(enrollment=enrollment, number=attempt_number)
        expect(page.get_by_text("Hora límite:")).to_be_visible()
        if attempt_number == 1:
            assert_no_axe_violations(page)
            screenshot(page, f"evaluacion-intento-{suffix}")
        choose(page, attempt.snapshot, right)
        if not javascript:
            page.get_by_role("button", name="Guardar respuestas").click()
            expect(page.get_by_text("Sus respuestas se guardaron.")).to_be_visible()
        else:
            expect(page.locator("#estado-guardado")).to_contain_text(
                "Respuestas guardadas"
            )
        page.get_by_role("button", name="Enviar evaluación").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"Resultado del intento {attempt_number}"
        )
        if right:
            expect(page.get_by_text("¡Aprobó!")).to_be_visible()
            assert_no_axe_violations(page)
            screenshot(page, f"evaluacion-aprobada-{suffix}")
        else:
            expect(page.get_by_text("No alcanzó la nota mínima")).to_be_visible()
            assert_no_axe_violations(page)
            screenshot(page, f"evaluacion-reprobada-{suffix}")
            page.get_by_role("link", name="Volver a la evaluación").click()
            expect(
                page.get_by_text("Su mejor calificación hasta ahora:")
            ).to_be_visible()

    page.get_by_role("link", name="Volver a la evaluación").click()
    expect(page.locator(".lesson-aside [role=progressbar]")).to_have_attribute(
        "aria-valuenow", "100"
    )
    expect(page.get_by_text("Ya aprobó esta evaluación.")).to_be_visible()
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
