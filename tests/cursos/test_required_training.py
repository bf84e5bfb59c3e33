"""Required training: assignment when joining and leaving the group, due-date
rules, statuses, "Mi aprendizaje", and reminders sent once each."""

import datetime

import pytest
import time_machine
from celery.exceptions import Retry
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cursos.models import RequiredTraining, TrainingAssignment, TrainingReminder
from cursos.selectors import required_trainings
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.required import reminder_kind
from cursos.tasks import record_training_reminders
from lms.accounts.models import STAFF_GROUP
from tests.factories import UserFactory, build_course, course_lessons
from tests.forms import post_form

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()
DAY = datetime.date(2026, 11, 2)


def at(day: datetime.date, hour=8):
    return datetime.datetime.combine(day, datetime.time(hour), TZ)


@pytest.fixture
def staff_group():
    return Group.objects.get(name=STAFF_GROUP)


@pytest.fixture
def course():
    return build_course(
        title="Inducción al Gobierno Abierto", modules=1, lessons=1, audience="infom"
    )


def staff(**kwargs):
    return UserFactory(
        groups_by_name=(STAFF_GROUP,),
        institution_type="infom",
        institution_name=kwargs.pop("unit", "Unidad de Información Pública"),
        **kwargs,
    )


def rule(course, group, **fields):
    values = {"due_rule": "fecha", "due_on": DAY + datetime.timedelta(days=30)}
    values.update(fields)
    return RequiredTraining.objects.create(course=course, group=group, **values)


def current(user):
    return TrainingAssignment.objects.filter(user=user, withdrawn_at__isnull=True)


def finish(user, course):
    enrollment = enroll(user=user, course=course)
    for lesson in course_lessons(course):
        complete_lesson(enrollment=enrollment, lesson=lesson)


# ------------------------------------------------------------------ assignment
def test_a_new_rule_assigns_current_members_only(course, staff_group):
    member, outsider = staff(), UserFactory()
    requirement = rule(course, staff_group)
    [assignment] = current(member)
    assert assignment.requirement == requirement
    assert assignment.due_on == requirement.due_on
    assert not current(outsider).exists()


def test_days_after_joining_counts_from_the_day_someone_joins(course, staff_group):
    with time_machine.travel(at(DAY), tick=False):
        early = staff()
        rule(course, staff_group, due_rule="dias", due_on=None, due_days=30)
    with time_machine.travel(at(DAY + datetime.timedelta(days=10)), tick=False):
        late = UserFactory()
        late.groups.add(staff_group)
        via_group = UserFactory()
        staff_group.user_set.add(via_group)
    assert current(early).get().due_on == DAY + datetime.timedelta(days=30)
    assert current(late).get().due_on == DAY + datetime.timedelta(days=40)
    assert current(via_group).get().due_on == DAY + datetime.timedelta(days=40)


def test_leaving_withdraws_pending_but_keeps_history(course, staff_group):
    rule(course, staff_group)
    other = build_course(modules=1, lessons=1, audience="infom")
    rule(other, staff_group)
    person = staff()
    finish(person, course)
    person.groups.remove(staff_group)
    assignments = TrainingAssignment.objects.filter(user=person)
    assert assignments.count() == 2  # nothing deleted
    assert assignments.get(course=other).withdrawn_at is not None
    assert assignments.get(course=course).withdrawn_at is None  # completed: kept
    # Joining again assigns the pending training anew.
    person.groups.add(staff_group)
    assert current(person).filter(course=other).count() == 1
    assert TrainingAssignment.objects.filter(user=person, course=other).count() == 2


def test_removing_from_the_group_side_and_clearing(course, staff_group):
    rule(course, staff_group)
    a, b = staff(), staff()
    staff_group.user_set.remove(a)
    assert not current(a).exists() and current(b).exists()
    staff_group.user_set.clear()
    assert not current(b).exists()


def test_deactivating_a_rule_withdraws_pending_and_editing_moves_due_dates(
    course, staff_group
):
    requirement = rule(course, staff_group)
    person = staff()
    requirement.due_on = DAY + datetime.timedelta(days=60)
    requirement.save()
    assert current(person).get().due_on == DAY + datetime.timedelta(days=60)
    requirement.active = False
    requirement.save()
    assert not current(person).exists()


def test_rules_are_validated_in_spanish(course, staff_group):
    with pytest.raises(ValidationError, match="Indique la fecha límite"):
        RequiredTraining(
            course=course, group=staff_group, due_rule="fecha"
        ).full_clean()
    with pytest.raises(ValidationError, match="cuántos días"):
        RequiredTraining(course=course, group=staff_group, due_rule="dias").full_clean()


# ------------------------------------------------------------- status and dashboard
def test_statuses_and_dashboard_order(client, course, staff_group):
    second = build_course(title="Atención de solicitudes", modules=1, lessons=2)
    third = build_course(title="Ética pública", modules=1, lessons=1)
    with time_machine.travel(at(DAY), tick=False):
        person = staff()
        rule(course, staff_group, due_on=DAY + datetime.timedelta(days=5))
        rule(second, staff_group, due_on=DAY + datetime.timedelta(days=20))
        rule(third, staff_group, due_on=DAY + datetime.timedelta(days=40))
        enroll(user=person, course=second)
        finish(person, third)
    today = DAY + datetime.timedelta(days=10)
    statuses = {
        e.course.title: e.status for e in required_trainings(user=person, today=today)
    }
    assert statuses == {
        "Inducción al Gobierno Abierto": "vencida",
        "Atención de solicitudes": "en-curso",
        "Ética pública": "completada",
    }
    client.force_login(person)
    with time_machine.travel(at(today), tick=False):
        html = client.get(reverse("cursos:dashboard")).content.decode()
    required = html[
        html.index("Capacitaciones obligatorias") : html.index("Cursos en marcha")
    ]
    assert (
        required.index("Inducción")
        < required.index("Atención")
        < required.index("Ética")
    )
    assert "Vencida" in required and "7 de noviembre de 2026" in required


# ------------------------------------------------------------------ reminders
@pytest.mark.parametrize(
    ("days_left", "kind"),
    [
        (30, None),
        (8, None),
        (7, "antes-7"),
        (3, "antes-7"),
        (1, "antes-1"),
        (0, "dia"),
        (-1, None),
        (-6, None),
        (-7, "vencida-1"),
        (-13, "vencida-1"),
        (-14, "vencida-2"),
    ],
)
def test_which_reminder_is_due(days_left, kind):
    due = DAY
    assert (
        reminder_kind(due_on=due, today=due - datetime.timedelta(days=days_left))
        == kind
    )


def run_beat(day):
    with time_machine.travel(at(day, 7), tick=False):
        return record_training_reminders()


def test_each_reminder_is_sent_once(course, staff_group, mailoutbox):
    due = DAY + datetime.timedelta(days=10)
    rule(course, staff_group, due_on=due)
    staff(email="ana@infom.gob.gt")
    sent_per_day = {}
    for offset in range(-10, 22):
        day = due + datetime.timedelta(days=offset)
        before = len(mailoutbox)
        run_beat(day)
        run_beat(day)  # the beat running twice the same day sends nothing more
        sent_per_day[offset] = len(mailoutbox) - before
    assert {o: n for o, n in sent_per_day.items() if n} == {
        -7: 1,
        -1: 1,
        0: 1,
        7: 1,
        14: 1,
        21: 1,
    }
    assert all(message.to == ["ana@infom.gob.gt"] for message in mailoutbox)
    subjects = [message.subject for message in mailoutbox]
    assert (
        subjects[0]
        == "Recordatorio: «Inducción al Gobierno Abierto» vence el 12 de noviembre"
    )
    assert subjects[2] == "Hoy vence «Inducción al Gobierno Abierto»"
    assert subjects[3] == "Capacitación vencida: «Inducción al Gobierno Abierto»"
    assert "faltan 7 días" in mailoutbox[0].body
    assert TrainingReminder.objects.filter(sent_at__isnull=False).count() == 6


def test_no_reminder_after_completion_or_withdrawal(course, staff_group, mailoutbox):
    due = DAY + datetime.timedelta(days=10)
    rule(course, staff_group, due_on=due)
    done, gone = staff(), staff()
    finish(done, course)
    gone.groups.remove(staff_group)
    for offset in (-7, -1, 0, 7):
        run_beat(due + datetime.timedelta(days=offset))
    assert mailoutbox == []


def test_a_recorded_reminder_is_not_sent_if_the_course_is_completed_meanwhile(
    course, staff_group, mailoutbox
):
    from cursos.services.required import record_due_reminders, send_reminder

    due = DAY + datetime.timedelta(days=7)
    rule(course, staff_group, due_on=due)
    person = staff()
    with time_machine.travel(at(DAY), tick=False):
        [reminder_id] = record_due_reminders()
    finish(person, course)
    assert send_reminder(reminder_id=reminder_id) is False
    assert mailoutbox == []


def test_learner_sees_the_reminders_sent(client, course, staff_group):
    due = DAY + datetime.timedelta(days=10)
    rule(course, staff_group, due_on=due)
    person = staff()
    run_beat(due - datetime.timedelta(days=7))
    run_beat(due)
    client.force_login(person)
    with time_machine.travel(at(due, 12), tick=False):
        html = client.get(reverse("cursos:dashboard")).content.decode()
    assert "2 recordatorios enviados" in html
    assert "5 de noviembre: faltaban 7 días" in html
    assert "12 de noviembre: vencía ese día" in html


# ------------------------------------------------------------------ admin
def test_coordinator_creates_a_rule_in_the_admin(client, course, staff_group):
    member = staff()
    client.force_login(UserFactory(coordinator=True))
    url = "/admin/capacitaciones-obligatorias/new/"
    assert client.get(url).status_code == 200
    refused = post_form(
        client,
        url,
        {"course": course.pk, "group": staff_group.pk, "due_rule": "dias"},
        action=url,
    )
    assert refused.status_code == 200
    assert "Indique cuántos días" in refused.content.decode()
    assert not RequiredTraining.objects.exists()
    response = post_form(
        client,
        url,
        {
            "course": course.pk,
            "group": staff_group.pk,
            "due_rule": "dias",
            "due_days": "15",
            "active": "on",
        },
        action=url,
    )
    assert response.status_code == 302
    assert current(member).get().due_on == timezone.localdate() + datetime.timedelta(
        days=15
    )


def test_learners_cannot_reach_the_rules(client, course, staff_group):
    client.force_login(staff())
    response = client.get("/admin/capacitaciones-obligatorias/")
    assert response.status_code in (302, 403)


# ------------------------------------------------------------------ edge cases
def test_moving_a_rule_to_another_group_withdraws_the_old_members(course, staff_group):
    coordinators = Group.objects.get(name="Coordinadores")
    requirement = rule(course, staff_group)
    old_member = staff()
    new_member = UserFactory(groups_by_name=("Coordinadores",))
    requirement.group = coordinators
    requirement.save()
    assert not current(old_member).exists()
    assert current(new_member).count() == 1


def test_the_course_of_a_rule_cannot_change(course, staff_group):
    requirement = rule(course, staff_group)
    requirement.course = build_course(modules=1, lessons=1)
    with pytest.raises(ValidationError, match="no se cambia"):
        requirement.full_clean()


def test_two_groups_requiring_the_same_course_give_one_duty(
    course, staff_group, mailoutbox
):
    coordinators = Group.objects.get(name="Coordinadores")
    due = DAY + datetime.timedelta(days=10)
    rule(course, staff_group, due_on=due)
    rule(course, coordinators, due_on=due + datetime.timedelta(days=5))
    person = UserFactory(groups_by_name=(STAFF_GROUP, "Coordinadores"))
    assert current(person).count() == 1
    run_beat(due - datetime.timedelta(days=7))
    assert len(mailoutbox) == 1
    # Leaving the first group: the second one's rule takes over.
    person.groups.remove(staff_group)
    assert current(person).get().requirement.group == coordinators
    staff_group.user_set.add(person)
    coordinators.user_set.remove(person)
    assert current(person).get().requirement.group == staff_group


def test_a_reminder_whose_sending_failed_is_sent_on_the_next_run(
    course, staff_group, mailoutbox, monkeypatch
):
    from cursos.services import required

    due = DAY + datetime.timedelta(days=7)
    rule(course, staff_group, due_on=due)
    staff()

    def broken(reminder):
        raise OSError("SMTP no disponible")

    monkeypatch.setattr(required, "_send_reminder_email", broken)
    with pytest.raises((OSError, Retry)):  # eager Celery raises the retry
        run_beat(DAY)
    assert TrainingReminder.objects.get().sent_at is None
    monkeypatch.undo()
    run_beat(DAY + datetime.timedelta(days=1))
    assert len(mailoutbox) == 1
    assert TrainingReminder.objects.get().sent_at is not None


def test_the_daily_task_catches_members_added_without_signals(course, staff_group):
    rule(course, staff_group)
    person = UserFactory()
    Group.user_set.through.objects.bulk_create(
        [Group.user_set.through(user=person, group=staff_group)]
    )
    assert not current(person).exists()
    run_beat(DAY)
    assert current(person).count() == 1


def test_reminder_email_names_the_group_and_invites_to_start(
    course, staff_group, mailoutbox
):
    due = DAY + datetime.timedelta(days=1)
    rule(course, staff_group, due_on=due)
    staff()
    run_beat(DAY)
    body = mailoutbox[0].body
    assert "obligatoria para el grupo «Personal INFOM»" in body
    assert "Empiece aquí:" in body and "falta 1 día" in body


def test_deleting_a_group_deactivates_its_rules_and_keeps_history(client, course):
    group = Group.objects.create(name="Temporal")
    requirement = rule(course, group)
    person = UserFactory(groups_by_name=("Temporal",))
    assert current(person).count() == 1
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = f"/admin/groups/delete/{group.pk}/"
    response = post_form(client, url, action=url)
    assert response.status_code == 302
    requirement.refresh_from_db()
    assert requirement.group is None and not requirement.active
    assert not current(person).exists()
    assert TrainingAssignment.objects.filter(user=person).count() == 1  # history
