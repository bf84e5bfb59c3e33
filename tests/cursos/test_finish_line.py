"""The learner's finish line: signing in lands on "Mi aprendizaje"; the lesson
or quiz that completes a course says so and offers the certificate (or says it
is being prepared, or that the course grants none); the dashboard keeps
finished courses in "Cursos terminados"."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificados.models import Certificate
from cursos.models import Enrollment
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.quizzes import start_attempt, submit_attempt
from lms.accounts.models import User
from tests.factories import (
    PASSWORD,
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    right_answers,
)
from tests.forms import post_form

pytestmark = pytest.mark.django_db
DASHBOARD = "/mi-aprendizaje/"


def _sign_in(csrf_client, user, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return post_form(csrf_client, url, {"login": user.email, "password": PASSWORD})


# ------------------------------------------------------------------ sign-in
@pytest.mark.parametrize("role", ["participante", "coordinadora"])
def test_signing_in_lands_on_my_learning(csrf_client, role):
    user = UserFactory(coordinator=role == "coordinadora")
    response = _sign_in(csrf_client, user)
    assert response.status_code == 302
    assert response.url == DASHBOARD


def test_signing_in_returns_to_the_page_it_came_from(csrf_client):
    course = build_course(modules=1, lessons=1)
    response = _sign_in(csrf_client, UserFactory(), next_url=course.url)
    assert response.url == course.url


def test_signing_in_never_follows_next_off_site(csrf_client):
    response = _sign_in(csrf_client, UserFactory(), next_url="https://evil.example/")
    assert response.url == DASHBOARD


# ------------------------------------------------------------------ lesson
def _lesson_finish(
    csrf_client, django_capture_on_commit_callbacks, *, certificate=True
):
    course = build_course(modules=1, lessons=2, title="Inducción")
    if not certificate:
        course.grants_certificate = False
        course.save_revision().publish()
    first, last = course_lessons(course)
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    complete_lesson(enrollment=enrollment, lesson=first)
    csrf_client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            csrf_client,
            last.url,
            {},
            action=reverse("cursos:complete", args=[last.pk]),
        )
    return course, enrollment, response


def test_the_last_lesson_opens_the_finish_line_with_the_certificate(
    csrf_client, django_capture_on_commit_callbacks
):
    course, enrollment, response = _lesson_finish(
        csrf_client, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert response.url == f"{DASHBOARD}#terminado-{course.pk}"
    html = csrf_client.get(DASHBOARD).content.decode()
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.ISSUED
    finish = html[html.index('class="finish-line"') :]
    finish = finish[: finish.index("</section>")]
    assert "¡Felicitaciones! Terminó «Inducción»" in finish
    assert reverse("certificados:download", args=[certificate.pk]) in finish
    assert "Cursos terminados" in html
    assert "Aún no está inscrito en ningún curso" not in html
    assert "No tiene cursos en marcha." in html


def test_a_lesson_that_does_not_finish_goes_on_as_before(
    csrf_client, django_capture_on_commit_callbacks
):
    course = build_course(modules=1, lessons=3)
    first, second, _third = course_lessons(course)
    user = UserFactory()
    enroll(user=user, course=course)
    csrf_client.force_login(user)
    response = post_form(
        csrf_client, first.url, {}, action=reverse("cursos:complete", args=[first.pk])
    )
    assert response.url != DASHBOARD and "#terminado" not in response.url
    assert "finish-line" not in csrf_client.get(DASHBOARD).content.decode()


def test_a_course_without_certificate_says_so(
    csrf_client, django_capture_on_commit_callbacks
):
    _course, enrollment, response = _lesson_finish(
        csrf_client, django_capture_on_commit_callbacks, certificate=False
    )
    assert "#terminado-" in response.url
    assert not Certificate.objects.filter(enrollment=enrollment).exists()
    html = csrf_client.get(DASHBOARD).content.decode()
    assert "¡Felicitaciones! Terminó «Inducción»" in html
    assert "Este curso no otorga certificado." in html
    assert "Descargar el certificado" not in html
    assert "se está preparando" not in html


def test_a_certificate_being_prepared_says_so(csrf_client):
    course = build_course(modules=1, lessons=1, title="Inducción")
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    # No on-commit callbacks run: the certificate row exists, not yet rendered.
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    assert Certificate.objects.get(enrollment=enrollment).status == "pendiente"
    csrf_client.force_login(user)
    html = csrf_client.get(DASHBOARD).content.decode()
    assert "Su certificado se está preparando" in html
    assert "Descargar el certificado" not in html


def test_a_course_finished_weeks_ago_is_listed_but_not_announced(
    csrf_client, completed_enrollment
):
    Enrollment.objects.filter(pk=completed_enrollment.pk).update(
        completed_at=timezone.now() - timedelta(days=40)
    )
    csrf_client.force_login(completed_enrollment.user)
    html = csrf_client.get(DASHBOARD).content.decode()
    assert "¡Felicitaciones!" not in html
    terminados = html[html.index('id="terminados"') :]
    assert "Diplomado de prueba" in terminados
    assert "Descargar el certificado (PDF)" in terminados


def test_someone_elses_certificate_never_shows(csrf_client, completed_enrollment):
    csrf_client.force_login(UserFactory())
    html = csrf_client.get(DASHBOARD).content.decode()
    assert "Diplomado de prueba" not in html
    assert "Aún no está inscrito en ningún curso." in html


# ------------------------------------------------------------------ quiz
def test_the_quiz_that_completes_the_course_shows_the_finish_line(
    client, django_capture_on_commit_callbacks
):
    course = build_course(modules=1, lessons=1, title="Diplomado corto")
    quiz = add_quiz(course, pass_mark=60)
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        submit_attempt(attempt=attempt, answers=right_answers(attempt))
    client.force_login(user)
    html = client.get(reverse("cursos:attempt_result", args=[attempt.pk])).content
    html = html.decode()
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert "¡Aprobó!" in html
    assert "¡Felicitaciones! Terminó «Diplomado corto»" in html
    assert reverse("certificados:download", args=[certificate.pk]) in html


def test_a_quiz_passed_before_the_end_does_not_claim_the_finish(client):
    course = build_course(modules=2, lessons=1, title="Diplomado largo")
    quiz = add_quiz(course, module=0, pass_mark=60)
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    client.force_login(user)
    url = reverse("cursos:attempt_result", args=[attempt.pk])
    assert "¡Aprobó!" in client.get(url).content.decode()
    assert "¡Felicitaciones!" not in client.get(url).content.decode()
    # Finishing later, by a lesson, does not rewrite that old result page.
    for lesson in course_lessons(course):
        complete_lesson(enrollment=enrollment, lesson=lesson)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now() + timedelta(hours=1)
    )
    assert "¡Felicitaciones!" not in client.get(url).content.decode()


# ------------------------------------------------------------------ budgets
def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_dashboard_queries_stay_flat_with_finished_courses(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client.force_login(user)

    def finish_one():
        course = build_course(modules=1, lessons=1)
        enrollment = enroll(user=user, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])

    finish_one()
    client.get(DASHBOARD)  # warm the outline cache
    one = _count(client, DASHBOARD)
    for _ in range(9):
        finish_one()
    client.get(DASHBOARD)
    ten = _count(client, DASHBOARD)
    assert one == ten
    assert ten <= 10, ten


# ------------------------------------------------------------------ verification
def test_an_altered_pdf_is_called_altered(client, completed_enrollment):
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    altered = certificate.pdf.read() + b"\n% cambiado\n"
    response = client.post(
        reverse("certificados:verify"),
        {"archivo-pdf": SimpleUploadedFile("c.pdf", altered, "application/pdf")},
    )
    html = response.content.decode()
    assert response.status_code == 404
    assert "El archivo no coincide con ningún certificado emitido" in html
    assert "Puede haber sido modificado" in html
    assert "Revise el código" not in html


def test_an_unknown_code_still_reads_as_not_found(client):
    response = client.get("/certificados/verificar/AAAA-BBBB/")
    html = response.content.decode()
    assert "No encontramos ese certificado" in html
    assert "Puede haber sido modificado" not in html


# ------------------------------------------------------------------ sign-up words
def test_posts_read_for_women_and_men(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert "Encargada o encargado de la Unidad de Información Pública" in html
    assert "Alcaldesa o alcalde municipal" in html
    assert ">Concejal<" not in html
    # Labels only: the stored values did not change.
    assert 'value="uip"' in html
    assert User.Post.UIP == "uip"
