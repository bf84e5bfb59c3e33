"""Sessions and attendance services: permissions, the roster POST's rules
(all or nothing, idempotent), the attendance arithmetic and the minimum
attendance in grades."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comunidad.models import Attendance, LiveSession, Notification
from comunidad.services import sessions as service
from tests.comunidad.sessions_data import session
from tests.cursos import tutoria_data as data
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db

P, A, J = "presente", "ausente", "justificada"


@pytest.fixture
def edition():
    course, cohort = data.edition(title="Diplomado de sesiones")
    return course, cohort


# ------------------------------------------------------------------ sessions
def test_a_tutor_creates_a_session_and_its_learners_are_told(edition):
    _course, cohort = edition
    tutor = data.tutor(cohort)
    guate = data.learner(cohort, code=data.GUATEMALA)
    toto = data.learner(cohort, code=data.TOTONICAPAN)
    starts = timezone.now() + timedelta(days=2)
    created = service.save_session(
        cohort=cohort,
        by=tutor,
        topic="  Plazos de respuesta ",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        mode="presencial",
        place="Sede por confirmar",
        link="https://no.se.guarda/",
        department=municipality(data.TOTONICAPAN).department,
        counts_for_attendance=True,
    )
    assert created.topic == "Plazos de respuesta" and created.link == ""
    told = set(
        Notification.objects.filter(kind=Notification.Kind.SESSION).values_list(
            "user_id", flat=True
        )
    )
    assert told == {toto.user_id}
    assert guate.user_id not in told


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"mode": "virtual", "link": ""}, "enlace"),
        ({"mode": "presencial", "place": " "}, "lugar"),
        ({"minutes": -30}, "terminar después"),
        ({"topic": "  "}, "tema"),
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_saved(edition, fields, message):
    _course, cohort = edition
    tutor = data.tutor(cohort)
    starts = timezone.now() + timedelta(days=1)
    values = {
        "topic": "Tema",
        "starts_at": starts,
        "ends_at": starts + timedelta(minutes=fields.pop("minutes", 60)),
        "mode": "virtual",
        "place": "",
        "link": "https://reunion.ejemplo.gt/x",
        "department": None,
        "counts_for_attendance": True,
    }
    values.update(fields)
    with pytest.raises(service.SessionError, match=message):
        service.save_session(cohort=cohort, by=tutor, **values)
    assert not LiveSession.objects.exists()


def test_only_the_editions_tutors_and_coordinators_manage_sessions(edition):
    _course, cohort = edition
    _other_course, other_cohort = data.edition(title="Otro curso")
    stranger = data.tutor(other_cohort)
    learner = data.learner(cohort)
    starts = timezone.now() + timedelta(days=1)
    fields = {
        "topic": "Tema",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1),
        "mode": "virtual",
        "link": "https://reunion.ejemplo.gt/x",
    }
    for person in (stranger, learner.user):
        with pytest.raises(service.SessionError):
            service.save_session(cohort=cohort, by=person, **fields)
    coordinator = UserFactory(coordinator=True)
    assert service.save_session(cohort=cohort, by=coordinator, **fields).pk


def test_cancel_before_start_only(edition):
    _course, cohort = edition
    tutor = data.tutor(cohort)
    learner = data.learner(cohort)
    upcoming = session(cohort, hours_from_now=24)
    past = session(cohort, hours_from_now=-5)
    with pytest.raises(service.SessionError):
        service.cancel_session(session=past, by=tutor)
    service.cancel_session(session=upcoming, by=tutor)
    assert list(LiveSession.objects.all()) == [past]
    assert Notification.objects.filter(
        user=learner.user, title__startswith="Sesión cancelada"
    ).exists()


# ------------------------------------------------------------------ attendance
def test_record_attendance_saves_all_rows_and_twice_changes_nothing(edition):
    _course, cohort = edition
    tutor = data.tutor(cohort)
    learners = [data.learner(cohort) for _ in range(3)]
    past = session(cohort)
    statuses = {learners[0].pk: P, learners[1].pk: A, str(learners[2].pk): J}
    assert (
        service.record_attendance(session=past, recorded_by=tutor, statuses=statuses)
        == 3
    )
    assert (
        service.record_attendance(session=past, recorded_by=tutor, statuses=statuses)
        == 0
    )
    assert (
        service.record_attendance(
            session=past, recorded_by=tutor, statuses={learners[1].pk: P}
        )
        == 1
    )
    stored = dict(Attendance.objects.values_list("enrollment_id", "status"))
    assert stored == {learners[0].pk: P, learners[1].pk: P, learners[2].pk: J}


def test_ids_outside_the_roster_refuse_the_whole_post(edition):
    _course, cohort = edition
    west = data.tutor(cohort, departments=[data.TOTONICAPAN])
    mine = data.learner(cohort, code=data.TOTONICAPAN)
    not_mine = data.learner(cohort, code=data.GUATEMALA)
    _other_course, other_cohort = data.edition(title="Otra edición")
    elsewhere = data.learner(other_cohort, code=data.TOTONICAPAN)
    past = session(cohort)
    for outsider in (not_mine, elsewhere):
        with pytest.raises(service.SessionError, match="no se guardó nada"):
            service.record_attendance(
                session=past,
                recorded_by=west,
                statuses={mine.pk: P, outsider.pk: P},
            )
    for bad in ({mine.pk: "tarde"}, {"x": P}, {}):
        with pytest.raises(service.SessionError):
            service.record_attendance(session=past, recorded_by=west, statuses=bad)
    assert not Attendance.objects.exists()
    # A department session: only that department's learners are on the roster.
    toto_session = session(cohort, department=municipality(data.TOTONICAPAN).department)
    coordinator = UserFactory(coordinator=True)
    with pytest.raises(service.SessionError):
        service.record_attendance(
            session=toto_session, recorded_by=coordinator, statuses={not_mine.pk: P}
        )


def test_attendance_is_not_taken_before_the_session_starts(edition):
    _course, cohort = edition
    tutor = data.tutor(cohort)
    learner = data.learner(cohort)
    with pytest.raises(service.SessionError):
        service.record_attendance(
            session=session(cohort, hours_from_now=2),
            recorded_by=tutor,
            statuses={learner.pk: P},
        )


def _queries_to_record(cohort, tutor, n):
    tutor = type(tutor).objects.get(pk=tutor.pk)  # no cached permissions
    learners = [data.learner(cohort) for _ in range(n)]
    past = session(cohort)
    statuses = {e.pk: (P, A, J)[i % 3] for i, e in enumerate(learners)}
    with CaptureQueriesContext(connection) as queries:
        service.record_attendance(session=past, recorded_by=tutor, statuses=statuses)
    with CaptureQueriesContext(connection) as again:
        service.record_attendance(
            session=past,
            recorded_by=tutor,
            statuses={e.pk: P for e in learners},
        )
    return len(queries), len(again)


def test_recording_is_flat_in_roster_size(edition):
    _course, cohort = edition
    tutor = data.tutor(cohort)
    assert _queries_to_record(cohort, tutor, 3) == _queries_to_record(cohort, tutor, 30)


# ------------------------------------------------------------------ arithmetic
TABLE = [
    # statuses of the learner's counted sessions → percent
    ([], None),
    ([J, J], None),
    ([P], Decimal("100.00")),
    ([A], Decimal("0.00")),
    ([P, A], Decimal("50.00")),
    ([P, A, J], Decimal("50.00")),  # excused: out of the count
    ([P, P, A], Decimal("66.67")),
    ([P, P, P, J], Decimal("100.00")),
]


@pytest.mark.parametrize(("statuses", "expected"), TABLE)
def test_attendance_table(edition, statuses, expected):
    _course, cohort = edition
    coordinator = UserFactory(coordinator=True)
    learner = data.learner(cohort)
    for index, status in enumerate(statuses):
        service.record_attendance(
            session=session(cohort, hours_from_now=-3 - index),
            recorded_by=coordinator,
            statuses={learner.pk: status},
        )
    assert service.attendance_percent(enrollments=[learner]) == {learner.pk: expected}


def test_what_does_not_count(edition):
    """Sessions not ended, not counting, of another department or another
    edition, and sessions without a record, stay out."""
    _course, cohort = edition
    coordinator = UserFactory(coordinator=True)
    learner = data.learner(cohort, code=data.GUATEMALA)
    other_dept = data.learner(cohort, code=data.TOTONICAPAN)
    counted = session(cohort)
    service.record_attendance(
        session=counted, recorded_by=coordinator, statuses={learner.pk: P}
    )
    running = session(cohort, hours_from_now=-0.5, minutes=120)
    optional = session(cohort, counts_for_attendance=False)
    for extra in (running, optional):
        service.record_attendance(
            session=extra, recorded_by=coordinator, statuses={learner.pk: A}
        )
    session(cohort)  # ended, nobody recorded
    toto = session(cohort, department=municipality(data.TOTONICAPAN).department)
    service.record_attendance(
        session=toto, recorded_by=coordinator, statuses={other_dept.pk: A}
    )
    result = service.attendance_percent(enrollments=[learner, other_dept.pk])
    assert result == {learner.pk: Decimal("100.00"), other_dept.pk: Decimal("0.00")}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from([P, A, J]), max_size=6))
def test_attendance_property(edition, statuses):
    """Always present ÷ (present + absent), between 0 and 100."""
    _course, cohort = edition
    Attendance.objects.all().delete()
    LiveSession.objects.all().delete()
    learner = data.learner(cohort)
    for index, status in enumerate(statuses):
        row = session(cohort, hours_from_now=-3 - index)
        Attendance.objects.create(session=row, enrollment=learner, status=status)
    percent = service.attendance_percent(enrollments=[learner.pk])[learner.pk]
    present, absent = statuses.count(P), statuses.count(A)
    if present + absent == 0:
        assert percent is None
    else:
        assert percent == (Decimal(present) * 100 / (present + absent)).quantize(
            Decimal("0.01")
        )
        assert 0 <= percent <= 100


def test_arithmetic_in_a_fixed_number_of_queries(edition):
    _course, cohort = edition
    coordinator = UserFactory(coordinator=True)

    def queries(n):
        learners = [data.learner(cohort) for _ in range(n)]
        for _ in range(2):
            service.record_attendance(
                session=session(cohort),
                recorded_by=coordinator,
                statuses={e.pk: P for e in learners},
            )
        with CaptureQueriesContext(connection) as captured:
            service.attendance_percent(enrollments=learners)
        return len(captured)

    assert queries(3) == queries(30) == 3


def test_a_session_with_attendance_keeps_its_date_and_people(edition):
    """Added by the lead: moving a session whose attendance was taken would
    change what that attendance counts for; the topic can still be corrected."""
    _course, cohort = edition
    tutor = data.tutor(cohort)
    present = data.learner(cohort)
    past = session(cohort)
    service.record_attendance(session=past, recorded_by=tutor, statuses={present.pk: P})
    with pytest.raises(service.SessionError, match="asistencia registrada"):
        service.save_session(
            cohort=cohort,
            by=tutor,
            session=past,
            starts_at=past.starts_at + timedelta(days=7),
            ends_at=past.ends_at + timedelta(days=7),
        )
    past.refresh_from_db()
    fixed = service.save_session(
        cohort=cohort, by=tutor, session=past, topic="Tema corregido"
    )
    assert fixed.topic == "Tema corregido"
    assert LiveSession.objects.get(pk=past.pk).starts_at == past.starts_at
