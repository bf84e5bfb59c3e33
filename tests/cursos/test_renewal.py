"""Required training that expires: a course with ``validity_months`` makes each
completion valid until a day; ``renew_days_before`` days earlier the daily task
assigns the course again (a new assignment due the day the completion expires,
and a new enrollment; history kept), reminders run as for a first assignment,
and the compliance report says "vencida" once an expired completion has no
renewed one. Two full cycles, with time-machine."""

import csv
import datetime
import io

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificados.models import Certificate
from cursos.models import (
    CoursePage,
    Enrollment,
    LessonCompletion,
    RequiredTraining,
    TrainingAssignment,
    TrainingReminder,
)
from cursos.reports.compliance import assignments_ranked, assignments_with_status
from cursos.selectors import enrollment_for, required_trainings
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.required import renew_due
from cursos.tasks import record_training_reminders
from lms.accounts.models import STAFF_GROUP
from tests.factories import UserFactory, build_course, course_lessons

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()
COMPLIANCE = "/admin/informes/cumplimiento/"
UNITS = "/admin/informes/cumplimiento/unidades/"


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def at(day, hour=7):
    return datetime.datetime.combine(day, datetime.time(hour), TZ)


@pytest.fixture
def staff_group():
    return Group.objects.get(name=STAFF_GROUP)


@pytest.fixture
def course():
    course = build_course(
        title="Ética y probidad", modules=1, lessons=2, audience="infom"
    )
    CoursePage.objects.filter(pk=course.pk).update(validity_months=12)
    course.refresh_from_db()
    return course


def staff(email="ana@infom.gob.gt", unit="Recursos Humanos"):
    return UserFactory(
        email=email,
        full_name="Ana Tecún Chavajay",
        groups_by_name=(STAFF_GROUP,),
        institution_type="infom",
        institution_name=unit,
    )


def beat(day):
    """The daily task as the beat runs it at 07:00, twice (it must be idempotent)."""
    with time_machine.travel(at(day), tick=False):
        record_training_reminders()
        record_training_reminders()


def finish(user, course, day, capture):
    with time_machine.travel(at(day, 10), tick=False):
        enrollment = enroll(user=user, course=course)
        with capture(execute=True):
            for lesson in course_lessons(course):
                complete_lesson(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    return enrollment


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def status_on(user, day) -> str:
    (row,) = assignments_with_status(day).filter(user=user)
    # The report's page and export sort and filter on the same status counted
    # over a join (``assignments_ranked``): both say the same every day.
    (ranked,) = assignments_ranked(day).filter(user=user)
    assert (ranked.status, ranked.rank) == (row.status, row.rank)
    return row.status


def snapshot():
    return (
        TrainingAssignment.objects.count(),
        Enrollment.objects.count(),
        TrainingReminder.objects.count(),
    )


def test_two_renewal_cycles(
    client,
    course,
    staff_group,
    coordinator,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    with time_machine.travel(at(d("2026-11-02")), tick=False):
        RequiredTraining.objects.create(
            course=course,
            group=staff_group,
            due_rule="dias",
            due_days=30,
            renew_days_before=30,
        )
        ana = staff()
    (first,) = TrainingAssignment.objects.filter(user=ana)
    assert first.due_on == d("2026-12-02")

    # ---- first completion: valid 12 months, and its certificate says so
    e1 = finish(ana, course, d("2026-11-10"), capture)
    assert e1.valid_until == d("2027-11-10")
    c1 = Certificate.objects.get(enrollment=e1)
    assert c1.valid_until == d("2027-11-10")
    assert c1.status == Certificate.Status.ISSUED
    assert status_on(ana, d("2027-01-01")) == "completada"

    expiry = d("2027-11-10")
    for cycle, next_expiry in ((1, d("2028-11-20")), (2, d("2029-11-25"))):
        previous = enrollment_for(user=ana, course=course)
        assert previous.valid_until == expiry
        window_opens = expiry - datetime.timedelta(days=30)

        # ---- the day before the window: nothing renews
        before = snapshot()
        beat(window_opens - datetime.timedelta(days=1))
        assert snapshot() == before

        # ---- the window opens: one new assignment and one new enrollment,
        # however many times the task runs
        beat(window_opens)
        beat(window_opens + datetime.timedelta(days=1))
        assert snapshot()[:2] == (before[0] + 1, before[1] + 1)
        current = TrainingAssignment.objects.current().get(user=ana, course=course)
        assert current.due_on == expiry  # due the day the completion expires
        assert current.assigned_on == window_opens
        old_assignment = current.renewal_of
        assert old_assignment.renewed_at is not None
        renewal = enrollment_for(user=ana, course=course)
        assert renewal.renewal_of_id == previous.pk and renewal.completed_at is None
        previous.refresh_from_db()
        # History kept: the completion, its progress and certificate stay.
        assert previous.superseded_at is not None
        assert previous.completed_at is not None
        assert LessonCompletion.objects.filter(enrollment=previous).count() == 2
        assert Certificate.objects.filter(enrollment=previous).exists()
        # The renewal is a duty again (not started), the old one still valid.
        assert status_on(ana, window_opens) == "pendiente"
        (entry,) = required_trainings(user=ana, today=window_opens)
        assert entry.assignment.pk == current.pk and entry.status == "pendiente"

        # ---- reminders run as for a first assignment: 7 days, 1 day, the day
        sent_before = len(mailoutbox)
        for offset in (-7, -1, 0):
            beat(expiry + datetime.timedelta(days=offset))
        reminders = TrainingReminder.objects.filter(assignment=current)
        assert sorted(reminders.values_list("kind", flat=True)) == [
            "antes-1",
            "antes-7",
            "dia",
        ]
        assert reminders.filter(sent_at__isnull=True).count() == 0
        renewal_mails = mailoutbox[sent_before:]
        assert len(renewal_mails) == 3
        assert all(m.to == ["ana@infom.gob.gt"] for m in renewal_mails)
        assert "Es una renovación" in renewal_mails[0].body
        assert not TrainingReminder.objects.filter(
            assignment=old_assignment, created_at__gte=at(window_opens, 0)
        ).exists()

        # ---- it expires: the report says "vencida", the certificate "vencido"
        assert status_on(ana, expiry) == "pendiente"  # still valid that day
        day_after = expiry + datetime.timedelta(days=1)
        assert status_on(ana, day_after) == "vencida"
        old_certificate = Certificate.objects.get(enrollment=previous)
        assert old_certificate.verdict(on=day_after) == "vencido"
        if cycle == 1:
            with time_machine.travel(at(day_after, 9), tick=False):
                client.force_login(coordinator)
                rows = csv_rows(client.get(COMPLIANCE, {"export": "csv"}))
                (unit,) = csv_rows(client.get(UNITS, {"export": "csv"}))
            assert [(r["Nombre"], r["Estado"], r["Completada el"]) for r in rows] == [
                ("Ana Tecún Chavajay", "Vencida", "")
            ]
            assert (unit["Vencidas"], unit["Completadas"]) == ("1", "0")
            client.logout()

        # ---- complete again: a new certificate with a new validity
        finish_day = next_expiry.replace(year=next_expiry.year - 1)
        again = finish(ana, course, finish_day, capture)
        assert again.pk == renewal.pk
        assert again.valid_until == next_expiry
        certificate = Certificate.objects.get(enrollment=again)
        assert certificate.valid_until == next_expiry
        assert certificate.pk != old_certificate.pk
        assert status_on(ana, finish_day) == "completada"
        (row,) = assignments_with_status(finish_day).filter(user=ana)
        assert row.valid_until == next_expiry
        # No more reminders for a completed renewal.
        count = TrainingReminder.objects.count()
        beat(finish_day + datetime.timedelta(days=1))
        assert TrainingReminder.objects.count() == count
        expiry = next_expiry

    # Two cycles: three enrollments, three certificates, three assignments,
    # exactly one of each current.
    assert Enrollment.objects.filter(user=ana, course=course).count() == 3
    assert Certificate.objects.filter(enrollment__user=ana).count() == 3
    assert TrainingAssignment.objects.filter(user=ana).count() == 3
    assert TrainingAssignment.objects.current().filter(user=ana).count() == 1
    assert (
        Enrollment.objects.filter(user=ana, course=course, superseded_at=None).count()
        == 1
    )


def test_mi_aprendizaje_shows_the_renewal_and_the_history(
    client, course, staff_group, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(d("2026-11-02")), tick=False):
        RequiredTraining.objects.create(
            course=course, group=staff_group, due_rule="dias", due_days=30
        )
        ana = staff()
    finish(ana, course, d("2026-11-10"), django_capture_on_commit_callbacks)
    with time_machine.travel(at(d("2027-03-01"), 9), tick=False):
        client.force_login(ana)
        html = client.get("/mi-aprendizaje/").content.decode()
    assert "Válido hasta el 10 de noviembre de 2027" in html
    beat(d("2027-10-11"))
    with time_machine.travel(at(d("2027-10-12"), 9), tick=False):
        client.force_login(ana)
        html = client.get("/mi-aprendizaje/").content.decode()
    duty = html[html.index('id="obligatorias"') : html.index('id="en-curso"')]
    assert "Ética y probidad" in duty and "10 de noviembre de 2027" in duty
    assert "Renovación" in duty
    history = html[html.index('id="ediciones-anteriores"') :]
    assert "Historial" in history
    assert "Válido hasta el 10 de noviembre de 2027" in history
    assert "Descargar el certificado" in history
    with time_machine.travel(at(d("2027-11-15"), 9), tick=False):
        client.force_login(ana)
        html = client.get("/mi-aprendizaje/").content.decode()
    history = html[html.index('id="ediciones-anteriores"') :]
    assert "Vencido el 10 de noviembre de 2027" in history
    duty = html[html.index('id="obligatorias"') : html.index('id="en-curso"')]
    assert "Vencida" in duty
    assert "lo que completó venció el 10 de noviembre de 2027" in duty


def test_renewal_leaves_alone_who_left_the_group_or_still_has_time(
    course, staff_group, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(d("2026-11-02")), tick=False):
        RequiredTraining.objects.create(
            course=course,
            group=staff_group,
            due_rule="dias",
            due_days=30,
            renew_days_before=10,
        )
        ana, beto = staff(), staff(email="beto@infom.gob.gt")
    for person in (ana, beto):
        finish(person, course, d("2026-11-10"), django_capture_on_commit_callbacks)
    beto.groups.clear()
    # 30 days before: this rule renews 10 days before, so not yet.
    assert renew_due(today=d("2027-10-11")) == 0
    assert renew_due(today=d("2027-10-31")) == 1
    assert renew_due(today=d("2027-10-31")) == 0
    assert TrainingAssignment.objects.filter(user=beto).count() == 1
    assert TrainingAssignment.objects.filter(user=ana).count() == 2


def test_a_course_without_validity_never_renews(
    course, staff_group, django_capture_on_commit_callbacks
):
    CoursePage.objects.filter(pk=course.pk).update(validity_months=None)
    course.refresh_from_db()
    with time_machine.travel(at(d("2026-11-02")), tick=False):
        RequiredTraining.objects.create(
            course=course, group=staff_group, due_rule="dias", due_days=30
        )
        ana = staff()
    e1 = finish(ana, course, d("2026-11-10"), django_capture_on_commit_callbacks)
    assert e1.valid_until is None
    assert renew_due(today=d("2036-01-01")) == 0
    assert status_on(ana, d("2036-01-01")) == "completada"


def test_the_database_refuses_a_second_current_enrollment_or_assignment(
    course, staff_group, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(d("2026-11-02")), tick=False):
        RequiredTraining.objects.create(
            course=course, group=staff_group, due_rule="dias", due_days=30
        )
        ana = staff()
    e1 = finish(ana, course, d("2026-11-10"), django_capture_on_commit_callbacks)
    assert renew_due(today=d("2027-10-20")) == 1
    renewal = enrollment_for(user=ana, course=course)
    assignment = TrainingAssignment.objects.current().get(user=ana)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(user=ana, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(user=ana, course=course, renewal_of=e1)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingAssignment.objects.create(
            requirement=assignment.requirement,
            user=ana,
            course=course,
            assigned_on=d("2027-10-20"),
            due_on=d("2027-11-10"),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingAssignment.objects.create(
            requirement=assignment.requirement,
            user=ana,
            course=course,
            assigned_on=d("2027-10-20"),
            due_on=d("2027-11-10"),
            renewed_at=timezone.now(),
            renewal_of=assignment.renewal_of,
        )
    # enroll() gives back the current (renewal) enrollment, never a third.
    assert enroll(user=ana, course=course).pk == renewal.pk


def test_a_renewal_due_date_is_not_moved_by_the_rule(
    course, staff_group, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(d("2026-11-02")), tick=False):
        rule = RequiredTraining.objects.create(
            course=course, group=staff_group, due_rule="dias", due_days=30
        )
        ana = staff()
    finish(ana, course, d("2026-11-10"), django_capture_on_commit_callbacks)
    beat(d("2027-10-20"))
    rule.due_days = 5
    rule.save()
    beat(d("2027-10-21"))
    current = TrainingAssignment.objects.current().get(user=ana)
    assert current.due_on == d("2027-11-10")


def _people_with_history(course, group, n, start):
    """``n`` staff, each with an expired completion renewed once (one current
    assignment and a renewal enrollment each)."""
    for i in range(n):
        user = staff(email=f"p{start + i}@infom.gob.gt", unit=f"Unidad {i % 3}")
        assignment = TrainingAssignment.objects.current().get(user=user)
        e1 = Enrollment.objects.create(
            user=user,
            course=course,
            completed_at=at(d("2025-01-10")),
            valid_until=d("2026-01-10"),
            superseded_at=at(d("2025-12-11")),
        )
        Enrollment.objects.create(user=user, course=course, renewal_of=e1)
        TrainingAssignment.objects.filter(pk=assignment.pk).update(
            renewed_at=at(d("2025-12-11"))
        )
        TrainingAssignment.objects.create(
            requirement=assignment.requirement,
            user=user,
            course=course,
            assigned_on=d("2025-12-11"),
            due_on=d("2026-01-10"),
            renewal_of=assignment,
        )


@pytest.mark.parametrize("url", [COMPLIANCE, UNITS])
def test_compliance_queries_stay_flat_with_renewals(
    client, coordinator, course, staff_group, url
):
    RequiredTraining.objects.create(
        course=course, group=staff_group, due_rule="dias", due_days=30
    )
    client.force_login(coordinator)

    def count():
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    _people_with_history(course, staff_group, 3, 0)
    small, html = count()
    _people_with_history(course, staff_group, 30, 100)
    large, html = count()
    assert small == large, (small, large)
    if url == COMPLIANCE:
        assert "Vencida: <strong>33</strong>" in html


def test_a_course_with_editions_renews_into_a_new_edition(
    course, staff_group, django_capture_on_commit_callbacks
):
    from cursos.models import Cohort
    from cursos.services.enrollment import EnrollmentError

    def edition(name, opens, starts, ends):
        return Cohort.objects.create(
            course=course,
            name=name,
            enrollment_opens=at(d(opens)),
            enrollment_closes=at(d(starts), 18),
            starts_on=d(starts),
            ends_on=d(ends),
        )

    first = edition("Edición 2027", "2027-01-01", "2027-02-01", "2027-06-30")
    second = edition("Edición 2028", "2028-01-15", "2028-02-10", "2028-06-30")
    with time_machine.travel(at(d("2027-01-05")), tick=False):
        RequiredTraining.objects.create(
            course=course, group=staff_group, due_rule="dias", due_days=90
        )
        ana = staff()
        e1 = enroll(user=ana, course=course, cohort=first)
    with time_machine.travel(at(d("2027-03-01"), 10), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in course_lessons(course):
                complete_lesson(enrollment=e1, lesson=lesson)
    e1.refresh_from_db()
    assert e1.valid_until == d("2028-03-01")
    with time_machine.travel(at(d("2028-01-20"), 10), tick=False):
        with pytest.raises(EnrollmentError, match="ya aprobó"):
            enroll(user=ana, course=course, cohort=second)
    assert renew_due(today=d("2028-01-31")) == 1
    assert renew_due(today=d("2028-01-31")) == 0
    current = TrainingAssignment.objects.current().get(user=ana)
    assert current.due_on == d("2028-03-01")
    # No enrollment is opened for her: she chooses the new edition.
    assert Enrollment.objects.filter(user=ana).count() == 1
    e1.refresh_from_db()
    assert e1.superseded_at is not None
    with time_machine.travel(at(d("2028-02-01"), 10), tick=False):
        e2 = enroll(user=ana, course=course, cohort=second)
    assert e2.pk != e1.pk and e2.cohort_id == second.pk
    assert status_on(ana, d("2028-02-02")) == "en-curso"
