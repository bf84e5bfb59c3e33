"""Live sessions of an edition and their attendance.

Writes (``save_session``, ``cancel_session``, ``record_attendance``) check the
permission themselves (tutors of the edition and coordinators:
``comunidad.access.may_moderate``) and raise ``SessionError`` with a Spanish
message, changing nothing, on bad input. Reads (``sessions_for``,
``session_roster``, ``attendance_percent``, ``learner_attendance``) run in a
fixed number of queries whatever the number of sessions and learners.

Times are stored in UTC and entered and shown in Guatemala's time
(``settings.TIME_ZONE`` = "America/Guatemala", the current time zone).

How attendance is counted (``attendance_percent``): only sessions that count
for attendance, have already ended and apply to the learner (sessions for the
whole edition and those for the learner's department). Of those, a session
counts once the learner's attendance has been recorded: "presente" is attended,
"ausente" is not, and "justificada" (an excused absence) leaves the session out
of the count altogether, neither for nor against. A session with no record
for the learner yet is not counted either. The percentage is attended ÷
counted × 100 (two decimals); ``None`` when no session counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from comunidad.access import may_moderate
from comunidad.models import Attendance, LiveSession, Notification
from comunidad.services.notifications import notify
from cursos.editions import is_coordinator, tutored_enrollments
from cursos.models import Cohort, Enrollment

Status = Attendance.Status
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


# A roster field names an enrollment by its id: ASCII digits only.
ASCII_ID = re.compile(r"[0-9]{1,18}")


class SessionError(Exception):
    """Bad input or no permission: ``message`` is for the person, in Spanish."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


# ------------------------------------------------------------------ reads
def applies_to(department_id: int | None) -> Q:
    """Sessions for a learner of ``department_id``: the edition's sessions for
    everyone and those of that department."""
    if department_id is None:
        return Q(department__isnull=True)
    return Q(department__isnull=True) | Q(department_id=department_id)


def sessions_for(*, cohort: Cohort, user, enrollment: Enrollment | None):
    """The sessions of ``cohort`` that ``user`` sees, in time order (one
    query): a learner (``enrollment``) those for everyone and for their
    department; the edition's tutors and coordinators all of them."""
    sessions = LiveSession.objects.filter(cohort=cohort).select_related("department")
    if enrollment is not None and not may_moderate(user, cohort):
        sessions = sessions.filter(applies_to(enrollment.user.department_id))
    return list(sessions.order_by("starts_at", "pk"))


def upcoming_sessions(
    *, cohort_id: int, department_id: int | None, limit: int = 3, now=None
) -> list[LiveSession]:
    """The next sessions (not ended yet) of an edition for a learner of
    ``department_id`` (one query), for the course page's box."""
    now = now or timezone.now()
    return list(
        LiveSession.objects.filter(cohort_id=cohort_id, ends_at__gt=now)
        .filter(applies_to(department_id))
        .order_by("starts_at", "pk")[:limit]
    )


def session_roster(*, session: LiveSession, user) -> QuerySet[Enrollment]:
    """Whose attendance ``user`` takes at ``session``: the edition's learners
    (of the session's department, when it has one); a tutor only the learners
    they follow (``cursos.editions.tutored_enrollments``), a coordinator all."""
    enrollments = Enrollment.objects.filter(cohort_id=session.cohort_id)
    if session.department_id is not None:
        enrollments = enrollments.filter(user__department_id=session.department_id)
    if not is_coordinator(user):
        enrollments = enrollments.filter(pk__in=tutored_enrollments(user).values("pk"))
    return enrollments


def attendance_percent(
    *, enrollments: Iterable[Enrollment | int], now=None
) -> dict[int, Decimal | None]:
    """Each enrollment's attendance percentage (see the module docstring for
    what counts), in three queries for any number of enrollments and sessions.
    ``enrollments``: Enrollment objects or ids."""
    ids = [e if isinstance(e, int) else e.pk for e in enrollments]
    if not ids:
        return {}
    now = now or timezone.now()
    rows = list(
        Enrollment.objects.filter(pk__in=ids).values_list(
            "pk", "cohort_id", "user__department_id"
        )
    )
    cohort_ids = {cohort_id for _pk, cohort_id, _d in rows if cohort_id is not None}
    sessions: dict[int, tuple[int, int | None]] = {
        pk: (cohort_id, department_id)
        for pk, cohort_id, department_id in LiveSession.objects.filter(
            cohort_id__in=cohort_ids, counts_for_attendance=True, ends_at__lte=now
        ).values_list("pk", "cohort_id", "department_id")
    }
    statuses: dict[int, list[tuple[int, str]]] = {}
    if sessions:
        for enrollment_id, session_id, status in Attendance.objects.filter(
            enrollment_id__in=ids, session_id__in=list(sessions)
        ).values_list("enrollment_id", "session_id", "status"):
            statuses.setdefault(enrollment_id, []).append((session_id, status))
    result: dict[int, Decimal | None] = {}
    for pk, cohort_id, department_id in rows:
        attended = counted = 0
        for session_id, status in statuses.get(pk, []):
            session_cohort, session_department = sessions[session_id]
            if session_cohort != cohort_id or session_department not in (
                None,
                department_id,
            ):
                continue
            if status == Status.EXCUSED:
                continue
            counted += 1
            attended += status == Status.PRESENT
        result[pk] = (
            (Decimal(attended) * HUNDRED / counted).quantize(
                CENT, rounding=ROUND_HALF_UP
            )
            if counted
            else None
        )
    for pk in ids:
        result.setdefault(pk, None)
    return result


@dataclass
class AttendanceLine:
    session: LiveSession
    status: str  # "" when not recorded

    @property
    def status_label(self) -> str:
        if not self.status:
            return _("Sin registrar")
        return str(Status(self.status).label)


def learner_attendance(
    *, enrollment: Enrollment, sessions: list[LiveSession], now=None
) -> tuple[list[AttendanceLine], Decimal | None]:
    """The learner's record for the ended ``sessions`` that count, and their
    percentage (four queries)."""
    now = now or timezone.now()
    ended = [s for s in sessions if s.counts_for_attendance and s.ends_at <= now]
    recorded = dict(
        Attendance.objects.filter(
            enrollment=enrollment, session__in=[s.pk for s in ended]
        ).values_list("session_id", "status")
    )
    lines = [AttendanceLine(session=s, status=recorded.get(s.pk, "")) for s in ended]
    percent = attendance_percent(enrollments=[enrollment.pk], now=now)[enrollment.pk]
    return lines, percent


# ------------------------------------------------------------------ writes
def _check_moderator(user, cohort: Cohort) -> None:
    if not may_moderate(user, cohort):
        raise SessionError(
            _("Solo la tutoría de la edición y la coordinación gestionan sesiones.")
        )


def _learners_of(session: LiveSession) -> QuerySet:
    from lms.accounts.models import User

    enrollments = Enrollment.objects.filter(cohort_id=session.cohort_id)
    if session.department_id is not None:
        enrollments = enrollments.filter(user__department_id=session.department_id)
    return User.objects.filter(
        pk__in=enrollments.values("user_id"), is_active=True
    ).only("pk")


def when_text(session: LiveSession) -> str:
    """ "martes 3 de marzo de 2026, 09:00 a 11:00 (hora de Guatemala)"."""
    starts = timezone.localtime(session.starts_at)
    ends = timezone.localtime(session.ends_at)
    return _("%(dia)s, %(inicio)s a %(fin)s (hora de Guatemala)") % {
        "dia": formats.date_format(starts, "l j \\d\\e F \\d\\e Y"),
        "inicio": starts.strftime("%H:%M"),
        "fin": ends.strftime("%H:%M"),
    }


def list_url(cohort_id: int) -> str:
    return reverse("comunidad:sesion-lista", kwargs={"cohort_id": cohort_id})


def notify_new_session(session: LiveSession) -> None:
    """Tell the session's learners (one INSERT)."""
    notify(
        users=list(_learners_of(session)),
        kind=Notification.Kind.SESSION,
        title=_("Nueva sesión en vivo: %(tema)s") % {"tema": session.topic},
        body=when_text(session),
        url=list_url(session.cohort_id),
    )


def validate_session(session: LiveSession) -> None:
    if not session.topic.strip():
        raise SessionError(_("Escriba el tema de la sesión."), "topic")
    if session.ends_at <= session.starts_at:
        raise SessionError(_("La sesión debe terminar después de iniciar."), "end")
    if session.mode == LiveSession.Mode.VIRTUAL and not session.link:
        raise SessionError(
            _("Una sesión virtual necesita el enlace de la reunión."), "link"
        )
    if session.mode == LiveSession.Mode.IN_PERSON and not session.place.strip():
        raise SessionError(_("Una sesión presencial necesita el lugar."), "place")
    if session.mode not in LiveSession.Mode.values:
        raise SessionError(_("Elija la modalidad: virtual o presencial."), "mode")


SESSION_FIELDS = (
    "topic",
    "starts_at",
    "ends_at",
    "mode",
    "place",
    "link",
    "department",
    "counts_for_attendance",
)


@transaction.atomic
def save_session(
    *, cohort: Cohort, by, session: LiveSession | None = None, **fields
) -> LiveSession:
    """Create a session of ``cohort`` (``session`` None) or change one; the
    fields are ``SESSION_FIELDS`` (datetimes aware). A new session notifies its
    learners; a change notifies them only when the date, time or place moves."""
    _check_moderator(by, cohort)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    creating = session is None
    if creating:
        session = LiveSession(cohort=cohort)
    elif session.cohort_id != cohort.pk:
        raise SessionError(_("La sesión no es de esta edición."))
    before = (session.starts_at, session.ends_at, session.place, session.link)
    counted_as = (session.starts_at, session.ends_at, session.department_id)
    for name, value in fields.items():
        setattr(session, name, value)
    if (
        not creating
        and counted_as != (session.starts_at, session.ends_at, session.department_id)
        and session.attendance.exists()
    ):
        # Attendance already taken counts for this date and these people.
        raise SessionError(
            _(
                "Esta sesión ya tiene asistencia registrada: puede corregir el tema, "
                "el lugar o el enlace, pero no la fecha, la hora ni el departamento."
            )
        )
    session.topic = (session.topic or "").strip()
    session.place = (session.place or "").strip()
    if session.mode == LiveSession.Mode.VIRTUAL:
        session.place = ""
    else:
        session.link = ""
    validate_session(session)
    session.save()
    if creating:
        notify_new_session(session)
    elif before != (session.starts_at, session.ends_at, session.place, session.link):
        notify(
            users=list(_learners_of(session)),
            kind=Notification.Kind.SESSION,
            title=_("Sesión en vivo modificada: %(tema)s") % {"tema": session.topic},
            body=when_text(session),
            url=list_url(session.cohort_id),
        )
    return session


@transaction.atomic
def cancel_session(*, session: LiveSession, by) -> None:
    """Cancel (delete) a session that has not started and has no attendance,
    telling its learners."""
    _check_moderator(by, session.cohort)
    if session.starts_at <= timezone.now():
        raise SessionError(
            _("Una sesión que ya empezó no se cancela: registre la asistencia.")
        )
    if Attendance.objects.filter(session=session).exists():
        raise SessionError(_("La sesión ya tiene asistencia registrada."))
    users = list(_learners_of(session))
    title = _("Sesión cancelada: %(tema)s") % {"tema": session.topic}
    body = when_text(session)
    cohort_id = session.cohort_id
    session.delete()
    notify(
        users=users,
        kind=Notification.Kind.SESSION,
        title=title,
        body=body,
        url=list_url(cohort_id),
    )


def record_attendance(
    *, session: LiveSession, recorded_by, statuses: dict[int, str]
) -> int:
    """Save the status of every enrollment in ``statuses`` (id → "presente",
    "ausente" or "justificada") in one transaction: all rows or none. Ids
    outside the person's roster (``session_roster``) or unknown statuses are
    refused with a Spanish message. Recording the same statuses twice changes
    nothing. Returns how many rows were created or changed. A fixed number of
    queries whatever the roster size."""
    _check_moderator(recorded_by, session.cohort)
    if session.starts_at > timezone.now():
        raise SessionError(
            _("La asistencia se registra cuando la sesión ya ha empezado.")
        )
    if not statuses:
        raise SessionError(_("Marque la asistencia de al menos una persona."))
    cleaned: dict[int, str] = {}
    for key, status in statuses.items():
        if not isinstance(key, int) and not ASCII_ID.fullmatch(str(key)):
            # int() also takes " 5", "+5" and other scripts' digits ("٥").
            raise SessionError(_("La lista de asistencia no es válida."))
        enrollment_id = int(key)
        if status not in Status.values:
            raise SessionError(
                _("Elija presente, ausente o ausencia justificada para cada persona.")
            )
        cleaned[enrollment_id] = status
    allowed = set(
        session_roster(session=session, user=recorded_by)
        .filter(pk__in=list(cleaned))
        .values_list("pk", flat=True)
    )
    if set(cleaned) - allowed:
        raise SessionError(
            _(
                "Hay personas que no están en la lista de esta sesión; "
                "no se guardó nada."
            )
        )
    with transaction.atomic():
        existing = {
            row.enrollment_id: row
            for row in Attendance.objects.select_for_update().filter(
                session=session, enrollment_id__in=list(cleaned)
            )
        }
        changed = [
            row
            for enrollment_id, row in existing.items()
            if row.status != cleaned[enrollment_id]
        ]
        now = timezone.now()
        for row in changed:
            row.status = cleaned[row.enrollment_id]
            row.recorded_by = recorded_by
            row.recorded_at = now
        if changed:
            Attendance.objects.bulk_update(
                changed, ["status", "recorded_by", "recorded_at"]
            )
        new = [
            Attendance(
                session=session,
                enrollment_id=enrollment_id,
                status=status,
                recorded_by=recorded_by,
            )
            for enrollment_id, status in cleaned.items()
            if enrollment_id not in existing
        ]
        # A concurrent save of the same rows: the constraint keeps one each.
        Attendance.objects.bulk_create(new, ignore_conflicts=True)
    return len(changed) + len(new)
