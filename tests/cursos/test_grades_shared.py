"""The gradebook's fast path (``shared_course_grade``: learners in the same
position share one summary; ``by_range``: records read by id range) gives
exactly the grade of the reference computation (``course_grade``), item by
item, for weights, missing grades, quizzes and assignments, the last or the
best attempt, rounding, new optional items and completed enrollments."""

import datetime
import random
from dataclasses import replace
from decimal import Decimal

import pytest
from django.utils import timezone

from cursos.models import CoursePage, Enrollment, ModuleCompletion, ModulePage
from cursos.services.grades import (
    SharedGrades,
    course_grade,
    graded_items,
    shared_course_grade,
)
from tests.cursos.grades_factories import graded_course, hand_in, quiz_score, release
from tests.factories import UserFactory, add_quiz

D = Decimal
# Percentages that round: thirds, sixths and halves of a cent.
PERCENTS = [0, 12.5, 33.33, 33.34, 50, 66.67, 69.995, 70, 83.335, 99.99, 100]
POINTS = [0, 1, 33.3, 49.99, 50, 66.67, 75, 100, 120]  # of 100 (final: of 50)


def _world(weights, minimums=(None, None, None), min_attendance=None, seed=7):
    """A graded course (two quizzes, one of them counting the last attempt;
    two assignments; a final project of 50 points) and 40 learners in varied
    positions, several in the same one."""
    course = graded_course(quizzes=1, assignments=2, weights=weights, minimums=minimums)
    add_quiz(course, title="Evaluación final", grading="ultima")
    if min_attendance is not None:
        CoursePage.objects.filter(pk=course.pk).update(min_attendance=min_attendance)
    course.refresh_from_db()
    items = graded_items(course)
    quizzes = [i for i in items if i.is_quiz]
    assignments = [i for i in items if not i.is_quiz]
    pages = {page.pk: page for page in course.get_descendants().specific()}
    module = ModulePage.objects.child_of(course).first()
    rng = random.Random(seed)
    enrollments = []
    for n in range(40):
        enrollment = Enrollment.objects.create(user=UserFactory(), course=course)
        enrollments.append(enrollment)
        if n % 10 == 9:  # the same position as the learner before: shared
            continue
        for quiz in quizzes:
            for _attempt in range(rng.choice([0, 0, 1, 2, 3])):
                quiz_score(
                    enrollment,
                    pages[quiz.id],
                    rng.choice(PERCENTS),
                    when=timezone.now()
                    - datetime.timedelta(minutes=rng.randint(0, 99)),
                )
        for assignment in assignments:
            state = rng.choice(["none", "handed", "released", "released", "draft"])
            if state == "handed":
                hand_in(enrollment, pages[assignment.id])
            elif state == "released":
                release(enrollment, pages[assignment.id], rng.choice(POINTS))
            elif state == "draft":
                submission = release(enrollment, pages[assignment.id], 60)
                type(submission).objects.filter(pk=submission.pk).update(
                    released_at=None
                )
        if n % 7 == 3:  # passed the module before its items were published
            ModuleCompletion.objects.create(
                enrollment=enrollment,
                module=module,
                completed_at=timezone.now() - datetime.timedelta(days=30),
            )
        if n % 11 == 5:  # completed: what is missing is optional
            Enrollment.objects.filter(pk=enrollment.pk).update(
                completed_at=timezone.now()
            )
    return course, items, [e.pk for e in enrollments]


def _as_read(summary):
    """Everything a gradebook or a learner reads of a summary."""
    return (
        summary.grade,
        summary.grade_so_far,
        summary.outcome,
        summary.minimums_met,
        summary.attendance_met,
        [item.title for item in summary.pending],
        [
            (c.key, c.weight, c.average, c.average_so_far, c.met)
            for c in summary.components
        ],
        [
            (i.id, i.percent, i.state, i.points, i.optional, i.counted)
            for i in summary.items
        ],
    )


def assert_same_grades(reference, fast, ids):
    for pk in ids:
        assert replace(fast[pk], enrollment_id=pk) == reference[pk]
        assert _as_read(fast[pk]) == _as_read(reference[pk])


WEIGHTS = [(40, 40, 20), (0, 0, 0), (100, 0, 0), (30, 70, 0), (1, 1, 1)]


@pytest.mark.parametrize("weights", WEIGHTS)
def test_shared_grades_are_the_reference_grades(db, weights):
    course, items, ids = _world(weights)
    reference = course_grade(course=course, enrollment_ids=ids)
    fast = shared_course_grade(course=course, enrollment_ids=ids, items=items)
    assert_same_grades(reference, fast, ids)
    # learners in the same position share one summary
    assert len({id(summary) for summary in fast.values()}) < len(ids)
    # and the positions cover the cases the rule distinguishes
    read = [_as_read(reference[pk]) for pk in ids]
    assert any(r[0] is None for r in read) and any(r[0] is not None for r in read)
    assert any(i[4] for r in read for i in r[7])  # an optional item
    assert {i[2] for r in read for i in r[7]} >= {
        "sin_intentos",
        "enviado",
        "sin_entregar",
        "entregada",
        "calificada",
    }


def test_minimums_and_attendance_rules_give_the_same_outcome(db):
    course, items, ids = _world((50, 30, 20), minimums=(60, 50, None), seed=11)
    CoursePage.objects.filter(pk=course.pk).update(min_attendance=80)
    course.refresh_from_db()
    reference = course_grade(course=course, enrollment_ids=ids)
    fast = shared_course_grade(course=course, enrollment_ids=ids, items=items)
    assert_same_grades(reference, fast, ids)
    assert {reference[pk].outcome for pk in ids} >= {"aprobado", "no_aprobado"}


def test_chunks_read_by_id_range_give_the_same_grades(db):
    """Chunks of sorted ids read by range, with another course's learners
    (and their records) between them, sharing summaries across chunks."""
    course, items, ids = _world((40, 40, 20), seed=3)
    other, other_items, other_ids = _world((40, 40, 20), seed=5)
    # interleave: learners of the other course get ids inside the range
    for pk in ids[::2]:
        enrollment = Enrollment.objects.get(pk=pk)
        quiz_score(enrollment, other.test_quizzes[0], 100)  # the wrong course
    reference = course_grade(course=course, enrollment_ids=ids)
    shared = SharedGrades()
    fast = {}
    for start in range(0, len(ids), 7):
        fast.update(
            shared_course_grade(
                course=course,
                enrollment_ids=sorted(ids)[start : start + 7],
                items=items,
                shared=shared,
                by_range=True,
            )
        )
    assert sorted(fast) == sorted(ids)
    assert_same_grades(reference, fast, ids)
    assert len(shared.summaries) == len({id(s) for s in fast.values()})


def test_a_tutor_export_of_a_varied_edition_is_the_reference_book(db, monkeypatch):
    """The streamed CSV (shared summaries, ids by range in chunks, texts per
    position) is byte for byte the CSV of the reference gradebook."""
    from django.contrib.auth.models import Group

    from cursos.models import TUTORS_GROUP, Cohort, EditionTutor
    from cursos.reports import gradebook as module
    from cursos.selectors_grades import gradebook
    from tests.cursos.test_grades_gradebook import COHORT, _old_csv, signed_in

    course, _items, ids = _world((40, 40, 20), seed=13)
    cohort = Cohort.objects.create(course=course, **{**COHORT, "name": "Edición única"})
    Enrollment.objects.filter(pk__in=ids).update(cohort=cohort)
    Enrollment.objects.filter(pk__in=ids[::6]).update(
        final_grade=D("81.25"), result="aprobado"
    )
    tutor = UserFactory()
    tutor.groups.add(Group.objects.get(name=TUTORS_GROUP))
    EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    whole = gradebook(cohort_or_course=cohort, enrollments=Enrollment.objects.all())
    monkeypatch.setattr(module, "GRADE_CHUNK", 6)
    response = signed_in(tutor).get(
        f"/tutoria/ediciones/{cohort.pk}/calificaciones/", {"formato": "csv"}
    )
    body = b"".join(
        chunk if isinstance(chunk, bytes) else chunk.encode()
        for chunk in response.streaming_content
    )
    assert body == _old_csv(whole)
    assert body.count(b"\r\n") == len(ids) + 1
