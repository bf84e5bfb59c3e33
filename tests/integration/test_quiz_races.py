"""Quiz races on PostgreSQL with real threads."""

import pytest

from cursos.models import QuestionResult, QuizAttempt
from cursos.services.enrollment import enroll
from cursos.services.quizzes import start_attempt, submit_attempt
from tests.factories import UserFactory, add_quiz, build_course, right_answers
from tests.integration.test_course_races import run_concurrently

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_twenty_concurrent_submits_give_one_graded_result(postgresql):
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course)
    enrollment = enroll(user=UserFactory(), course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    answers = right_answers(attempt)

    def submit(_):
        fresh = QuizAttempt.objects.select_related("quiz", "enrollment").get(
            pk=attempt.pk
        )
        return submit_attempt(attempt=fresh, answers=answers)

    results, errors = run_concurrently(submit, count=20)
    assert errors == []
    assert {r.percent for r in results} == {100}
    assert QuestionResult.objects.filter(attempt=attempt).count() == 4
    attempt.refresh_from_db()
    assert attempt.passed and attempt.submitted_at is not None


def test_concurrent_starts_create_one_attempt(postgresql):
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, max_attempts=3)
    enrollment = enroll(user=UserFactory(), course=course)
    results, errors = run_concurrently(
        lambda _: start_attempt(enrollment=enrollment, quiz=quiz), count=10
    )
    assert errors == []
    assert QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz).count() == 1
    assert len({a.pk for a in results}) == 1
