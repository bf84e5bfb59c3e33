"""Minimum attendance in a graded course: below it the outcome is not
"aprobado" (participación when the course grants it), with the reason on the
learner's grades page; no counted session does not hold anyone back."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comunidad.models import Attendance
from cursos.models import Enrollment
from cursos.services.grades import GradeSummary, course_grade
from tests.comunidad.sessions_data import session
from tests.cursos import tutoria_data as data
from tests.cursos.grades_factories import graded_course, quiz_score

pytestmark = pytest.mark.django_db


def summary(**fields) -> GradeSummary:
    defaults = {
        "enrollment_id": 1,
        "pass_mark": 70,
        "grants_participation": True,
        "components": [],
        "min_attendance": 80,
        "attendance": None,
    }
    defaults.update(fields)
    return GradeSummary(**defaults)


@pytest.mark.parametrize(
    ("minimum", "attendance", "met"),
    [
        (None, Decimal("10"), True),
        (80, None, True),  # no session counted: not held back
        (80, Decimal("80.00"), True),
        (80, Decimal("79.99"), False),
        (0, Decimal("0"), True),
    ],
)
def test_attendance_met(minimum, attendance, met):
    assert summary(min_attendance=minimum, attendance=attendance).attendance_met is met


def _graded_course(min_attendance, *, participation=True):
    """A course graded by one quiz (100 %), with one edition."""
    from datetime import timedelta

    from django.utils import timezone

    from cursos.models import CoursePage

    course = graded_course(
        weights=(100, 0, 0),
        quizzes=1,
        assignments=0,
        final_project=False,
        participation=participation,
        cohorts=[
            {
                "name": "Primera edición",
                "enrollment_opens": timezone.now() - timedelta(days=30),
                "enrollment_closes": timezone.now() + timedelta(days=30),
                "starts_on": timezone.localdate() - timedelta(days=10),
                "ends_on": timezone.localdate() + timedelta(days=60),
            }
        ],
    )
    CoursePage.objects.filter(pk=course.pk).update(min_attendance=min_attendance)
    quizzes = course.test_quizzes
    course.refresh_from_db()
    course.test_quizzes = quizzes
    return course, course.cohorts.get()


def _with_attendance(cohort, learner, statuses):
    for index, status in enumerate(statuses):
        Attendance.objects.create(
            session=session(cohort, hours_from_now=-3 - index),
            enrollment=learner,
            status=status,
        )


@pytest.mark.parametrize(
    ("statuses", "participation", "outcome"),
    [
        (["presente", "presente"], True, Enrollment.Result.APPROVED),
        (["presente", "ausente"], True, Enrollment.Result.PARTICIPATION),
        (["presente", "ausente"], False, Enrollment.Result.NOT_APPROVED),
        (["justificada"], False, Enrollment.Result.APPROVED),
        ([], False, Enrollment.Result.APPROVED),
    ],
)
def test_outcome_with_minimum_attendance(statuses, participation, outcome):
    course, cohort = _graded_course(75, participation=participation)
    learner = data.learner(cohort)
    quiz_score(learner, course.test_quizzes[0], 90)
    _with_attendance(cohort, learner, statuses)
    result = course_grade(course=course, enrollment_ids=[learner.pk])[learner.pk]
    assert result.grade == Decimal("90.00")
    assert result.outcome == outcome


def test_without_minimum_attendance_does_not_matter_and_costs_no_query():
    course, cohort = _graded_course(None, participation=False)
    learner = data.learner(cohort)
    quiz_score(learner, course.test_quizzes[0], 90)
    _with_attendance(cohort, learner, ["ausente", "ausente"])
    with CaptureQueriesContext(connection) as queries:
        result = course_grade(course=course, enrollment_ids=[learner.pk])[learner.pk]
    assert result.outcome == Enrollment.Result.APPROVED
    assert not any("comunidad_" in q["sql"] for q in queries.captured_queries)


def test_completing_below_the_minimum_gives_participation():
    """What the progress service stores when the learner finishes."""
    from cursos.services.progress import complete_lesson
    from tests.factories import course_lessons

    course, cohort = _graded_course(75, participation=True)
    learner = data.learner(cohort)
    quiz_score(learner, course.test_quizzes[0], 90)
    _with_attendance(cohort, learner, ["presente", "ausente", "ausente"])
    for lesson in course_lessons(course):
        complete_lesson(enrollment=learner, lesson=lesson)
    learner.refresh_from_db()
    assert learner.completed_at is not None
    assert learner.result == Enrollment.Result.PARTICIPATION


def test_grades_page_shows_the_reason():
    course, cohort = _graded_course(75)
    learner = data.learner(cohort)
    quiz_score(learner, course.test_quizzes[0], 90)
    _with_attendance(cohort, learner, ["presente", "ausente"])
    client = Client()
    client.force_login(learner.user)
    html = client.get(
        reverse("cursos:grades", kwargs={"course_id": course.pk})
    ).content.decode()
    assert "Asistencia a sesiones en vivo" in html
    assert "50 %" in html and "bajo el mínimo de 75 %" in html
