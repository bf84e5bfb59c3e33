"""The assignment services: handing in, versions, deadlines, grading, returning
and changing a released grade."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cursos.models import Submission, SubmissionVersion
from cursos.selectors import progress_for
from cursos.services.assignments import (
    AssignmentError,
    change_released_grade,
    due_for,
    grade,
    return_for_revision,
    submit,
)
from cursos.services.progress import complete_lesson
from tests.cursos.assignments_support import (
    PNG,
    add_assignment,
    edition_course,
    enrolled,
    set_dates,
    tutor_of,
    upload,
)
from tests.factories import UserFactory, course_lessons

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    course, cohort = edition_course()
    assignment = add_assignment(course)
    enrollment = enrolled(course, cohort)
    return course, cohort, assignment, enrollment


def hand_in(enrollment, assignment, token="t1", files=None, text="Mi respuesta"):  # noqa: S107
    return submit(
        enrollment=enrollment,
        assignment=assignment,
        files=[upload()] if files is None else files,
        text=text,
        token=token,
    )


# ------------------------------------------------------------------ due dates
def test_due_date_fixed_or_days_after_the_edition_start(world):
    _course, cohort, assignment, enrollment = world
    assert due_for(assignment=assignment, enrollment=enrollment) is None
    assignment.due_days_after_start = 7
    due = due_for(assignment=assignment, enrollment=enrollment)
    local = timezone.localtime(due)
    assert local.date() == cohort.starts_on + timedelta(days=7)
    assert (local.hour, local.minute) == (23, 59)
    fixed = timezone.now() + timedelta(days=3)
    assignment.due_days_after_start = None
    assignment.due_at = fixed
    assert due_for(assignment=assignment, enrollment=enrollment) == fixed


# ------------------------------------------------------------------ submit
def test_submit_creates_submission_version_and_files(world):
    _course, _cohort, assignment, enrollment = world
    submission = hand_in(enrollment, assignment)
    assert submission.state == Submission.State.SUBMITTED
    assert submission.versions_count == 1
    version = submission.versions.get()
    assert version.text == "Mi respuesta"
    stored = version.files.get()
    assert stored.kind == "pdf"
    assert stored.original_name == "trabajo.pdf"
    assert stored.file.name.startswith("entregas/")
    enrollment.refresh_from_db()
    assert enrollment.last_item_id == assignment.pk


def test_same_token_twice_makes_one_version(world):
    _course, _cohort, assignment, enrollment = world
    first = hand_in(enrollment, assignment, token="doble")
    second = hand_in(enrollment, assignment, token="doble")
    assert first.pk == second.pk
    assert SubmissionVersion.objects.filter(submission=first).count() == 1


def test_resubmission_adds_a_version(world):
    _course, _cohort, assignment, enrollment = world
    hand_in(enrollment, assignment, token="a")
    submission = hand_in(enrollment, assignment, token="b", text="Corregida")
    assert submission.versions_count == 2
    assert list(submission.versions.values_list("number", flat=True)) == [1, 2]


def test_no_resubmission_when_not_allowed(world):
    _course, _cohort, assignment, enrollment = world
    assignment.allow_resubmission = False
    assignment.save_revision().publish()
    hand_in(enrollment, assignment, token="a")
    with pytest.raises(AssignmentError, match="no admite nuevas versiones"):
        hand_in(enrollment, assignment, token="b")


def test_late_is_marked_and_hard_close_refuses(world):
    _course, _cohort, assignment, enrollment = world
    assignment.due_at = timezone.now() - timedelta(hours=1)
    assignment.save_revision().publish()
    submission = hand_in(enrollment, assignment)
    assert submission.late and submission.versions.get().late
    assignment.hard_close = True
    assignment.save_revision().publish()
    with pytest.raises(AssignmentError, match="no recibe entregas tardías"):
        hand_in(enrollment, assignment, token="otra")


def test_closed_edition_refuses(world):
    _course, cohort, assignment, enrollment = world
    today = timezone.localdate()
    set_dates(
        cohort, starts_on=today - timedelta(days=30), ends_on=today - timedelta(days=1)
    )
    enrollment.refresh_from_db()
    with pytest.raises(AssignmentError, match="terminó"):
        hand_in(enrollment, assignment)
    assert not Submission.objects.exists()


def test_not_started_edition_refuses(world):
    _course, cohort, assignment, enrollment = world
    today = timezone.localdate()
    set_dates(cohort, starts_on=today + timedelta(days=3), ends_on=None)
    enrollment.refresh_from_db()
    with pytest.raises(AssignmentError, match="comienza"):
        hand_in(enrollment, assignment)


def test_locked_in_a_sequential_course():
    course, cohort = edition_course(sequential=True)
    assignment = add_assignment(course, module=1)
    enrollment = enrolled(course, cohort)
    with pytest.raises(AssignmentError, match="Se abre cuando complete"):
        hand_in(enrollment, assignment)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    assert hand_in(enrollment, assignment).versions_count == 1


def test_assignment_of_another_course_is_refused(world):
    _course, _cohort, _assignment, enrollment = world
    other, _ = edition_course()
    foreign = add_assignment(other)
    with pytest.raises(AssignmentError, match="no forma parte"):
        hand_in(enrollment, foreign)


def test_text_and_file_rules(world):
    _course, _cohort, assignment, enrollment = world
    with pytest.raises(AssignmentError, match="Adjunte al menos un archivo o escriba"):
        hand_in(enrollment, assignment, files=[], text="  ")
    with pytest.raises(AssignmentError, match="carácter nulo"):
        hand_in(enrollment, assignment, text="hola\x00")
    with pytest.raises(AssignmentError, match="no es un PDF válido"):
        hand_in(enrollment, assignment, files=[upload("x.pdf", PNG)])
    with pytest.raises(AssignmentError, match="hasta 3 archivos"):
        hand_in(enrollment, assignment, files=[upload() for _ in range(4)])
    assignment.allow_text = False
    with pytest.raises(AssignmentError, match="solo con archivos"):
        hand_in(enrollment, assignment, text="texto")
    assert not Submission.objects.exists()


def test_submitting_counts_the_item_as_done_unless_returned(world):
    course, cohort, assignment, enrollment = world
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment)
    assert (
        assignment.pk
        in progress_for(enrollment=enrollment, course=course).completed_ids
    )
    return_for_revision(submission=submission, grader=tutor, feedback="Falta el anexo")
    assert (
        assignment.pk
        not in progress_for(enrollment=enrollment, course=course).completed_ids
    )


# ------------------------------------------------------------------ grading
def test_grade_with_points_releases_and_emails_once(
    world, django_capture_on_commit_callbacks
):
    _course, cohort, assignment, enrollment = world
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment)
    with django_capture_on_commit_callbacks(execute=True):
        graded = grade(
            submission=submission, grader=tutor, points="85.5", feedback="Bien"
        )
    with django_capture_on_commit_callbacks(execute=True):
        again = grade(
            submission=submission, grader=tutor, points="85.50", feedback="Bien"
        )
    assert graded.state == again.state == Submission.State.GRADED
    assert again.points == Decimal("85.50") and again.released_at is not None
    assert len(mail.outbox) == 1
    assert (
        mail.outbox[0].subject == "Su tarea «Diagnóstico municipal» tiene calificación"
    )
    assert mail.outbox[0].to == [enrollment.user.email]
    with pytest.raises(AssignmentError, match="ya fue publicada"):
        grade(submission=submission, grader=tutor, points=90)
    with pytest.raises(AssignmentError, match="ya fue calificada"):
        hand_in(enrollment, assignment, token="tarde")


def test_draft_grade_is_not_released(world, django_capture_on_commit_callbacks):
    _course, cohort, assignment, enrollment = world
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment)
    with django_capture_on_commit_callbacks(execute=True):
        draft = grade(submission=submission, grader=tutor, points=70, release=False)
    assert draft.state == Submission.State.SUBMITTED
    assert draft.released_at is None and draft.points == Decimal("70.00")
    assert len(mail.outbox) == 0


@pytest.mark.parametrize("points", [-1, "100.01", "abc", None, "NaN", True])
def test_points_out_of_bounds_are_refused(world, points):
    _course, cohort, assignment, enrollment = world
    submission = hand_in(enrollment, assignment)
    with pytest.raises(AssignmentError):
        grade(submission=submission, grader=tutor_of(cohort), points=points)
    submission.refresh_from_db()
    assert submission.points is None


def test_grade_with_rubric_sums_the_levels():
    course, cohort = edition_course()
    assignment = add_assignment(course, rubric=True)
    enrollment = enrolled(course, cohort)
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment)
    for bad in ([2], [3, 0], ["x", 1], None):
        with pytest.raises(AssignmentError):
            grade(submission=submission, grader=tutor, rubric_scores=bad)
    graded = grade(submission=submission, grader=tutor, rubric_scores=[1, 1])
    assert graded.points == Decimal("70.00")
    assert graded.rubric_scores == [1, 1]


def test_only_a_tutor_of_this_learner_grades(world):
    course, cohort, assignment, enrollment = world
    submission = hand_in(enrollment, assignment)
    other_course, other_cohort = edition_course()
    another_tutor = tutor_of(other_cohort)
    for person in (another_tutor, enrollment.user, UserFactory()):
        # The learner is told nobody grades their own work; the others that
        # they do not tutor this person.
        refusal = "propio trabajo" if person == enrollment.user else "no es tutor"
        with pytest.raises(AssignmentError, match=refusal):
            grade(submission=submission, grader=person, points=50)
        with pytest.raises(AssignmentError, match=refusal):
            return_for_revision(submission=submission, grader=person, feedback="x")
    coordinator = UserFactory(coordinator=True)
    assert grade(submission=submission, grader=coordinator, points=50).points == 50


def test_grading_closes_after_the_grace_days(world):
    _course, cohort, assignment, enrollment = world
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment)
    today = timezone.localdate()
    set_dates(
        cohort, starts_on=today - timedelta(days=90), ends_on=today - timedelta(days=30)
    )
    submission.enrollment.refresh_from_db()
    with pytest.raises(AssignmentError, match="plazo para calificar"):
        grade(submission=submission, grader=tutor, points=50)


def test_return_for_revision_then_new_version(
    world, django_capture_on_commit_callbacks
):
    _course, cohort, assignment, enrollment = world
    assignment.allow_resubmission = False
    assignment.save_revision().publish()
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment, token="a")
    with pytest.raises(AssignmentError, match="Escriba qué debe corregir"):
        return_for_revision(submission=submission, grader=tutor, feedback=" ")
    with django_capture_on_commit_callbacks(execute=True):
        returned = return_for_revision(
            submission=submission, grader=tutor, feedback="Falta el anexo"
        )
    with django_capture_on_commit_callbacks(execute=True):
        return_for_revision(
            submission=submission, grader=tutor, feedback="Falta el anexo"
        )
    assert returned.state == Submission.State.RETURNED
    assert len(mail.outbox) == 1
    assert "devuelta" in mail.outbox[0].subject
    again = hand_in(enrollment, assignment, token="b")
    assert again.state == Submission.State.SUBMITTED and again.versions_count == 2


# ------------------------------------------------------------------ coordinator
def test_change_released_grade_needs_perm_and_reason_and_is_logged(world):
    _course, cohort, assignment, enrollment = world
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment)
    grade(submission=submission, grader=tutor, points=60, feedback="Regular")
    with pytest.raises(AssignmentError, match="Solo la coordinación"):
        change_released_grade(
            submission=submission, by=tutor, points=80, reason="Error"
        )
    coordinator = UserFactory(coordinator=True)
    with pytest.raises(AssignmentError, match="motivo"):
        change_released_grade(
            submission=submission, by=coordinator, points=80, reason=""
        )
    changed = change_released_grade(
        submission=submission, by=coordinator, points=80, reason="Error de suma"
    )
    assert changed.points == Decimal("80.00") and changed.feedback == "Regular"
    entry = ModelLogEntry.objects.get(action="cursos.grade_changed")
    assert entry.user_id == coordinator.pk
    assert entry.data["before"]["points"] == "60.00"
    assert entry.data["after"]["points"] == "80.00"
    assert entry.data["reason"] == "Error de suma"
    change_released_grade(
        submission=submission, by=coordinator, points=80, reason="Error de suma"
    )
    assert ModelLogEntry.objects.filter(action="cursos.grade_changed").count() == 1


def test_change_needs_a_released_grade(world):
    _course, cohort, assignment, enrollment = world
    submission = hand_in(enrollment, assignment)
    coordinator = UserFactory(coordinator=True)
    with pytest.raises(AssignmentError, match="no está publicada"):
        change_released_grade(
            submission=submission, by=coordinator, points=1, reason="x"
        )
