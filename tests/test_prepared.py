"""lms.prepared.PreparedQuery: the compiled-once query gives exactly what the
queryset gives (instances, select_related, annotations, prefetches, dates),
for any values, and stops compiling after the first call."""

import datetime
import uuid
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext

from cursos.models import Enrollment, RequiredTraining, TrainingReminder
from cursos.selectors import (
    _current_assignments,
    _current_assignments_query,
    _current_enrollment,
    enrollment_for,
)
from cursos.services.enrollment import enroll
from lms.accounts.models import STAFF_GROUP
from lms.prepared import PreparedQuery
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 2)


def compiles(action) -> int:
    """How many times the ORM compiles a SELECT while ``action`` runs."""
    original = SQLCompiler.as_sql
    with mock.patch.object(
        SQLCompiler, "as_sql", autospec=True, side_effect=original
    ) as spy:
        action()
    return spy.call_count


def test_enrollment_lookup_matches_the_orm_for_every_user_and_course():
    courses = [build_course(title=f"Curso {n}", modules=1, lessons=1) for n in range(2)]
    users = [UserFactory() for _ in range(3)]
    enroll(user=users[0], course=courses[0])
    enroll(user=users[1], course=courses[1])
    enroll(user=users[2], course=courses[0])
    enroll(user=users[2], course=courses[1])
    for user in users:
        for course in courses:
            expected = list(
                Enrollment.objects.filter(user=user, course=course).order_by(
                    "-enrolled_at", "-pk"
                )[:1]
            )
            assert _current_enrollment(user.pk, course.pk) == expected
            found = enrollment_for(user=user, course=course)
            assert found == (expected[0] if expected else None)


def test_select_related_is_filled_and_later_calls_do_not_compile():
    course = build_course(modules=1, lessons=1)
    user = UserFactory()
    enroll(user=user, course=course)
    _current_enrollment(user.pk, course.pk)  # compiled here (or earlier)
    found = []
    assert compiles(lambda: found.extend(_current_enrollment(user.pk, course.pk))) == 0
    with CaptureQueriesContext(connection) as queries:
        assert found[0].cohort is None  # loaded with the row, no query
        assert found[0].user_id == user.pk
    assert len(queries) == 0


def staff_with_assignment(course, due_on):
    group = Group.objects.get(name=STAFF_GROUP)
    RequiredTraining.objects.get_or_create(
        course=course, group=group, defaults={"due_rule": "fecha", "due_on": due_on}
    )
    return UserFactory(groups_by_name=(STAFF_GROUP,), institution_type="infom")


@pytest.mark.parametrize(
    "today",
    [DAY - datetime.timedelta(days=1), DAY, DAY + datetime.timedelta(days=1)],
)
def test_dates_reach_the_sql_as_the_orm_sends_them(today):
    """The status is overdue only once the due date has passed: the date sent
    in place of the sentinel is compared as the ORM compares it."""
    course = build_course(modules=1, lessons=1, audience="infom")
    person = staff_with_assignment(course, DAY)
    expected = list(_current_assignments_query(person.pk, today))
    got = _current_assignments(person.pk, today)
    assert [(a.pk, a.status, a.rank) for a in got] == [
        (a.pk, a.status, a.rank) for a in expected
    ]
    assert got, "the person has an assignment"
    assert got[0].status == ("vencida" if today > DAY else "pendiente")
    assert got[0].course.pk == course.pk


def test_prefetches_run_on_the_prepared_rows():
    course = build_course(modules=1, lessons=1, audience="infom")
    person = staff_with_assignment(course, DAY)
    [assignment] = _current_assignments(person.pk, DAY)
    TrainingReminder.objects.create(
        assignment=assignment,
        kind="siete-dias",
        due_on=DAY,
        run=uuid.uuid4(),
        sent_at=datetime.datetime(2026, 10, 26, tzinfo=datetime.UTC),
    )
    [again] = _current_assignments(person.pk, DAY)
    with CaptureQueriesContext(connection) as queries:
        assert [r.kind for r in again.reminders.all()] == ["siete-dias"]
    assert len(queries) == 0  # fetched with the rows


def test_a_value_that_does_not_reach_the_sql_is_refused():
    dropped = PreparedQuery(
        lambda user_id, course_id: Enrollment.objects.filter(user_id=user_id),
        PreparedQuery.INT,
        PreparedQuery.INT,
    )
    with pytest.raises(ValueError, match=r"\[1\]"):
        dropped(1, 2)


def test_the_number_of_values_is_checked():
    with pytest.raises(TypeError):
        _current_enrollment(1)
