"""Walks of the platform shared by the degrade tests (SQLite) and the fault
tests (PostgreSQL, `integration`): real requests, CSRF enforced, no mocks."""

from django.test import Client

from certificados.models import Certificate
from certificados.services import render_and_store
from cursos.models import QuizAttempt
from cursos.services.enrollment import enroll
from tests.factories import (
    PASSWORD,
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    right_answers,
)
from tests.forms import post_form

# A Redis that does not answer: a closed port on the loopback interface.
DEAD_REDIS_URL = "redis://127.0.0.1:1/0"
DEAD_REDIS_CACHES = {
    "default": {
        "BACKEND": "lms.cache.ResilientRedisCache",
        "LOCATION": DEAD_REDIS_URL,
    }
}


def walk_the_platform() -> dict[str, int]:
    """Home, a course, login through allauth, a lesson as an enrolled learner, a
    quiz started, saved and submitted, the course completed, its certificate
    verified, /salud/. Returns each step's status code."""
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, max_attempts=3)
    lesson = course_lessons(course)[0]
    learner = UserFactory()
    enrollment = enroll(user=learner, course=course)
    anonymous = Client(enforce_csrf_checks=True)
    client = Client(enforce_csrf_checks=True)
    steps = {
        "inicio": anonymous.get("/").status_code,
        "curso": anonymous.get(course.url).status_code,
    }
    login = post_form(
        client, "/cuentas/login/", {"login": learner.email, "password": PASSWORD}
    )
    steps["login"] = login.status_code
    lesson_page = client.get(lesson.url)
    steps["leccion"] = lesson_page.status_code
    assert "Marcar como completada" in lesson_page.content.decode(), (
        "the learner's session did not survive the next request"
    )
    start = post_form(
        client, quiz.url, action=f"/mi-aprendizaje/evaluaciones/{quiz.pk}/comenzar/"
    )
    steps["evaluacion_comenzar"] = start.status_code
    attempt = QuizAttempt.objects.get(enrollment=enrollment)
    attempt_url = f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/"
    answers = {f"q-{key}": chosen for key, chosen in right_answers(attempt).items()}
    saved = post_form(client, attempt_url, {**answers, "accion": "guardar"})
    steps["evaluacion_guardar"] = saved.status_code
    submitted = post_form(client, attempt_url, {**answers, "accion": "enviar"})
    steps["evaluacion_enviar"] = submitted.status_code
    steps["evaluacion_resultado"] = client.get(submitted.url).status_code
    completed = post_form(
        client, lesson.url, action=f"/mi-aprendizaje/completar/{lesson.pk}/"
    )
    steps["completar_leccion"] = completed.status_code
    # Rendered as the worker would (idempotent: already done where on_commit
    # callbacks run, as in transactional tests).
    certificate = render_and_store(Certificate.objects.get(enrollment=enrollment).pk)
    verification = anonymous.get(certificate.verification_path)
    steps["verificar_certificado"] = verification.status_code
    steps["salud"] = anonymous.get("/salud/").status_code
    return steps


EXPECTED_STEPS = {
    "inicio": 200,
    "curso": 200,
    "login": 302,
    "leccion": 200,
    "evaluacion_comenzar": 302,
    "evaluacion_guardar": 302,
    "evaluacion_enviar": 302,
    "evaluacion_resultado": 200,
    "completar_leccion": 302,
    "verificar_certificado": 200,
    "salud": 200,
}
