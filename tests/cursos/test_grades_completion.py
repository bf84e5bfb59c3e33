"""Completing a graded course: ungraded required work keeps it open; once
everything is graded the grade and result are stored with the completion, and
the certificate follows the result. A course without grade is unchanged."""

from decimal import Decimal

import pytest

from certificados.models import Certificate
from cursos.models import Enrollment
from cursos.services.enrollment import enroll
from cursos.services.progress import (
    catch_up_course,
    complete_enrollment_if_done,
    complete_lesson,
)
from tests.cursos.grades_factories import graded_course, quiz_score, release
from tests.factories import UserFactory, build_course, course_lessons


def _do_everything_but_grading(course, enrollment, quiz_percent=100):
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    for quiz in course.test_quizzes:
        quiz_score(enrollment, quiz, quiz_percent, passed=True)
    return complete_enrollment_if_done(enrollment=enrollment)


def _reload(enrollment):
    return Enrollment.objects.get(pk=enrollment.pk)


@pytest.fixture
def course(db):
    return graded_course(participation=True)


def test_ungraded_required_work_keeps_the_course_open(course):
    enrollment = enroll(user=UserFactory(), course=course)
    assert _do_everything_but_grading(course, enrollment) is False
    release(enrollment, course.test_assignments[0], 90)
    assert complete_enrollment_if_done(enrollment=_reload(enrollment)) is False
    assert _reload(enrollment).completed_at is None
    assert not Certificate.objects.filter(enrollment=enrollment).exists()


def test_last_grade_released_completes_with_grade_and_approval(course):
    enrollment = enroll(user=UserFactory(), course=course)
    _do_everything_but_grading(course, enrollment)
    release(enrollment, course.test_assignments[0], 90)
    release(enrollment, course.test_final, 40)  # 80 %
    assert complete_enrollment_if_done(enrollment=_reload(enrollment)) is True
    enrollment = _reload(enrollment)
    assert enrollment.status == Enrollment.Status.COMPLETED
    # 100 * .4 + 90 * .4 + 80 * .2
    assert enrollment.final_grade == Decimal("92.00")
    assert enrollment.result == Enrollment.Result.APPROVED
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.kind == Certificate.Kind.APPROVAL
    assert certificate.grade == Decimal("92.00")
    # A second call changes nothing.
    assert complete_enrollment_if_done(enrollment=enrollment) is False
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1


def test_below_the_pass_mark_with_participation_gets_a_constancia(course):
    enrollment = enroll(user=UserFactory(), course=course)
    _do_everything_but_grading(course, enrollment, quiz_percent=70)
    release(enrollment, course.test_assignments[0], 30)
    release(enrollment, course.test_final, 20)
    complete_enrollment_if_done(enrollment=_reload(enrollment))
    enrollment = _reload(enrollment)
    assert enrollment.result == Enrollment.Result.PARTICIPATION
    assert enrollment.final_grade == Decimal("48.00")
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.kind == Certificate.Kind.PARTICIPATION


def test_below_the_pass_mark_without_participation_gets_no_certificate(db):
    course = graded_course(participation=False)
    enrollment = enroll(user=UserFactory(), course=course)
    _do_everything_but_grading(course, enrollment, quiz_percent=70)
    release(enrollment, course.test_assignments[0], 30)
    release(enrollment, course.test_final, 20)
    complete_enrollment_if_done(enrollment=_reload(enrollment))
    enrollment = _reload(enrollment)
    assert enrollment.completed_at is not None
    assert enrollment.result == Enrollment.Result.NOT_APPROVED
    assert not Certificate.objects.filter(enrollment=enrollment).exists()
    # Nor does the periodic safety net issue one.
    from certificados.services import reconcile

    assert reconcile()["issued"] == 0


def test_a_minimum_not_met_is_not_approved(db):
    course = graded_course(minimums=(None, None, 60), participation=True)
    enrollment = enroll(user=UserFactory(), course=course)
    _do_everything_but_grading(course, enrollment)
    release(enrollment, course.test_assignments[0], 100)
    release(enrollment, course.test_final, 25)  # 50 % < 60
    complete_enrollment_if_done(enrollment=_reload(enrollment))
    enrollment = _reload(enrollment)
    assert enrollment.final_grade == Decimal("90.00")
    assert enrollment.result == Enrollment.Result.PARTICIPATION


def test_catch_up_completes_graded_enrollments_only_when_graded(course):
    enrollment = enroll(user=UserFactory(), course=course)
    _do_everything_but_grading(course, enrollment)
    assert catch_up_course(course_path=course.path) == 0
    release(enrollment, course.test_assignments[0], 100)
    release(enrollment, course.test_final, 50)
    assert catch_up_course(course_path=course.path) == 1
    enrollment = _reload(enrollment)
    assert enrollment.result == Enrollment.Result.APPROVED
    assert enrollment.final_grade == Decimal("100.00")


def test_a_course_without_grade_is_approved_by_completion_as_before(
    db, django_capture_on_commit_callbacks
):
    course = build_course(modules=1, lessons=1)
    enrollment = enroll(user=UserFactory(), course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    enrollment = _reload(enrollment)
    assert enrollment.completed_at is not None
    assert enrollment.result == Enrollment.Result.APPROVED
    assert enrollment.final_grade is None
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.kind == Certificate.Kind.APPROVAL
    assert certificate.grade is None
    assert certificate.status == Certificate.Status.ISSUED
