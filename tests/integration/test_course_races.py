"""Races on PostgreSQL with real threads: one row, whatever arrives first."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections
from django.utils import timezone

from cursos.models import Enrollment, LessonCompletion
from cursos.services.enrollment import EnrollmentError, enroll
from cursos.services.progress import complete_lesson, course_completed
from tests.factories import UserFactory, build_course, course_lessons

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
THREADS = 8


def run_concurrently(target, count=THREADS):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker(index):
        try:
            barrier.wait(timeout=10)
            results.append(target(index))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_concurrent_enrollments_of_one_person_make_one_row(postgresql):
    course = build_course()
    person = UserFactory()
    results, errors = run_concurrently(lambda _: enroll(user=person, course=course))
    assert errors == []
    assert Enrollment.objects.filter(user=person, course=course).count() == 1
    assert len({enrollment.pk for enrollment in results}) == 1


def test_concurrent_completions_make_one_row_and_one_signal(postgresql):
    course = build_course(modules=1, lessons=1)
    enrollment = enroll(user=UserFactory(), course=course)
    lesson = course_lessons(course)[0]
    received = []

    def receiver(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    course_completed.connect(receiver)
    try:
        results, errors = run_concurrently(
            lambda _: complete_lesson(
                enrollment=Enrollment.objects.get(pk=enrollment.pk), lesson=lesson
            )
        )
    finally:
        course_completed.disconnect(receiver)
    assert errors == []
    assert LessonCompletion.objects.filter(enrollment=enrollment).count() == 1
    assert received == [enrollment.pk]


def test_the_last_seat_goes_to_one_person(postgresql):
    now = timezone.now()
    course = build_course(
        cohorts=[
            {
                "name": "Edición con cupo",
                "enrollment_opens": now - timedelta(days=1),
                "enrollment_closes": now + timedelta(days=10),
                "starts_on": timezone.localdate(now),
                "capacity": 1,
            }
        ]
    )
    people = [UserFactory() for _ in range(THREADS)]
    results, errors = run_concurrently(lambda i: enroll(user=people[i], course=course))
    assert Enrollment.objects.filter(course=course).count() == 1
    assert len(results) == 1
    assert len(errors) == THREADS - 1
    assert all(isinstance(error, EnrollmentError) for error in errors)
