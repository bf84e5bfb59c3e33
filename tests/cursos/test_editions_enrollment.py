"""Editions become real: one enrollment per person per edition, the current
enrollment is the latest, earlier editions are history; edition dates lock the
content before the start and make it read-only after the end."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cursos.models import Cohort, Enrollment, LessonCompletion, QuizAttempt
from cursos.selectors import catalog, enrollment_for, learner_dashboard
from cursos.services.enrollment import EditionFull, EnrollmentError, enroll
from cursos.services.progress import ProgressError, complete_lesson
from cursos.services.quizzes import (
    QuizError,
    save_answers,
    start_attempt,
    submit_attempt,
)
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    catalog_page,
    course_lessons,
    right_answers,
)
from tests.forms import post_form

pytestmark = pytest.mark.django_db

GT = ZoneInfo("America/Guatemala")


def at(day: datetime.date, hour=10):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=GT)


D = datetime.date
FIRST = {
    "name": "Primera edición 2027",
    "enrollment_opens": at(D(2027, 1, 1)),
    "enrollment_closes": at(D(2027, 1, 31)),
    "starts_on": D(2027, 2, 3),
    "ends_on": D(2027, 5, 31),
}
SECOND = {
    "name": "Segunda edición 2027",
    "enrollment_opens": at(D(2027, 6, 1)),
    "enrollment_closes": at(D(2027, 6, 30)),
    "starts_on": D(2027, 7, 5),
    "ends_on": D(2027, 10, 31),
}


@pytest.fixture
def course():
    return build_course(modules=1, lessons=2, cohorts=[FIRST, SECOND])


def cohorts(course):
    return list(Cohort.objects.filter(course=course).order_by("starts_on"))


def test_enrolling_twice_in_the_same_edition_returns_the_same_row(course):
    user = UserFactory()
    first, _second = cohorts(course)
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        one = enroll(user=user, course=course)
        again = enroll(user=user, course=course, cohort=first)
    assert one.pk == again.pk and one.cohort == first
    assert Enrollment.objects.filter(user=user).count() == 1


def test_someone_who_did_not_approve_starts_fresh_in_a_later_edition(course):
    user = UserFactory()
    first, second = cohorts(course)
    lesson = course_lessons(course)[0]
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        old = enroll(user=user, course=course)
    with time_machine.travel(at(D(2027, 3, 1)), tick=False):
        complete_lesson(enrollment=old, lesson=lesson)
    Enrollment.objects.filter(pk=old.pk).update(result="no_aprobado")
    with time_machine.travel(at(D(2027, 6, 10)), tick=False):
        new = enroll(user=user, course=course)
        assert enrollment_for(user=user, course=course) == new
    assert new.pk != old.pk and new.cohort == second
    # Fresh start: no completion carried over; the earlier row is kept whole.
    assert not LessonCompletion.objects.filter(enrollment=new).exists()
    assert LessonCompletion.objects.filter(enrollment=old).count() == 1


def test_someone_active_in_a_running_edition_gets_that_one_back(course):
    user = UserFactory()
    first, second = cohorts(course)
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        old = enroll(user=user, course=course)
    # The first edition still runs in June (it ends on 31 May... moved later).
    Cohort.objects.filter(pk=first.pk).update(ends_on=D(2027, 12, 31))
    with time_machine.travel(at(D(2027, 6, 10)), tick=False):
        again = enroll(user=user, course=course, cohort=second)
    assert again.pk == old.pk
    assert Enrollment.objects.filter(user=user).count() == 1


def test_an_approved_person_is_told_so(course):
    user = UserFactory()
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        old = enroll(user=user, course=course)
    Enrollment.objects.filter(pk=old.pk).update(result="aprobado")
    with time_machine.travel(at(D(2027, 6, 10)), tick=False):
        with pytest.raises(EnrollmentError, match="Usted ya aprobó este curso"):
            enroll(user=user, course=course)


def test_completed_without_grade_counts_as_approved(course):
    user = UserFactory()
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        old = enroll(user=user, course=course)
    Enrollment.objects.filter(pk=old.pk).update(completed_at=at(D(2027, 3, 1)))
    with time_machine.travel(at(D(2027, 6, 10)), tick=False):
        with pytest.raises(EnrollmentError, match="ya aprobó"):
            enroll(user=user, course=course)


def test_a_full_edition_is_refused_with_its_cohort(course):
    first, _ = cohorts(course)
    Cohort.objects.filter(pk=first.pk).update(capacity=1)
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        enroll(user=UserFactory(), course=course)
        with pytest.raises(EditionFull) as refused:
            enroll(user=UserFactory(), course=course)
    assert refused.value.cohort.pk == first.pk


def _two_editions(course, user):
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        old = enroll(user=user, course=course)
    Enrollment.objects.filter(pk=old.pk).update(result="no_aprobado")
    with time_machine.travel(at(D(2027, 6, 10)), tick=False):
        new = enroll(user=user, course=course)
    return old, new


def test_dashboard_and_catalog_pick_the_latest_and_show_history(course):
    user = UserFactory()
    old, new = _two_editions(course, user)
    with time_machine.travel(at(D(2027, 7, 10)), tick=False):
        dashboard = learner_dashboard(user=user)
        cards = catalog(catalog_page=catalog_page(), user=user)
    assert [e.enrollment.pk for e in dashboard["in_progress"]] == [new.pk]
    assert [e.pk for e in dashboard["earlier_editions"]] == [old.pk]
    card = next(c for c in cards if c.course.pk == course.pk)
    assert card.enrollment.pk == new.pk


def test_mi_aprendizaje_lists_earlier_editions_with_their_result(client, course):
    user = UserFactory()
    _two_editions(course, user)
    with time_machine.travel(at(D(2027, 7, 10)), tick=False):
        client.force_login(user)
        html = client.get("/mi-aprendizaje/").content.decode()
    assert "Ediciones anteriores" in html
    assert "Primera edición 2027" in html and "No aprobado" in html


def test_dashboard_queries_stay_flat_with_earlier_editions(course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(user):
        with time_machine.travel(at(D(2027, 7, 10)), tick=False):
            with CaptureQueriesContext(connection) as ctx:
                learner_dashboard(user=user)
        return len(ctx.captured_queries)

    small = UserFactory()
    _two_editions(course, small)
    queries(small)  # warm the outline cache
    large = UserFactory()
    _two_editions(course, large)
    for _ in range(3):
        _two_editions(
            build_course(modules=1, lessons=1, cohorts=[FIRST, SECOND]), large
        )
    queries(large)
    assert queries(large) == queries(small)


def test_enroll_view_sends_a_full_edition_to_its_waiting_list(client, course):
    first, _ = cohorts(course)
    Cohort.objects.filter(pk=first.pk).update(capacity=0)
    user = UserFactory()
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        client.force_login(user)
        response = post_form(
            client, course.url, {}, action=f"/mi-aprendizaje/inscribirse/{course.pk}/"
        )
    assert response.status_code == 302
    assert response["Location"] == f"/mi-aprendizaje/lista-de-espera/{first.pk}/"


# ------------------------------------------------------------------ dates
@pytest.fixture
def quiz_course():
    course = build_course(modules=1, lessons=1, cohorts=[FIRST])
    quiz = add_quiz(course, max_attempts=3)
    return course, quiz


def _enrolled(course):
    user = UserFactory()
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        enrollment = enroll(user=user, course=course)
    return user, enrollment


def test_before_the_start_the_outline_shows_but_items_are_locked(client, quiz_course):
    course, quiz = quiz_course
    user, enrollment = _enrolled(course)
    lesson = course_lessons(course)[0]
    with time_machine.travel(at(D(2027, 2, 1)), tick=False):
        client.force_login(user)
        course_html = client.get(course.url).content.decode()
        lesson_html = client.get(lesson.url).content.decode()
        with pytest.raises(ProgressError, match="El contenido se abre el 3 de febrero"):
            complete_lesson(enrollment=enrollment, lesson=lesson)
        with pytest.raises(QuizError, match="se abre el 3 de febrero de 2027"):
            start_attempt(enrollment=enrollment, quiz=quiz)
    assert "El contenido se abre el 3 de febrero de 2027" in course_html
    assert "El contenido se abre el 3 de febrero de 2027" in lesson_html
    assert "Contenido de la lección 1.1" not in lesson_html


def test_during_the_edition_learners_work(client, quiz_course):
    course, quiz = quiz_course
    user, enrollment = _enrolled(course)
    lesson = course_lessons(course)[0]
    with time_machine.travel(at(D(2027, 3, 1)), tick=False):
        complete_lesson(enrollment=enrollment, lesson=lesson)
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        attempt = submit_attempt(attempt=attempt, answers=right_answers(attempt))
    assert attempt.passed
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_after_the_end_the_edition_is_read_only(client, quiz_course):
    course, quiz = quiz_course
    user, enrollment = _enrolled(course)
    lesson = course_lessons(course)[0]
    with time_machine.travel(at(D(2027, 5, 30)), tick=False):
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    message = "La edición «Primera edición 2027» cerró el 31 de mayo de 2027"
    with time_machine.travel(at(D(2027, 6, 1)), tick=False):
        client.force_login(user)
        with pytest.raises(ProgressError, match=message):
            complete_lesson(enrollment=enrollment, lesson=lesson)
        with pytest.raises(QuizError, match="ya no registrar avances"):
            start_attempt(enrollment=enrollment, quiz=quiz)
        attempt = QuizAttempt.objects.get(pk=attempt.pk)
        with pytest.raises(QuizError, match=message):
            save_answers(attempt=attempt, answers=right_answers(attempt))
        with pytest.raises(QuizError, match=message):
            submit_attempt(attempt=attempt, answers=right_answers(attempt))
        lesson_html = client.get(lesson.url).content.decode()
        # The complete button is gone; a POST anyway is refused.
        from tests.forms import csrf_token

        token = csrf_token(client, "/cuentas/perfil/")
        response = client.post(
            f"/mi-aprendizaje/completar/{lesson.pk}/", {"csrfmiddlewaretoken": token}
        )
    assert message in lesson_html
    assert "Contenido de la lección 1.1" in lesson_html
    assert f"/mi-aprendizaje/completar/{lesson.pk}/" not in lesson_html
    assert response.status_code == 302
    assert not LessonCompletion.objects.filter(enrollment=enrollment).exists()


def test_a_course_without_editions_is_never_locked_by_dates():
    course = build_course(modules=1, lessons=1)
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    assert enrollment_for(user=user, course=course).completed_at is not None


def test_an_approved_person_enrolling_again_in_the_same_edition_gets_it_back(course):
    user = UserFactory()
    with time_machine.travel(at(D(2027, 1, 10)), tick=False):
        done = enroll(user=user, course=course)
        Enrollment.objects.filter(pk=done.pk).update(result="aprobado")
        assert enroll(user=user, course=course).pk == done.pk
