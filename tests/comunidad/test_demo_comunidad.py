"""The demo shows an edition's common life: announcements by the tutors, forum
questions answered by them, live sessions before and after today and the
attendance of the past ones; seeding twice changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comunidad.models import Announcement, Attendance, LiveSession, Post, Thread
from comunidad.services.sessions import attendance_percent
from cursos.models import CoursePage, Enrollment

pytestmark = pytest.mark.django_db

MODELS = (Announcement, Thread, Post, LiveSession, Attendance)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def seeded(demo_site):
    """The diploma of the demo, seeded once for the module (tests/conftest.py)."""
    return CoursePage.objects.get(slug="diplomado-gestion-municipal-transparencia")


def test_seeding_twice_gives_the_same_rows(seeded):
    first = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == first
    assert first["Announcement"] == 2
    assert 3 <= first["Thread"] <= 4


def test_the_open_edition_has_its_life(seeded):
    cohort = seeded.cohorts.first()
    assert cohort.name.startswith("Primera edición")
    authors = set(
        Announcement.objects.filter(cohort=cohort).values_list(
            "author__email", flat=True
        )
    )
    assert authors == {"tutora@infom.gob.gt", "tutor@infom.gob.gt"}
    threads = Thread.objects.filter(cohort=cohort)
    assert threads.filter(resolved_at__isnull=False).exists()
    assert Post.objects.filter(thread__cohort=cohort, by_tutor=True).count() >= 3
    for thread in threads:
        assert thread.posts_count == thread.posts.count() > 0
    # Every tutor answer cites the decree it relies on.
    answers = Post.objects.filter(thread__cohort=cohort, by_tutor=True)
    assert all("Decreto 57-2008" in post.body for post in answers)


def test_sessions_past_and_upcoming_with_attendance(seeded):
    cohort = seeded.cohorts.first()
    now = timezone.now()
    sessions = LiveSession.objects.filter(cohort=cohort)
    assert sessions.filter(ends_at__lte=now).exists()
    assert sessions.filter(starts_at__gt=now).exists()
    in_person = sessions.filter(mode="presencial")
    assert in_person and all(s.place == "Sede por confirmar" for s in in_person)
    assert all(s.department_id for s in in_person)
    assert all(s.link for s in sessions.filter(mode="virtual"))
    past = sessions.filter(ends_at__lte=now)
    assert Attendance.objects.filter(session__in=past).exists()
    assert not Attendance.objects.filter(session__starts_at__gt=now).exists()
    # Department sessions only record that department's learners.
    for row in Attendance.objects.filter(session__department__isnull=False):
        assert row.enrollment.user.department_id == row.session.department_id
    percents = attendance_percent(enrollments=Enrollment.objects.filter(cohort=cohort))
    assert any(p == 100 for p in percents.values())
    assert any(p is not None and p < 100 for p in percents.values())
