"""The learner's "Calificaciones" page, and the links to it."""

import pytest
from django.test import Client

from cursos.services.enrollment import enroll
from tests.cursos.grades_factories import (
    graded_course,
    hand_in,
    quiz_score,
    release,
)
from tests.factories import UserFactory, build_course


def url(course):
    return f"/mi-aprendizaje/cursos/{course.pk}/calificaciones/"


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.fixture
def course(db):
    return graded_course(quizzes=1, assignments=2, minimums=(None, 60, None))


def test_reverse_name():
    from django.urls import reverse

    assert (
        reverse("cursos:grades", args=[7]) == "/mi-aprendizaje/cursos/7/calificaciones/"
    )


def test_shows_components_items_states_and_what_is_pending(course):
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    quiz_score(enrollment, course.test_quizzes[0], 60)
    quiz_score(enrollment, course.test_quizzes[0], 85)
    release(enrollment, course.test_assignments[0], 72)
    hand_in(enrollment, course.test_assignments[1])
    response = signed_in(user).get(url(course))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Calificaciones",
        "Evaluaciones",
        "Tareas",
        "Proyecto final",
        "Nota para aprobar",
        "70/100",
        "mínimo para aprobar: 60/100",
        "85",  # best attempt
        "72/100",  # points of the released assignment
        "Calificada",
        "Entregada",
        "Sin entregar",
        "Lo que falta calificar",
        "Nota hasta ahora",
    ):
        assert text in page, text
    assert "Resultado</dt><dd><strong>" not in page


def test_shows_the_final_grade_and_outcome_when_complete(course):
    from django.utils import timezone

    from cursos.models import Enrollment

    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=timezone.now(), final_grade="64.25", result="participacion"
    )
    page = signed_in(user).get(url(course)).content.decode()
    assert "64,25/100" in page
    assert "Constancia de participación" in page
    assert "Lo que falta calificar" not in page


def test_only_the_learners_own_page(course):
    owner, other = UserFactory(), UserFactory()
    enroll(user=owner, course=course)
    assert signed_in(other).get(url(course)).status_code == 404
    response = Client().get(url(course))
    assert response.status_code == 302 and "/cuentas/login/" in response["Location"]


def test_a_course_without_grade_has_no_grades_page(db):
    course = build_course(modules=1, lessons=1)
    user = UserFactory()
    enroll(user=user, course=course)
    assert signed_in(user).get(url(course)).status_code == 404
    assert (
        signed_in(user).get("/mi-aprendizaje/cursos/999999/calificaciones/").status_code
        == 404
    )


def test_linked_from_the_course_page_and_my_learning_only_when_graded(course):
    plain = build_course(modules=1, lessons=1)
    user = UserFactory()
    enroll(user=user, course=course)
    enroll(user=user, course=plain)
    client = signed_in(user)
    assert url(course) in client.get(course.url).content.decode()
    assert url(plain) not in client.get(plain.url).content.decode()
    dashboard = client.get("/mi-aprendizaje/").content.decode()
    assert url(course) in dashboard
    assert url(plain) not in dashboard


@pytest.mark.parametrize("items", [1, 4])
def test_query_count_does_not_grow_with_items(db, django_assert_max_num_queries, items):
    course = graded_course(quizzes=items, assignments=items)
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    for quiz in course.test_quizzes:
        quiz_score(enrollment, quiz, 90)
    for assignment in course.test_assignments:
        release(enrollment, assignment, 80)
    client = signed_in(user)
    client.get(url(course))  # warm caches (site root, session)
    with django_assert_max_num_queries(16):
        assert client.get(url(course)).status_code == 200
