"""Status-list positions on PostgreSQL with real threads: certificates issued at
the same moment that draw the same random position still end up with distinct
ones (the unique constraint and the savepoint retry in
``credential_status.allocate_status_index``)."""

import threading

import pytest

from certificados import credential_status
from certificados.models import Certificate
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import UserFactory, build_course, course_lessons
from tests.integration.test_course_races import run_concurrently

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COLLIDING = 777


def test_same_first_draw_in_every_thread_gives_distinct_positions(
    postgresql, monkeypatch
):
    course = build_course(modules=1, lessons=1, title="Curso de carreras")
    lesson = course_lessons(course)[0]
    for _ in range(6):
        complete_lesson(
            enrollment=enroll(user=UserFactory(), course=course), lesson=lesson
        )
    Certificate.objects.update(status_index=None)
    certificates = list(Certificate.objects.order_by("pk"))
    assert len(certificates) == 6

    seen = threading.local()
    real = credential_status.secrets.SystemRandom

    class FirstDrawCollides:
        """Every thread's first draw is the same position; later draws are real."""

        def randrange(self, stop):
            if not getattr(seen, "drawn", False):
                seen.drawn = True
                return COLLIDING
            return real().randrange(stop)

    monkeypatch.setattr(credential_status.secrets, "SystemRandom", FirstDrawCollides)
    results, errors = run_concurrently(
        lambda n: credential_status.allocate_status_index(certificates[n]), count=6
    )
    assert errors == []
    stored = list(Certificate.objects.values_list("status_index", flat=True))
    assert None not in stored and len(set(stored)) == 6
    assert stored.count(COLLIDING) == 1
    assert sorted(results) == sorted(stored)
