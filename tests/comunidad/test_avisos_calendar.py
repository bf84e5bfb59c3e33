"""The personal calendar: the page, the private .ics (parsed with icalendar),
its secret address (another's, unknown and revoked: 404), query budgets."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comunidad.models import CalendarFeed, LiveSession
from comunidad.services.calendar import events_for, feed_for
from cursos.models import RequiredTraining, TrainingAssignment
from lms.accounts.models import STAFF_GROUP
from tests.cursos.assignments_support import (
    add_assignment,
    edition_course,
    enrolled,
    tutor_of,
)
from tests.factories import UserFactory, municipality
from tests.forms import post_form

pytestmark = pytest.mark.django_db
GUATEMALA = ZoneInfo("America/Guatemala")


def at(days, hour=10):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), GUATEMALA)


def session(cohort, topic, *, days=3, department=None, **fields):
    return LiveSession.objects.create(
        cohort=cohort,
        topic=topic,
        starts_at=at(days),
        ends_at=at(days, 12),
        department=department,
        link="https://reunion.example/sala",
        **fields,
    )


@pytest.fixture
def edition():
    course, cohort = edition_course(title="Diplomado Gestión Municipal")
    learner = UserFactory(full_name="Ana Tzul")
    enrollment = enrolled(course, cohort, user=learner)
    return course, cohort, learner, enrollment


def test_events_cover_sessions_assignments_end_and_required_training(edition):
    course, cohort, learner, enrollment = edition
    other_dept = municipality("0101").department  # Guatemala, not the learner's
    assert other_dept != learner.department
    session(cohort, "Para todas las personas")
    session(cohort, "Para su departamento", department=learner.department)
    session(cohort, "Para otro departamento", department=other_dept)
    add_assignment(course, title="Diagnóstico", due_days_after_start=20)
    add_assignment(course, title="Sin fecha", slug="sin-fecha")
    requirement = RequiredTraining.objects.create(
        course=course,
        group=Group.objects.get(name=STAFF_GROUP),
        due_rule="dias",
        due_days=30,
    )
    TrainingAssignment.objects.create(
        requirement=requirement,
        user=learner,
        course=course,
        assigned_on=timezone.localdate(),
        due_on=timezone.localdate() + datetime.timedelta(days=15),
    )
    now = timezone.now()
    events = events_for(learner, since=now, until=now + datetime.timedelta(days=120))
    titles = [e.title for e in events]
    assert "Sesión en vivo: Para todas las personas" in titles
    assert "Sesión en vivo: Para su departamento" in titles
    assert not any("otro departamento" in t for t in titles)
    assert "Entrega de la tarea «Diagnóstico»" in titles
    assert not any("Sin fecha" in t for t in titles)
    assert any(t.startswith("Termina la edición") for t in titles)
    assert any("capacitación obligatoria" in t for t in titles)
    assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)


def test_tutor_sees_the_sessions_of_their_edition(edition):
    _course, cohort, _learner, _enrollment = edition
    tutor = tutor_of(cohort)
    session(cohort, "Tutoría grupal")
    now = timezone.now()
    titles = [
        e.title
        for e in events_for(tutor, since=now, until=now + datetime.timedelta(days=90))
    ]
    assert "Sesión en vivo: Tutoría grupal" in titles
    stranger = UserFactory()
    assert (
        events_for(stranger, since=now, until=now + datetime.timedelta(days=90)) == []
    )


def test_page_lists_by_month_and_shows_the_private_address(client, edition):
    _course, cohort, learner, _enrollment = edition
    session(cohort, "<script>alert(1)</script>")
    client.force_login(learner)
    response = client.get("/calendario/")
    html = response.content.decode()
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(user=learner)
    assert f"/calendario/{feed.token}.ics" in html
    assert "webcal://" in html
    assert "Cambiar la dirección secreta" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<h2" in html


def test_page_needs_login(client):
    response = client.get("/calendario/")
    assert response.status_code == 302 and "/cuentas/login/" in response["Location"]


def _ics(client, token):
    response = client.get(f"/calendario/{token}.ics")
    assert response.status_code == 200, response.status_code
    return response, icalendar.Calendar.from_ical(response.content)


def test_ics_is_a_calendar_with_stable_uids_and_guatemala_time(client, edition):
    course, cohort, learner, _enrollment = edition
    live = session(
        cohort, "Sesión de apertura", place="Salón municipal", mode="presencial"
    )
    add_assignment(course, title="Plan", due_days_after_start=20)
    token = feed_for(learner).token
    response, calendar = _ics(client, token)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    uid = f"sesion-{live.pk}@infom-aprendizaje"
    assert uid in events
    entry = events[uid]
    assert str(entry["summary"]) == "Sesión en vivo: Sesión de apertura"
    assert str(entry["location"]) == "Salón municipal"
    start = entry.decoded("dtstart")
    assert start == live.starts_at
    assert entry["dtstart"].params["TZID"] == "America/Guatemala"
    assert calendar.walk("VTIMEZONE")
    assert any("Plan" in str(e["summary"]) for e in events.values())
    _, again = _ics(client, token)
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == set(events)


def test_ics_of_unknown_other_or_revoked_token_is_404(client, edition):
    _course, cohort, learner, _enrollment = edition
    session(cohort, "Privada")
    assert client.get("/calendario/no-existe.ics").status_code == 404
    other = UserFactory()
    other_token = feed_for(other).token
    _, theirs = _ics(client, other_token)
    assert not theirs.walk("VEVENT")  # someone else's address: only their events
    old = feed_for(learner).token
    client.force_login(learner)
    response = post_form(client, "/calendario/", {})
    assert response.status_code == 302
    new = CalendarFeed.objects.get(user=learner).token
    assert new != old
    client.logout()
    assert client.get(f"/calendario/{old}.ics").status_code == 404
    _ics(client, new)


def test_inactive_person_feed_is_404(client, edition):
    _course, _cohort, learner, _enrollment = edition
    token = feed_for(learner).token
    type(learner).objects.filter(pk=learner.pk).update(is_active=False)
    assert client.get(f"/calendario/{token}.ics").status_code == 404


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _grow(course, cohort, learner, n):
    for i in range(n):
        session(cohort, f"Sesión {i}", days=2 + i)
        add_assignment(
            course, title=f"Tarea {i}", slug=f"tarea-x-{n}-{i}", due_days_after_start=15
        )
    other_course, other_cohort = edition_course(title=f"Otro curso {n}")
    enrolled(other_course, other_cohort, user=learner)
    session(other_cohort, f"Otra edición {n}")


def test_query_counts_are_flat_for_page_and_ics(client, edition):
    course, cohort, learner, _enrollment = edition
    token = feed_for(learner).token
    _grow(course, cohort, learner, 1)
    small_ics = _count(client, f"/calendario/{token}.ics")
    client.force_login(learner)
    small_page = _count(client, "/calendario/")
    client.logout()
    _grow(course, cohort, learner, 8)
    large_ics = _count(client, f"/calendario/{token}.ics")
    client.force_login(learner)
    large_page = _count(client, "/calendario/")
    assert small_ics == large_ics
    assert small_page == large_page
    assert large_ics <= 8
