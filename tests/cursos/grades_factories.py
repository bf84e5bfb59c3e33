"""Graded courses, quiz scores and released assignment grades for the grade
tests (tests/cursos/test_grades_*.py, tests/certificados/test_certificate_kinds.py).

Scores are written straight to the rows the services read (``QuizAttempt``,
``Submission``): the grade computation is what is under test here, not how
attempts and submissions are made."""

from __future__ import annotations

import itertools
from decimal import Decimal

from django.utils import timezone

from tests.factories import _publish, add_quiz, build_course

_counter = itertools.count(1)


def graded_course(
    *,
    pass_mark=70,
    weights=(40, 40, 20),
    minimums=(None, None, None),
    participation=False,
    quizzes=1,
    assignments=1,
    final_project=True,
    lessons=1,
    cohorts=None,
    title=None,
):
    """A published course graded out of 100, with ``quizzes`` quizzes,
    ``assignments`` assignments and (optionally) a final project, all in its
    first module, after ``lessons`` lessons."""
    from cursos.models import CoursePage

    course = build_course(modules=1, lessons=lessons, cohorts=cohorts, title=title)
    CoursePage.objects.filter(pk=course.pk).update(
        pass_mark=pass_mark,
        weight_quizzes=weights[0],
        weight_assignments=weights[1],
        weight_final_project=weights[2],
        min_quizzes=minimums[0],
        min_assignments=minimums[1],
        min_final_project=minimums[2],
        grants_participation=participation,
    )
    course.refresh_from_db()
    course.test_quizzes = [
        add_quiz(course, title=f"Evaluación {n + 1}") for n in range(quizzes)
    ]
    course.test_assignments = [
        add_assignment(course, title=f"Tarea {n + 1}") for n in range(assignments)
    ]
    course.test_final = (
        add_assignment(
            course, title="Proyecto final", is_final_project=True, max_points=50
        )
        if final_project
        else None
    )
    return course


def add_assignment(course, *, module=0, **fields):
    from cursos.models import AssignmentPage, ModulePage

    parent = list(ModulePage.objects.child_of(course).order_by("path"))[module]
    n = next(_counter)
    return _publish(
        parent,
        AssignmentPage(
            title=fields.pop("title", f"Tarea {n}"),
            slug=f"tarea-{n}",
            instructions="<p>Entregue un informe.</p>",
            accepted_formats=["pdf"],
            **fields,
        ),
    )


def quiz_score(enrollment, quiz, percent, *, when=None, passed=None):
    """A submitted attempt at ``percent`` (passed when at or above the quiz's
    pass mark, unless ``passed`` says otherwise)."""
    from cursos.models import QuizAttempt

    percent = Decimal(str(percent))
    number = QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz).count() + 1
    return QuizAttempt.objects.create(
        enrollment=enrollment,
        quiz=quiz,
        number=number,
        status=QuizAttempt.Status.SUBMITTED,
        submitted_at=when or timezone.now(),
        snapshot=[],
        score=percent,
        max_score=Decimal(100),
        percent=percent,
        passed=percent >= quiz.pass_mark if passed is None else passed,
    )


def hand_in(enrollment, assignment, *, when=None):
    from cursos.models import Submission

    when = when or timezone.now()
    submission, _created = Submission.objects.update_or_create(
        enrollment=enrollment,
        assignment=assignment,
        defaults={
            "state": Submission.State.SUBMITTED,
            "first_submitted_at": when,
            "submitted_at": when,
            "versions_count": 1,
        },
    )
    return submission


def release(enrollment, assignment, points):
    """The assignment graded at ``points`` and the grade released."""
    from cursos.models import Submission

    submission = hand_in(enrollment, assignment)
    Submission.objects.filter(pk=submission.pk).update(
        state=Submission.State.GRADED,
        points=Decimal(str(points)),
        graded_at=timezone.now(),
        released_at=timezone.now(),
    )
    submission.refresh_from_db()
    return submission
