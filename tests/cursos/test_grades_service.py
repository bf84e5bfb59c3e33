"""The grade out of 100 (cursos.services.grades): arithmetic, weights,
minimums, pending work, outcomes, and its query budget."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cursos.services.enrollment import enroll
from cursos.services.grades import (
    ASSIGNMENTS,
    FINAL_PROJECT,
    QUIZZES,
    ComponentGrade,
    GradedItem,
    GradeSummary,
    ItemGrade,
    course_grade,
    effective_weights,
)
from tests.cursos.grades_factories import graded_course, quiz_score, release
from tests.factories import UserFactory, add_quiz

D = Decimal


# ------------------------------------------------------------------ pure arithmetic
def _course(weights=(40, 40, 20), pass_mark=70, participation=False):
    return SimpleNamespace(
        weight_quizzes=weights[0],
        weight_assignments=weights[1],
        weight_final_project=weights[2],
        pass_mark=pass_mark,
        grants_participation=participation,
    )


def _summary(scores: dict[str, list], weights=(40, 40, 20), minimums=None, **kw):
    """A summary from plain percentages per component (None: pending)."""
    course = _course(weights, **kw)
    present = [key for key, values in scores.items() if values]
    effective = effective_weights(course, present)
    minimums = minimums or {}
    components = []
    for key in (QUIZZES, ASSIGNMENTS, FINAL_PROJECT):
        if key not in effective:
            continue
        component = ComponentGrade(
            key=key,
            weight=effective[key],
            configured_weight=0,
            minimum=minimums.get(key),
        )
        for n, value in enumerate(scores[key]):
            item = GradedItem(
                id=n,
                title=f"{key} {n}",
                url="",
                component=key,
                module_path="0001",
                first_published_at=None,
            )
            percent = None if value is None else D(str(value))
            component.items.append(ItemGrade(item=item, percent=percent, state=""))
        components.append(component)
    return GradeSummary(
        enrollment_id=1,
        pass_mark=course.pass_mark,
        grants_participation=course.grants_participation,
        components=components,
    )


percents = st.decimals(min_value=0, max_value=100, places=2)
components = st.fixed_dictionaries(
    {
        QUIZZES: st.lists(percents, max_size=4),
        ASSIGNMENTS: st.lists(percents, max_size=4),
        FINAL_PROJECT: st.lists(percents, max_size=1),
    }
)
weight_triples = st.tuples(
    st.integers(0, 100), st.integers(0, 100), st.integers(0, 100)
)


@given(scores=components, weights=weight_triples)
def test_the_grade_is_always_within_0_and_100(scores, weights):
    grade = _summary(scores, weights).grade
    if any(scores.values()):
        assert D(0) <= grade <= D(100)
        assert grade == grade.quantize(D("0.01"))
    else:
        assert grade is None


@given(
    scores=components,
    weights=weight_triples,
    which=st.sampled_from([QUIZZES, ASSIGNMENTS, FINAL_PROJECT]),
    index=st.integers(0, 3),
    raise_by=percents,
)
def test_raising_one_score_never_lowers_the_grade(
    scores, weights, which, index, raise_by
):
    if not scores[which]:
        return
    index = index % len(scores[which])
    before = _summary(scores, weights).grade
    raised = {key: list(values) for key, values in scores.items()}
    raised[which][index] = min(D(100), raised[which][index] + raise_by)
    assert _summary(raised, weights).grade >= before


def test_weighted_average_of_component_averages():
    summary = _summary(
        {QUIZZES: [80, 100], ASSIGNMENTS: [70], FINAL_PROJECT: [50]}, (40, 40, 20)
    )
    # 90 * .4 + 70 * .4 + 50 * .2
    assert summary.grade == D("74.00")


def test_weight_of_a_component_without_items_is_shared_in_proportion():
    summary = _summary({QUIZZES: [100], ASSIGNMENTS: [40], FINAL_PROJECT: []})
    # Quizzes and assignments weigh 40 and 40: each becomes 50.
    assert [c.weight for c in summary.components] == [D(50), D(50)]
    assert summary.grade == D("70.00")
    uneven = effective_weights(_course((60, 20, 20)), [QUIZZES, FINAL_PROJECT])
    assert uneven == {QUIZZES: D(75), FINAL_PROJECT: D(25)}


def test_components_present_but_weighing_nothing_share_equally():
    assert effective_weights(_course((0, 0, 100)), [QUIZZES, ASSIGNMENTS]) == {
        QUIZZES: D(50),
        ASSIGNMENTS: D(50),
    }


def test_anything_pending_leaves_the_grade_open():
    summary = _summary({QUIZZES: [90], ASSIGNMENTS: [None], FINAL_PROJECT: [80]})
    assert summary.grade is None
    assert not summary.is_complete_for_grading
    assert summary.outcome is None
    assert [i.title for i in summary.pending] == ["tareas 0"]
    # What is graded already still shows as a grade so far: (90*40 + 80*20)/60.
    assert summary.grade_so_far == D("86.67")


@pytest.mark.parametrize(
    ("scores", "minimums", "participation", "outcome"),
    [
        (
            {QUIZZES: [70], ASSIGNMENTS: [70], FINAL_PROJECT: [70]},
            {},
            False,
            "aprobado",
        ),
        (
            {QUIZZES: [72], ASSIGNMENTS: [69], FINAL_PROJECT: [70]},
            {},
            False,
            "aprobado",
        ),
        (
            {QUIZZES: [69], ASSIGNMENTS: [70], FINAL_PROJECT: [70]},
            {},
            False,
            "no_aprobado",
        ),
        (
            {QUIZZES: [60], ASSIGNMENTS: [60], FINAL_PROJECT: [60]},
            {},
            True,
            "participacion",
        ),
        (
            {QUIZZES: [60], ASSIGNMENTS: [60], FINAL_PROJECT: [60]},
            {},
            False,
            "no_aprobado",
        ),
        # Above the pass mark overall, but the final project under its minimum.
        (
            {QUIZZES: [100], ASSIGNMENTS: [100], FINAL_PROJECT: [50]},
            {FINAL_PROJECT: 60},
            True,
            "participacion",
        ),
        (
            {QUIZZES: [100], ASSIGNMENTS: [100], FINAL_PROJECT: [60]},
            {FINAL_PROJECT: 60},
            False,
            "aprobado",
        ),
    ],
)
def test_outcome(scores, minimums, participation, outcome):
    summary = _summary(scores, minimums=minimums, participation=participation)
    assert summary.outcome == outcome


def test_minimum_met_is_reported_per_component():
    summary = _summary(
        {QUIZZES: [100], ASSIGNMENTS: [50], FINAL_PROJECT: [100]},
        minimums={ASSIGNMENTS: 60},
    )
    assert [c.met for c in summary.components] == [True, False, True]
    assert summary.grade == D("80.00")
    assert summary.outcome == "no_aprobado"


# ------------------------------------------------------------------ from the database
@pytest.fixture
def course(db):
    return graded_course(quizzes=2, assignments=1)


def test_course_grade_from_attempts_and_released_submissions(course):
    enrollment = enroll(user=UserFactory(), course=course)
    first, second = course.test_quizzes
    quiz_score(enrollment, first, 50)
    quiz_score(enrollment, first, 90)  # best of two: 90
    quiz_score(enrollment, second, 70)
    release(enrollment, course.test_assignments[0], 80)  # of 100
    release(enrollment, course.test_final, 30)  # of 50: 60 %
    summary = course_grade(course=course, enrollment_ids=[enrollment.pk])[enrollment.pk]
    averages = {c.key: c.average for c in summary.components}
    assert averages == {
        QUIZZES: D("80.00"),
        ASSIGNMENTS: D("80.00"),
        FINAL_PROJECT: D("60.00"),
    }
    assert summary.grade == D("76.00")
    assert summary.outcome == "aprobado"


def test_last_attempt_counts_when_the_quiz_says_so(db):
    course = graded_course(quizzes=0, assignments=0, final_project=False)
    quiz = add_quiz(course, grading="ultima")
    enrollment = enroll(user=UserFactory(), course=course)
    quiz_score(enrollment, quiz, 90)
    quiz_score(enrollment, quiz, 40)
    summary = course_grade(course=course, enrollment_ids=[enrollment.pk])[enrollment.pk]
    assert summary.grade == D("40.00")


def test_handed_in_but_not_released_is_pending(course):
    from tests.cursos.grades_factories import hand_in

    enrollment = enroll(user=UserFactory(), course=course)
    for quiz in course.test_quizzes:
        quiz_score(enrollment, quiz, 100)
    hand_in(enrollment, course.test_assignments[0])
    release(enrollment, course.test_final, 50)
    summary = course_grade(course=course, enrollment_ids=[enrollment.pk])[enrollment.pk]
    assert [(i.title, i.state) for i in summary.pending] == [("Tarea 1", "entregada")]
    assert summary.grade is None


def test_points_above_the_maximum_count_as_100(course):
    enrollment = enroll(user=UserFactory(), course=course)
    release(enrollment, course.test_final, 75)  # of 50
    summary = course_grade(course=course, enrollment_ids=[enrollment.pk])[enrollment.pk]
    final = next(c for c in summary.components if c.key == FINAL_PROJECT)
    assert final.items[0].percent == D(100)


def test_unpublished_items_do_not_count(course):
    enrollment = enroll(user=UserFactory(), course=course)
    course.test_quizzes[1].unpublish()
    summary = course_grade(course=course, enrollment_ids=[enrollment.pk])[enrollment.pk]
    titles = [i.title for i in summary.items]
    assert "Evaluación 2" not in titles and "Evaluación 1" in titles


def _enrollments(course, n):
    enrollments = [enroll(user=UserFactory(), course=course) for _ in range(n)]
    for enrollment in enrollments:
        for quiz in course.test_quizzes:
            quiz_score(enrollment, quiz, 60)
            quiz_score(enrollment, quiz, 80)
        for assignment in course.test_assignments:
            release(enrollment, assignment, 70)
    return enrollments


@pytest.mark.parametrize(("learners", "items"), [(3, 1), (15, 3)])
def test_course_grade_queries_do_not_grow(
    db, django_assert_max_num_queries, learners, items
):
    course = graded_course(quizzes=items, assignments=items)
    enrollments = _enrollments(course, learners)
    with django_assert_max_num_queries(7):
        summaries = course_grade(
            course=course, enrollment_ids=[e.pk for e in enrollments]
        )
    assert len(summaries) == learners
