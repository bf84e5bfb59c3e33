"""Migration 0017 (renewal) relaxes "one enrollment per course without
editions" to "one current one" and "one current assignment" to exclude renewed
ones; going back and forth keeps every row, and completions of a course that
already sets a validity get their ``valid_until``."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from cursos.models import CoursePage, Enrollment
from cursos.services.enrollment import enroll
from tests.factories import UserFactory, build_course

BEFORE = ("cursos", "0016_validity_renewal")


def _rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, user_id, course_id, cohort_id, status, completed_at "
            "FROM cursos_enrollment ORDER BY id"
        )
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_renewal_migration_keeps_rows_and_fills_valid_until():
    course = build_course(modules=1, lessons=1)
    CoursePage.objects.filter(pk=course.pk).update(validity_months=12)
    users = [UserFactory() for _ in range(3)]
    completed_at = datetime.datetime(
        2026, 1, 31, 10, tzinfo=timezone.get_current_timezone()
    )
    for user in users:
        enroll(user=user, course=course)
    Enrollment.objects.filter(user=users[0]).update(
        completed_at=completed_at, status="completada"
    )
    before = _rows()
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("cursos")
    try:
        executor.migrate([BEFORE])
        assert _rows() == before
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(latest)
    finally:
        call_command("migrate", verbosity=0)
    assert _rows() == before
    done = Enrollment.objects.get(user=users[0])
    assert done.valid_until == datetime.date(2027, 1, 31)
    assert Enrollment.objects.filter(valid_until__isnull=True).count() == 2
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "cursos_enrollment"
        )
    assert "one_current_enrollment_per_course_without_editions" in constraints
    assert "one_enrollment_per_course_without_editions" not in constraints
