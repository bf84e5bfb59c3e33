"""Holes found by an outside review of the tutored diploma, kept closed: the
waiting list asks enroll()'s rules, a moved learner leaves the earlier
edition's tutor, nobody grades their own work, a draft never hides a return, a
corrected grade follows through to the certificate, stored names never come
from the person's file name, the admin's enrollment never errors, and someone
enrolled by another route leaves the line."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from certificados.models import Certificate
from cursos.editions import may_tutor
from cursos.models import Cohort, CoursePage, Enrollment, Submission, WaitlistEntry
from cursos.services.assignments import (
    AssignmentError,
    change_released_grade,
    grade,
    return_for_revision,
    submit,
)
from cursos.services.editions import (
    EditionError,
    join_waitlist,
    move_enrollment,
    offer_free_seats,
)
from cursos.services.enrollment import enroll
from tests.cursos.tutoria_data import assignment, edition, hand_in, learner, tutor
from tests.factories import UserFactory, build_course
from tests.forms import post_form

pytestmark = pytest.mark.django_db

GT = ZoneInfo("America/Guatemala")
OPEN_DAY = datetime.datetime(2027, 1, 10, 10, tzinfo=GT)
EDITION = {
    "name": "Edición llena",
    "enrollment_opens": datetime.datetime(2027, 1, 1, tzinfo=GT),
    "enrollment_closes": datetime.datetime(2027, 1, 31, tzinfo=GT),
    "starts_on": datetime.date(2027, 2, 3),
    "ends_on": datetime.date(2027, 5, 31),
    "capacity": 1,
}
OTHER = {**EDITION, "name": "Edición con cupo", "capacity": None}


@pytest.fixture
def two_editions():
    course = build_course(modules=1, lessons=1, cohorts=[EDITION, OTHER])
    full = Cohort.objects.get(course=course, name="Edición llena")
    other = Cohort.objects.get(course=course, name="Edición con cupo")
    with time_machine.travel(OPEN_DAY, tick=False):
        enroll(user=UserFactory(), course=course, cohort=full)
    return course, full, other


def test_the_waiting_list_asks_the_course_audience(two_editions):
    course, full, _other = two_editions
    CoursePage.objects.filter(pk=course.pk).update(audience="infom")
    with time_machine.travel(OPEN_DAY, tick=False), pytest.raises(EditionError):
        join_waitlist(user=UserFactory(), cohort=full)
    assert not WaitlistEntry.objects.exists()


def test_someone_active_in_another_edition_does_not_wait_for_a_second(two_editions):
    course, full, other = two_editions
    person = UserFactory()
    with time_machine.travel(OPEN_DAY, tick=False):
        enroll(user=person, course=course, cohort=other)
        with pytest.raises(EditionError, match="Usted ya cursa"):
            join_waitlist(user=person, cohort=full)


def test_someone_enrolled_by_another_route_leaves_the_line(two_editions):
    course, full, _other = two_editions
    person, next_one = UserFactory(), UserFactory()
    with time_machine.travel(OPEN_DAY, tick=False):
        join_waitlist(user=person, cohort=full)
        join_waitlist(user=next_one, cohort=full)
        Cohort.objects.filter(pk=full.pk).update(capacity=3)
        full.refresh_from_db()
        enroll(user=person, course=course, cohort=full)
        assert WaitlistEntry.objects.get(user=person).status == "inscrito"
        offered = offer_free_seats(cohort=full)
    assert [WaitlistEntry.objects.get(pk=pk).user for pk in offered] == [next_one]


def test_a_moved_learner_leaves_the_earlier_editions_tutor(coordinator):
    course, first = edition()
    from cursos.models import Cohort as C

    second = C.objects.create(
        course=course,
        name="Segunda edición",
        enrollment_opens=first.enrollment_opens,
        enrollment_closes=first.enrollment_closes,
        starts_on=first.starts_on,
        ends_on=first.ends_on,
    )
    old_tutor = tutor(first)
    new_tutor = tutor(second)
    enrollment = learner(first, tutor=old_tutor)
    assert may_tutor(old_tutor, enrollment)
    move_enrollment(actor=coordinator, enrollment=enrollment, target=second)
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    assert enrollment.tutor is None
    assert not may_tutor(old_tutor, enrollment)
    assert may_tutor(new_tutor, enrollment)


def test_a_tutor_taken_off_the_edition_loses_a_learner_assigned_by_hand():
    _course, cohort = edition()
    former = tutor(cohort)
    enrollment = learner(cohort, tutor=former)
    former.tutored_editions.all().delete()
    assert not may_tutor(former, enrollment)


def test_nobody_grades_their_own_work():
    course, cohort = edition()
    homework = assignment(course)
    tutor_and_learner = tutor(cohort)
    own = Enrollment.objects.create(
        user=tutor_and_learner, course=course, cohort=cohort
    )
    submission = hand_in(own, homework)
    assert not may_tutor(tutor_and_learner, own)
    with pytest.raises(AssignmentError):
        grade(submission=submission, grader=tutor_and_learner, points=100)
    assert Submission.objects.get(pk=submission.pk).points is None


def test_a_draft_never_replaces_the_return_the_learner_reads():
    course, cohort = edition()
    homework = assignment(course)
    the_tutor = tutor(cohort)
    submission = hand_in(learner(cohort), homework)
    return_for_revision(
        submission=submission, grader=the_tutor, feedback="Agregue responsables."
    )
    with pytest.raises(AssignmentError, match="devuelta"):
        grade(
            submission=submission,
            grader=the_tutor,
            points=10,
            feedback="NOTA PRIVADA",
            release=False,
        )
    submission.refresh_from_db()
    assert submission.feedback == "Agregue responsables."
    assert submission.state == Submission.State.RETURNED


def test_a_corrected_grade_after_completion_changes_the_result_and_certificate(
    coordinator, django_capture_on_commit_callbacks
):
    from cursos.services.progress import complete_enrollment_if_done, complete_lesson
    from tests.cursos.grades_factories import graded_course, quiz_score
    from tests.cursos.grades_factories import release as release_grade
    from tests.factories import course_lessons

    course = graded_course(participation=False, final_project=False, quizzes=1)
    enrollment = enroll(user=UserFactory(), course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    quiz_score(enrollment, course.test_quizzes[0], 100, passed=True)
    submission = release_grade(enrollment, course.test_assignments[0], 0)
    complete_enrollment_if_done(enrollment=Enrollment.objects.get(pk=enrollment.pk))
    enrollment.refresh_from_db()
    assert enrollment.result == Enrollment.Result.NOT_APPROVED
    assert not Certificate.objects.filter(enrollment=enrollment).exists()

    with django_capture_on_commit_callbacks(execute=True):
        change_released_grade(
            submission=submission, by=coordinator, points=100, reason="Error de suma"
        )
    enrollment.refresh_from_db()
    assert enrollment.result == Enrollment.Result.APPROVED
    assert enrollment.final_grade == Decimal("100.00")
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.kind == Certificate.Kind.APPROVAL
    assert certificate.grade == Decimal("100.00")


def test_the_stored_name_comes_from_the_checked_type_not_the_file_name():
    course, cohort = edition()
    homework = assignment(course)
    enrollment = learner(cohort)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    name = "informe." + "x" * 120
    submission = submit(
        enrollment=enrollment,
        assignment=homework,
        files=[SimpleUploadedFile(name, pdf, content_type="application/pdf")],
        text="",
        token="nombre-largo",
    )
    stored = submission.versions.get().files.get()
    assert stored.file.name.endswith(".pdf") and len(stored.file.name) < 100
    assert stored.original_name == name


def test_the_admin_enrollment_never_errors_on_odd_e_mails(client, coordinator):
    from allauth.account.models import EmailAddress

    _course, cohort = edition()
    owner = UserFactory()
    EmailAddress.objects.create(user=owner, email="segundo@ejemplo.gt", verified=True)
    client.force_login(coordinator)
    url = f"/admin/ediciones/{cohort.pk}/inscribir/"
    for email in ("segundo@ejemplo.gt", "a" * 250 + "@ejemplo.gt"):
        response = post_form(
            client,
            url,
            {
                "email": email,
                "full_name": "Persona Nueva Prueba",
                "department": "",
                "municipality": "",
                "post": "uip",
            },
            action=url,
        )
        assert response.status_code in (200, 400), email
    assert not Enrollment.objects.filter(cohort=cohort).exists()
