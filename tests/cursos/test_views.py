from datetime import timedelta

import pytest
from django.utils import timezone

from cursos.models import Enrollment, LessonCompletion
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import UserFactory, build_course, course_lessons
from tests.forms import csrf_token, csrf_token_of_form, post_form

pytestmark = pytest.mark.django_db


def test_catalog_lists_live_courses_with_status_and_own_progress(client, participant):
    course = build_course(title="Diplomado de prueba", kind="diplomado")
    draft = build_course(title="Curso en borrador")
    draft.unpublish()
    enrollment = enroll(user=participant, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    client.force_login(participant)
    html = client.get("/cursos/").content.decode()
    assert "Diplomado de prueba" in html
    assert "Curso en borrador" not in html
    assert "Inscripción abierta, a su ritmo" in html
    assert 'aria-valuenow="25"' in html


def test_course_page_shows_syllabus_and_asks_anonymous_to_log_in(client):
    course = build_course(modules=2, lessons=2)
    html = client.get(course.url).content.decode()
    assert "Temario" in html
    assert "Lección 2.2" in html
    assert "Ingrese para inscribirse" in html


def test_enroll_requires_login_and_post(client, participant):
    course = build_course()
    # Anonymous people see "Ingrese para inscribirse", not the form: a forged
    # POST with a valid session token is still sent to log in.
    response = client.post(
        f"/mi-aprendizaje/inscribirse/{course.pk}/",
        {"csrfmiddlewaretoken": csrf_token(client)},
    )
    assert response.status_code == 302 and "/cuentas/login/" in response.url
    client.force_login(participant)
    assert client.get(f"/mi-aprendizaje/inscribirse/{course.pk}/").status_code == 405
    assert not Enrollment.objects.exists()


def csrf_token_of_course_page(client, course, enroll_url):
    page = client.get(course.url)
    return csrf_token_of_form(page.content.decode(), course.url, enroll_url)


def test_enroll_and_continue(client, participant):
    course = build_course(modules=1, lessons=2)
    client.force_login(participant)
    enroll_url = f"/mi-aprendizaje/inscribirse/{course.pk}/"
    token = csrf_token_of_course_page(client, course, enroll_url)
    response = client.post(enroll_url, {"csrfmiddlewaretoken": token}, follow=True)
    assert Enrollment.objects.filter(user=participant, course=course).count() == 1
    first = course_lessons(course)[0]
    assert response.redirect_chain[-1][0] == first.url
    assert "Se inscribió" in response.content.decode()
    # A double click posts the same form twice.
    client.post(enroll_url, {"csrfmiddlewaretoken": token})
    assert Enrollment.objects.count() == 1


def test_enroll_in_closed_cohort_shows_the_reason(client, participant):
    now = timezone.now()
    course = build_course(
        cohorts=[
            {
                "name": "Edición cerrada",
                "enrollment_opens": now - timedelta(days=30),
                "enrollment_closes": now - timedelta(days=1),
                "starts_on": timezone.localdate(now),
            }
        ]
    )
    client.force_login(participant)
    # The closed cohort is told on the course page; the POST is what a page
    # opened before the closing time would still send.
    response = client.post(
        f"/mi-aprendizaje/inscribirse/{course.pk}/",
        {"csrfmiddlewaretoken": csrf_token(client, course.url)},
        follow=True,
    )
    assert "están cerradas" in response.content.decode()
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("cohort_value", ["abc", "999999"])
def test_enroll_with_a_bad_cohort_id_changes_nothing(client, participant, cohort_value):
    course = build_course()
    client.force_login(participant)
    response = post_form(
        client,
        course.url,
        {"cohort": cohort_value},
        action=f"/mi-aprendizaje/inscribirse/{course.pk}/",
        follow=True,
    )
    assert response.status_code == 200
    assert "no pertenece" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_unknown_ids_answer_404(client, participant):
    client.force_login(participant)
    token = {"csrfmiddlewaretoken": csrf_token(client, build_course().url)}
    assert client.post("/mi-aprendizaje/inscribirse/999999/", token).status_code == 404
    assert client.post("/mi-aprendizaje/completar/999999/", token).status_code == 404
    assert client.get("/mi-aprendizaje/continuar/999999/").status_code == 404


def test_complete_lesson_through_the_page(client, participant):
    course = build_course(modules=1, lessons=2)
    lessons = course_lessons(course)
    enroll(user=participant, course=course)
    client.force_login(participant)
    page = client.get(lessons[0].url).content.decode()
    assert "Marcar como completada" in page
    complete_url = f"/mi-aprendizaje/completar/{lessons[0].pk}/"
    token = csrf_token_of_form(page, lessons[0].url, complete_url)
    response = client.post(
        complete_url, {"next": lessons[1].url, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302 and response.url == lessons[1].url
    client.post(complete_url, {"csrfmiddlewaretoken": token})
    assert LessonCompletion.objects.count() == 1
    page = client.get(lessons[1].url).content.decode()
    assert 'aria-valuenow="50"' in page


def test_completing_without_enrollment_writes_nothing(client, participant):
    course = build_course()
    client.force_login(participant)
    lesson = course_lessons(course)[0]
    # Not enrolled: the lesson page offers no "complete" form; a forged POST
    # with a valid token still writes nothing.
    response = client.post(
        f"/mi-aprendizaje/completar/{lesson.pk}/",
        {"csrfmiddlewaretoken": csrf_token(client, course.url)},
        follow=True,
    )
    assert "Inscríbase" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_completing_a_locked_lesson_is_refused(client, participant):
    course = build_course(modules=2, lessons=1, sequential=True)
    enroll(user=participant, course=course)
    client.force_login(participant)
    locked = course_lessons(course)[1]
    page = client.get(locked.url).content.decode()
    assert "todavía está bloqueada" in page
    assert "Contenido de la lección 2.1" not in page
    response = client.post(
        f"/mi-aprendizaje/completar/{locked.pk}/",
        {"csrfmiddlewaretoken": csrf_token(client, course.url)},
        follow=True,
    )
    assert "Se abre cuando complete el módulo" in response.content.decode()
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize(
    "target", ["https://malicioso.example/", "//malicioso.example/", "hola"]
)
def test_open_redirect_and_bad_next_are_refused(client, participant, target):
    course = build_course()
    enroll(user=participant, course=course)
    client.force_login(participant)
    lesson = course_lessons(course)[0]
    response = post_form(
        client,
        lesson.url,
        {"next": target},
        action=f"/mi-aprendizaje/completar/{lesson.pk}/",
    )
    assert response.url == lesson.url


def test_nul_byte_in_next_is_refused_and_nothing_is_completed(client, participant):
    """lms.security refuses any form with a NUL byte before the view runs."""
    course = build_course()
    enroll(user=participant, course=course)
    client.force_login(participant)
    lesson = course_lessons(course)[0]
    response = post_form(
        client,
        lesson.url,
        {"next": "/a\x00b"},
        action=f"/mi-aprendizaje/completar/{lesson.pk}/",
    )
    assert response.status_code == 400
    assert "carácter nulo" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_enrolled_only_course_hides_lessons_from_others(client, participant):
    course = build_course(visibility="inscritos")
    lesson = course_lessons(course)[0]
    html = client.get(lesson.url).content.decode()
    assert "solo para personas inscritas" in html
    assert "Contenido de la lección 1.1" not in html
    enroll(user=participant, course=course)
    client.force_login(participant)
    assert "Contenido de la lección 1.1" in client.get(lesson.url).content.decode()


def test_open_course_lessons_are_readable_by_anyone(client):
    course = build_course()
    html = client.get(course_lessons(course)[0].url).content.decode()
    assert "Contenido de la lección 1.1" in html


def test_dashboard_needs_login(client):
    response = client.get("/mi-aprendizaje/")
    assert response.status_code == 302


def test_dashboard_shows_own_enrollments_only(client, participant):
    mine = build_course(title="Mi curso")
    theirs = build_course(title="Curso ajeno")
    enroll(user=participant, course=mine)
    enroll(user=UserFactory(), course=theirs)
    client.force_login(participant)
    html = client.get("/mi-aprendizaje/").content.decode()
    assert "Mi curso" in html
    assert "Curso ajeno" not in html
    assert "Continuar donde lo dejé" in html


def test_continue_goes_to_the_first_item_not_done(client, participant):
    course = build_course(modules=1, lessons=3)
    lessons = course_lessons(course)
    enrollment = enroll(user=participant, course=course)
    complete_lesson(enrollment=enrollment, lesson=lessons[0])
    client.force_login(participant)
    response = client.get(f"/mi-aprendizaje/continuar/{course.pk}/")
    assert response.url == lessons[1].url


def test_continue_for_a_course_not_enrolled_is_404(client, participant):
    course = build_course()
    client.force_login(participant)
    assert client.get(f"/mi-aprendizaje/continuar/{course.pk}/").status_code == 404
