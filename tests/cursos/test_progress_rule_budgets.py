"""The progress rule costs no query per item or module: learner pages stay within
their budgets with completed modules and new items, and the back-fill of module
completions records what learners had already finished."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cursos.models import LessonPage, ModuleCompletion, ModulePage
from cursos.selectors import progress_for
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import _publish, build_course, course_lessons

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    client.get(url)  # warm the caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_new_lessons(course):
    """One lesson published into every module after the learner's progress."""
    for module in ModulePage.objects.child_of(course):
        _publish(
            module,
            LessonPage(
                title="Agregada", slug="agregada", body=[("paragraph", "<p>x</p>")]
            ),
        )


def learner_page_queries(client, participant, modules, lessons):
    course = build_course(modules=modules, lessons=lessons, sequential=True)
    items = course_lessons(course)
    enrollment = enroll(user=participant, course=course)
    for lesson in items[: len(items) // 2]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    add_new_lessons(course)
    progress = progress_for(enrollment=enrollment, course=course)
    assert progress.new_ids  # the rule is at work in what is measured
    client.force_login(participant)
    return (
        count_queries(client, items[len(items) // 2].url),
        count_queries(client, course.url),
        count_queries(client, "/mi-aprendizaje/"),
    )


def test_learner_pages_flat_with_completed_modules_and_new_items(client, participant):
    small = learner_page_queries(client, participant, modules=2, lessons=5)
    large = learner_page_queries(client, participant, modules=10, lessons=10)
    assert small[:2] == large[:2]
    lesson, course_page, _dashboard = large
    assert lesson <= 10 and course_page <= 10, large


def test_dashboard_flat_with_new_items(client, participant):
    client.force_login(participant)
    course = build_course(modules=1, lessons=2)
    enrollment = enroll(user=participant, course=course)
    for lesson in course_lessons(course):
        complete_lesson(enrollment=enrollment, lesson=lesson)
    add_new_lessons(course)
    one = count_queries(client, "/mi-aprendizaje/")
    for _ in range(5):
        other = build_course(modules=2, lessons=2)
        enrollment = enroll(user=participant, course=other)
        for lesson in course_lessons(other)[:2]:
            complete_lesson(enrollment=enrollment, lesson=lesson)
        add_new_lessons(other)
    assert count_queries(client, "/mi-aprendizaje/") == one <= 10


def test_backfill_records_modules_already_finished(participant):
    course = build_course(modules=3, lessons=2)
    lessons = course_lessons(course)
    enrollment = enroll(user=participant, course=course)
    for lesson in lessons[:3]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    expected = {
        row.module_id: row.completed_at
        for row in ModuleCompletion.objects.filter(enrollment=enrollment)
    }
    ModuleCompletion.objects.all().delete()  # as before the migration

    migration = importlib.import_module(
        "cursos.migrations.0011_backfill_module_completions"
    )
    migration.backfill(apps, None)
    migration.backfill(apps, None)  # twice: nothing more

    rows = {
        row.module_id: row.completed_at
        for row in ModuleCompletion.objects.filter(enrollment=enrollment)
    }
    first = ModulePage.objects.child_of(course).order_by("path").first()
    assert list(rows) == list(expected) == [first.pk]
    # Dated when the module's last lesson was done.
    last = enrollment.completions.get(lesson=lessons[1])
    assert rows[first.pk] == last.completed_at
