"""Migration 0012 replaced "one enrollment per course" by "one per edition":
the enrollments that existed before it are kept, row for row."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cursos.models import Cohort, Enrollment
from cursos.services.enrollment import enroll
from tests.factories import UserFactory, build_course

BEFORE = ("cursos", "0011_backfill_module_completions")


def _rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, user_id, course_id, cohort_id, status, completed_at "
            "FROM cursos_enrollment ORDER BY id"
        )
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_editions_migration_keeps_existing_enrollments():
    with_editions = build_course(
        modules=1,
        lessons=1,
        cohorts=[
            {
                "name": "Edición única",
                "enrollment_opens": "2020-01-01T08:00Z",
                "enrollment_closes": "2099-12-31T18:00Z",
                "starts_on": "2020-01-15",
            }
        ],
    )
    without = build_course(modules=1, lessons=1)
    users = [UserFactory() for _ in range(3)]
    for user in users:
        enroll(user=user, course=with_editions)
        enroll(user=user, course=without)
    before = _rows()
    assert len(before) == 6
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("cursos")
    # 0013's reverse deletes the group "Tutores" through the historical model,
    # which the project's signal handlers on Group do not accept: remove it
    # here (the forward migration creates it again).
    Group.objects.filter(name="Tutores").delete()
    try:
        executor.migrate([BEFORE])
        assert _rows() == before  # the old schema holds them (one per course)
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(latest)
    finally:
        call_command("migrate", verbosity=0)
    assert _rows() == before
    cohort = Cohort.objects.get(course=with_editions)
    assert Enrollment.objects.filter(cohort=cohort).count() == 3
    assert Enrollment.objects.filter(course=without, cohort=None).count() == 3
