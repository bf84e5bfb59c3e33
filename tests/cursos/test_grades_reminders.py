"""Reminders: assignments due in three days and overdue (learners), and the
daily digest of work waiting to be graded (tutors); each sent once."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group

from cursos.models import (
    TUTORS_GROUP,
    Cohort,
    EditionTutor,
    Enrollment,
    GradingReminder,
)
from cursos.services.grading_reminders import due_at
from cursos.tasks import send_assignment_reminders, send_tutor_digests
from tests.cursos.grades_factories import add_assignment, graded_course, hand_in
from tests.factories import UserFactory

GT = ZoneInfo("America/Guatemala")


def at(day, hour=8):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=GT)


START = datetime.date(2026, 3, 2)


@pytest.fixture
def world(db):
    course = graded_course(
        assignments=0,
        final_project=False,
        quizzes=0,
        weights=(0, 100, 0),
        cohorts=[
            {
                "name": "Edición de marzo",
                "enrollment_opens": "2026-02-01T08:00Z",
                "enrollment_closes": "2026-03-01T18:00Z",
                "starts_on": START,
                "ends_on": START + datetime.timedelta(days=60),
            }
        ],
    )
    assignment = add_assignment(
        course, title="Diagnóstico municipal", due_days_after_start=10
    )
    cohort = Cohort.objects.get(course=course)
    learner = UserFactory(email="ana@muni.example")
    enrollment = Enrollment.objects.create(user=learner, course=course, cohort=cohort)
    return course, assignment, cohort, enrollment


def run(when, task=send_assignment_reminders, capture=None):
    with time_machine.travel(when, tick=False):
        with capture(execute=True):
            return task()


def test_due_date_is_the_editions_start_plus_days_at_2359_guatemala(world):
    _course, assignment, _cohort, enrollment = world
    due = due_at(assignment, enrollment)
    assert due == datetime.datetime(2026, 3, 12, 23, 59, tzinfo=GT)


def test_due_soon_then_overdue_each_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _course, _assignment, _cohort, _enrollment = world
    due_day = START + datetime.timedelta(days=10)
    sent = {}
    for offset in range(-6, 4):
        day = due_day + datetime.timedelta(days=offset)
        before = len(mailoutbox)
        for hour in (8, 20):  # the task runs every hour; twice a day is enough here
            run(at(day, hour), capture=django_capture_on_commit_callbacks)
        sent[offset] = len(mailoutbox) - before
    assert {o: n for o, n in sent.items() if n} == {-2: 1, 1: 1}
    subjects = [m.subject for m in mailoutbox]
    assert subjects == [
        "Recordatorio: la tarea «Diagnóstico municipal» vence el 12 de marzo",
        "Tarea vencida: «Diagnóstico municipal»",
    ]
    assert all(m.to == ["ana@muni.example"] for m in mailoutbox)
    assert "http" in mailoutbox[0].body and "23:59" in mailoutbox[0].body
    assert GradingReminder.objects.count() == 2


def test_nothing_for_work_handed_in(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _course, assignment, _cohort, enrollment = world
    hand_in(enrollment, assignment)
    for days in (9, 12):
        run(
            at(START + datetime.timedelta(days=days)),
            capture=django_capture_on_commit_callbacks,
        )
    assert mailoutbox == []


def test_nothing_in_a_read_only_edition(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _course, _assignment, cohort, _enrollment = world
    Cohort.objects.filter(pk=cohort.pk).update(
        ends_on=START + datetime.timedelta(days=11)
    )
    run(
        at(START + datetime.timedelta(days=13)),
        capture=django_capture_on_commit_callbacks,
    )
    assert mailoutbox == []


def test_nothing_when_late_work_is_refused(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _course, assignment, _cohort, _enrollment = world
    type(assignment).objects.filter(pk=assignment.pk).update(hard_close=True)
    run(
        at(START + datetime.timedelta(days=13)),
        capture=django_capture_on_commit_callbacks,
    )
    assert mailoutbox == []


def test_tutor_digest_once_a_day_only_when_something_waits(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _course, assignment, cohort, enrollment = world
    tutor = UserFactory(email="tutora@infom.example", full_name="Tutora Uno")
    tutor.groups.add(Group.objects.get(name=TUTORS_GROUP))
    EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    day = START + datetime.timedelta(days=5)

    def digest(when):
        return run(
            when, task=send_tutor_digests, capture=django_capture_on_commit_callbacks
        )

    assert digest(at(day, 7)) == 0  # nothing waits
    hand_in(enrollment, assignment, when=at(day, 6))
    assert digest(at(day, 7)) == 1
    assert digest(at(day, 9)) == 0  # same day: nothing more
    assert digest(at(day + datetime.timedelta(days=1), 7)) == 1
    messages = [m for m in mailoutbox if m.to == ["tutora@infom.example"]]
    assert len(messages) == 2
    assert messages[0].subject == "1 entrega espera su calificación"
    assert "Diagnóstico municipal" in messages[0].body
    assert "/tutoria/pendientes/" in messages[0].body
