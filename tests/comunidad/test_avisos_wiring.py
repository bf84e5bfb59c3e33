"""Events that already e-mail (grades, returned work, reminders) also land in
"Avisos", without a second e-mail."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from comunidad.models import Notification
from cursos.services.assignments import grade, return_for_revision, submit
from cursos.services.grading_reminders import assignment_reminders, tutor_digests
from lms.outbox.models import OutboxMessage
from tests.cursos.assignments_support import (
    add_assignment,
    edition_course,
    enrolled,
    tutor_of,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    course, cohort = edition_course()
    assignment = add_assignment(course, due_days_after_start=12)
    enrollment = enrolled(course, cohort)
    return course, cohort, assignment, enrollment


def hand_in(enrollment, assignment, token="t1"):  # noqa: S107
    return submit(
        enrollment=enrollment,
        assignment=assignment,
        files=[upload()],
        text="Mi respuesta",
        token=token,
    )


def test_returned_then_graded_each_listed_once_and_emailed_once(
    world, django_capture_on_commit_callbacks
):
    _course, cohort, assignment, enrollment = world
    tutor = tutor_of(cohort)
    submission = hand_in(enrollment, assignment)
    with django_capture_on_commit_callbacks(execute=True):
        return_for_revision(submission=submission, grader=tutor, feedback="Falta")
    submission = hand_in(enrollment, assignment, token="t2")
    with django_capture_on_commit_callbacks(execute=True):
        grade(submission=submission, grader=tutor, points="90")
        grade(submission=submission, grader=tutor, points="90")  # twice: nothing
    rows = list(
        Notification.objects.filter(user=enrollment.user).order_by("created_at", "pk")
    )
    assert [(n.kind, n.title) for n in rows] == [
        ("calificacion", "Su tarea «Diagnóstico municipal» fue devuelta para corregir"),
        ("calificacion", "Su tarea «Diagnóstico municipal» tiene calificación"),
    ]
    assert all(n.emailed_at is not None for n in rows)
    assert all(n.url == assignment.url for n in rows)
    assert len(mail.outbox) == 2  # the existing e-mails only


def test_assignment_reminders_and_tutor_digests_are_listed_as_reminders(world):
    _course, cohort, assignment, enrollment = world
    tutor = tutor_of(cohort)
    before = OutboxMessage.objects.count()
    now = datetime.datetime.combine(
        cohort.starts_on + datetime.timedelta(days=10),
        datetime.time(9),
        tzinfo=datetime.UTC,
    )
    assert assignment_reminders(now=now) == 1
    assert assignment_reminders(now=now) == 0
    learner_rows = Notification.objects.filter(user=enrollment.user)
    assert [n.kind for n in learner_rows] == ["recordatorio"]
    assert learner_rows[0].emailed_at is not None
    assert learner_rows[0].url == assignment.url
    other = enrolled(assignment.get_parent().get_parent().specific, cohort)
    hand_in(other, assignment)
    assert tutor_digests() == 1
    tutor_rows = Notification.objects.filter(user=tutor)
    assert [(n.kind, n.url) for n in tutor_rows] == [
        ("recordatorio", "/tutoria/pendientes/")
    ]
    # One e-mail per reminder, as before; none from "Avisos".
    assert OutboxMessage.objects.count() - before == 2


def test_required_training_reminder_is_listed_once():
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from cursos.models import RequiredTraining, TrainingAssignment
    from cursos.services.required import record_due_reminders, send_reminder
    from lms.accounts.models import STAFF_GROUP
    from tests.factories import UserFactory, build_course

    course = build_course(title="Inducción", modules=1, lessons=1, audience="infom")
    staff = UserFactory(groups_by_name=(STAFF_GROUP,), institution_type="infom")
    today = timezone.localdate()
    requirement = RequiredTraining.objects.create(
        course=course,
        group=Group.objects.get(name=STAFF_GROUP),
        due_rule="fecha",
        due_on=today,
    )
    TrainingAssignment.objects.get_or_create(
        requirement=requirement,
        user=staff,
        course=course,
        defaults={"assigned_on": today, "due_on": today},
    )
    ids = record_due_reminders(today=today)
    assert ids
    for reminder_id in ids:
        send_reminder(reminder_id=reminder_id)
        send_reminder(reminder_id=reminder_id)
    rows = Notification.objects.filter(user=staff)
    assert [n.kind for n in rows] == ["recordatorio"] * len(ids)
    assert rows[0].url == course.url
    assert len(mail.outbox) == len(ids)


@pytest.mark.parametrize(
    ("choice", "emails_now"), [("inmediato", 1), ("resumen", 0), ("nunca", 0)]
)
def test_grade_e_mails_follow_the_learners_choice_and_can_be_unsubscribed(
    world, django_capture_on_commit_callbacks, choice, emails_now
):
    """Added by the lead: a released grade is an optional notice, so its
    e-mail follows the person's preference for grades and carries the one-click
    unsubscribe; with the digest it waits for the digest."""
    from comunidad.models import NotificationPreference
    from comunidad.services.notifications import send_digests

    _course, cohort, assignment, enrollment = world
    NotificationPreference.objects.create(
        user=enrollment.user, kind="calificacion", email=choice
    )
    submission = hand_in(enrollment, assignment)
    with django_capture_on_commit_callbacks(execute=True):
        grade(submission=submission, grader=tutor_of(cohort), points="90")
    assert len(mail.outbox) == emails_now
    if emails_now:
        message = mail.outbox[0]
        assert message.extra_headers["List-Unsubscribe-Post"] == (
            "List-Unsubscribe=One-Click"
        )
        assert "/avisos/baja/" in message.extra_headers["List-Unsubscribe"]
        assert "/avisos/baja/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(now=None)
    assert len(mail.outbox) == emails_now + (choice == "resumen")
