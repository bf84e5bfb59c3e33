"""A quiz failed with every attempt used: in a course graded out of 100 it is
done (its best score counts and the learner may finish, with a constancia de
participación); in a course without grade it still has to be passed."""

from decimal import Decimal

import pytest

from certificados.models import Certificate
from cursos.models import CoursePage, Enrollment, QuizPage
from cursos.selectors import progress_for
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.quizzes import (
    grant_extra_attempt,
    start_attempt,
    submit_attempt,
)
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def quiz_course(*, graded: bool):
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, max_attempts=2)
    if graded:
        CoursePage.objects.filter(pk=course.pk).update(
            pass_mark=70, weight_quizzes=100, grants_participation=True
        )
        course.refresh_from_db()
    return course, quiz


def fail(enrollment, quiz):
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    return submit_attempt(attempt=attempt, answers=wrong_answers(attempt))


def learner_in(course):
    enrollment = enroll(user=UserFactory(), course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    return enrollment


def test_graded_course_last_failed_attempt_finishes_with_a_constancia():
    course, quiz = quiz_course(graded=True)
    enrollment = learner_in(course)
    fail(enrollment, quiz)
    assert quiz.pk not in progress_for(enrollment=enrollment, course=course).done_ids
    fail(enrollment, quiz)
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    assert enrollment.completed_at is not None
    assert enrollment.result == Enrollment.Result.PARTICIPATION
    assert enrollment.final_grade == Decimal("0.00")
    assert Certificate.objects.get(enrollment=enrollment).kind == "participacion"


def test_course_without_grade_still_needs_the_quiz_passed():
    course, quiz = quiz_course(graded=False)
    enrollment = learner_in(course)
    fail(enrollment, quiz)
    fail(enrollment, quiz)
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    assert enrollment.completed_at is None
    assert quiz.pk not in progress_for(enrollment=enrollment, course=course).done_ids


def test_an_attempt_granted_before_the_end_is_the_one_that_closes_the_quiz(
    coordinator,
):
    course, quiz = quiz_course(graded=True)
    CoursePage.objects.filter(pk=course.pk).update(grants_participation=False)
    enrollment = learner_in(course)
    fail(enrollment, quiz)
    grant_extra_attempt(
        enrollment=enrollment,
        quiz=QuizPage.objects.get(pk=quiz.pk),
        granted_by=coordinator,
    )
    fail(enrollment, quiz)
    assert Enrollment.objects.get(pk=enrollment.pk).completed_at is None
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    assert enrollment.result == Enrollment.Result.APPROVED
    assert enrollment.final_grade == Decimal("100.00")
