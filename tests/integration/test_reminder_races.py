"""Reminders on PostgreSQL with real threads: two beat runs at the same moment
still send each reminder once; concurrent joins make one duty per person."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from cursos.models import RequiredTraining, TrainingAssignment, TrainingReminder
from cursos.services.required import record_due_reminders, send_reminder
from lms.accounts.models import STAFF_GROUP
from tests.factories import UserFactory, build_course
from tests.integration.test_course_races import run_concurrently

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_beat_runs_send_each_reminder_once(postgresql, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    group = Group.objects.get(name=STAFF_GROUP)
    today = timezone.localdate()
    course = build_course(modules=1, lessons=1, audience="infom")
    RequiredTraining.objects.create(
        course=course, group=group, due_on=today + datetime.timedelta(days=7)
    )
    people = [UserFactory(groups_by_name=(STAFF_GROUP,)) for _ in range(5)]

    def beat(_index):
        return [send_reminder(reminder_id=pk) for pk in record_due_reminders()]

    results, errors = run_concurrently(beat)
    assert errors == []
    assert TrainingReminder.objects.count() == len(people)
    assert TrainingReminder.objects.filter(sent_at__isnull=False).count() == len(people)
    assert sum(sent for run in results for sent in run) == len(people)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)


def test_concurrent_joins_make_one_current_duty(postgresql):
    group = Group.objects.get(name=STAFF_GROUP)
    course = build_course(modules=1, lessons=1, audience="infom")
    RequiredTraining.objects.create(
        course=course, group=group, due_on=timezone.localdate()
    )
    person = UserFactory()
    _results, errors = run_concurrently(lambda _: person.groups.add(group))
    assert errors == []
    assert (
        TrainingAssignment.objects.filter(
            user=person, withdrawn_at__isnull=True
        ).count()
        == 1
    )
