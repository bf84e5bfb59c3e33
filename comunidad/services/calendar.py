"""A person's calendar: the live sessions of their editions, assignment due
dates, edition ends (the last day for quizzes, which have no closing date of
their own) and required-training due dates; shown on "Mi calendario" and
served as a private .ics subscription (``CalendarFeed``).

``events_for`` reads everything in a fixed number of queries, whatever the
number of editions, sessions or assignments.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Page

from comunidad.models import CalendarFeed, LiveSession, new_calendar_token
from cursos.models import AssignmentPage, EditionTutor, Enrollment, TrainingAssignment
from cursos.selectors_assignments import due_for

GUATEMALA = ZoneInfo("America/Guatemala")
PRODUCT_ID = "-//INFOM//Plataforma de Aprendizaje//ES"
UID_DOMAIN = "infom-aprendizaje"
# What the .ics carries: a month back (so a phone keeps recent history) and a
# year ahead.
FEED_PAST = datetime.timedelta(days=30)
FEED_FUTURE = datetime.timedelta(days=365)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    kind: str  # "sesion", "tarea", "fin-edicion", "capacitacion"
    title: str
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date | None = None
    location: str = ""
    url: str = ""
    description: str = ""

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime.datetime)

    @property
    def sort_key(self) -> datetime.datetime:
        if self.all_day:
            return datetime.datetime.combine(self.start, datetime.time(0), GUATEMALA)
        return self.start

    @property
    def local_start(self):
        if self.all_day:
            return self.start
        return timezone.localtime(self.start, GUATEMALA)

    @property
    def local_end(self):
        if self.end is None or not isinstance(self.end, datetime.datetime):
            return self.end
        return timezone.localtime(self.end, GUATEMALA)


def _uid(kind: str, *parts) -> str:
    return "-".join([kind, *(str(p) for p in parts)]) + f"@{UID_DOMAIN}"


def _in_range(moment, since, until) -> bool:
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time(12), GUATEMALA)
    return since <= moment <= until


def events_for(user, *, since, until) -> list[CalendarEvent]:
    """``user``'s events between ``since`` and ``until`` (aware datetimes),
    in order. Five queries: enrollments, tutor assignments (with their
    departments), sessions, assignments, required training."""
    if not user.is_authenticated:
        return []
    enrollments = list(
        Enrollment.objects.filter(user=user).select_related("cohort__course", "course")
    )
    edition_enrollments = [e for e in enrollments if e.cohort_id is not None]
    tutoring = list(
        EditionTutor.objects.filter(tutor=user)
        .select_related("cohort__course")
        .prefetch_related("departments")
    )
    events: list[CalendarEvent] = []

    # Live sessions: the learner's editions (their department's sessions and
    # those for everyone); the tutor's editions (the departments they attend).
    who = Q()
    learner_cohorts = [e.cohort_id for e in edition_enrollments]
    if learner_cohorts:
        who |= Q(cohort_id__in=learner_cohorts) & (
            Q(department__isnull=True) | Q(department_id=user.department_id)
        )
    for assignment in tutoring:
        departments = [d.pk for d in assignment.departments.all()]
        if departments:
            who |= Q(cohort_id=assignment.cohort_id) & (
                Q(department__isnull=True) | Q(department_id__in=departments)
            )
        else:
            who |= Q(cohort_id=assignment.cohort_id)
    if who:
        sessions = (
            LiveSession.objects.filter(who)
            .filter(ends_at__gte=since, starts_at__lte=until)
            .select_related("cohort__course")
            .order_by("starts_at", "pk")
        )
        for session in sessions:
            where = session.place if session.mode == "presencial" else session.link
            events.append(
                CalendarEvent(
                    uid=_uid("sesion", session.pk),
                    kind="sesion",
                    title=_("Sesión en vivo: %(tema)s") % {"tema": session.topic},
                    start=session.starts_at,
                    end=session.ends_at,
                    location=where or "",
                    url=session.link,
                    description=(
                        f"{session.cohort.course.title} · {session.cohort.name}"
                    ),
                )
            )

    # Assignment due dates, for the courses the person is enrolled in.
    if enrollments:
        by_course_path = {e.course.path: e for e in enrollments}
        paths = Q()
        for path in by_course_path:
            paths |= Q(path__startswith=path)
        assignments = (
            AssignmentPage.objects.live()
            .filter(paths)
            .filter(Q(due_at__isnull=False) | Q(due_days_after_start__isnull=False))
        )
        for assignment in assignments:
            course_path = assignment.path[: -2 * Page.steplen]
            enrollment = by_course_path.get(course_path)
            if enrollment is None:
                continue
            due = due_for(assignment=assignment, enrollment=enrollment)
            if due is None or not _in_range(due, since, until):
                continue
            events.append(
                CalendarEvent(
                    uid=_uid("tarea", assignment.pk, enrollment.pk),
                    kind="tarea",
                    title=_("Entrega de la tarea «%(tarea)s»")
                    % {"tarea": assignment.title},
                    start=due,
                    url=assignment.url or "",
                    description=enrollment.course.title,
                )
            )

    # Edition ends: the last day for the edition's quizzes and activities.
    cohorts = {e.cohort_id: e.cohort for e in edition_enrollments}
    for assignment in tutoring:
        cohorts.setdefault(assignment.cohort_id, assignment.cohort)
    for cohort in cohorts.values():
        if cohort.ends_on is None or not _in_range(cohort.ends_on, since, until):
            continue
        events.append(
            CalendarEvent(
                uid=_uid("fin-edicion", cohort.pk),
                kind="fin-edicion",
                title=_("Termina la edición «%(edicion)s» de %(curso)s")
                % {"edicion": cohort.name, "curso": cohort.course.title},
                start=cohort.ends_on,
                end=cohort.ends_on + datetime.timedelta(days=1),
                url=cohort.course.url or "",
                description=_(
                    "Último día para completar los cuestionarios y las actividades."
                ),
            )
        )

    # Required training (INFOM staff).
    training = (
        TrainingAssignment.objects.current()
        .filter(
            user=user,
            due_on__gte=timezone.localdate(since),
            due_on__lte=timezone.localdate(until),
        )
        .select_related("course")
    )
    for assignment in training:
        events.append(
            CalendarEvent(
                uid=_uid("capacitacion", assignment.pk),
                kind="capacitacion",
                title=_("Fecha límite de la capacitación obligatoria «%(curso)s»")
                % {"curso": assignment.course.title},
                start=assignment.due_on,
                end=assignment.due_on + datetime.timedelta(days=1),
                url=assignment.course.url or "",
            )
        )
    events.sort(key=lambda event: (event.sort_key, event.uid))
    return events


def feed_events(user, *, now=None) -> list[CalendarEvent]:
    now = now or timezone.now()
    return events_for(user, since=now - FEED_PAST, until=now + FEED_FUTURE)


def ics_for(user, *, site_url: str, now=None) -> bytes:
    """The person's events as an iCalendar (RFC 5545) file: times in
    Guatemala's zone (with its VTIMEZONE), one stable UID per event."""
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("INFOM Aprendizaje: mi calendario"))
    calendar.add("x-wr-timezone", "America/Guatemala")
    stamp = now.astimezone(datetime.UTC)
    for item in feed_events(user, now=now):
        entry = Event()
        entry.add("uid", item.uid)
        entry.add("dtstamp", stamp)
        entry.add("dtstart", item.local_start)
        if item.end is not None:
            entry.add("dtend", item.local_end)
        entry.add("summary", item.title)
        if item.location:
            entry.add("location", item.location)
        link = item.url
        if link.startswith("/"):
            link = site_url + link
        description = "\n\n".join(part for part in (item.description, link) if part)
        if description:
            entry.add("description", description)
        if link:
            entry.add("url", link)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


# ------------------------------------------------------------------ the feed
def feed_for(user) -> CalendarFeed:
    """``user``'s private subscription (made on first use; one row per person
    by the one-to-one constraint)."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def renew_feed(*, user) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(
            user=user
        )
        if not created:
            feed.token = new_calendar_token()
            feed.save(update_fields=["token", "created_at"])
    return feed


def feed_owner(token: str):
    """The active person whose subscription has this token, or None."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    return feed.user if feed else None
