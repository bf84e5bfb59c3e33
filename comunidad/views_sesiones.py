"""Live sessions of an edition: the list (learners, tutors, coordinators), the
session form and the attendance roster (tutors of the edition, coordinators).

Every id is looked up inside what the person may read or moderate; anything
else is a 404. Writes go through ``comunidad.services.sessions``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from comunidad.access import learner_enrollment, moderated_cohorts, readable_cohorts
from comunidad.forms_sesiones import SessionForm
from comunidad.models import Attendance, LiveSession
from comunidad.services import sessions as service
from comunidad.services.sessions import ASCII_ID


def _readable(request, cohort_id):
    return get_object_or_404(
        readable_cohorts(request.user).select_related("course"), pk=cohort_id
    )


def _moderated(request, cohort_id):
    return get_object_or_404(
        moderated_cohorts(request.user).select_related("course"), pk=cohort_id
    )


@login_required
def session_list_view(request, cohort_id: int):
    cohort = _readable(request, cohort_id)
    enrollment = learner_enrollment(request.user, cohort)
    moderator = moderated_cohorts(request.user).filter(pk=cohort.pk).exists()
    sessions = service.sessions_for(
        cohort=cohort, user=request.user, enrollment=None if moderator else enrollment
    )
    now = timezone.now()
    context = {
        "cohort": cohort,
        "course": cohort.course,
        "moderator": moderator,
        "upcoming": [s for s in sessions if s.ends_at > now],
        "past": [s for s in sessions if s.ends_at <= now][::-1],
        # Place and link: only the edition's learners, tutors and coordinators
        # (everyone who reaches this page is one of them).
        "show_access": moderator or enrollment is not None,
        "now": now,
    }
    if enrollment is not None and not moderator:
        lines, percent = service.learner_attendance(
            enrollment=enrollment, sessions=sessions, now=now
        )
        context.update(attendance_lines=lines[::-1], attendance_percent=percent)
        context["min_attendance"] = cohort.course.min_attendance
    return render(request, "comunidad/sesiones/list.html", context)


def _form_page(request, cohort, session=None):
    if request.method == "POST":
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                saved = service.save_session(
                    cohort=cohort,
                    by=request.user,
                    session=session,
                    **form.session_fields(),
                )
            except service.SessionError as error:
                form.add_error(
                    error.field if error.field in form.fields else None, error.message
                )
            else:
                messages.success(
                    request,
                    _("Sesión guardada: %(tema)s") % {"tema": saved.topic}
                    if session
                    else _("Sesión creada; se avisó a las personas de la edición."),
                )
                return redirect("comunidad:sesion-lista", cohort_id=cohort.pk)
        status = 400
    else:
        form = SessionForm(
            initial=SessionForm.initial_for(session) if session else None
        )
        status = 200
    return render(
        request,
        "comunidad/sesiones/form.html",
        {"cohort": cohort, "course": cohort.course, "form": form, "session": session},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_create_view(request, cohort_id: int):
    return _form_page(request, _moderated(request, cohort_id))


@login_required
@require_http_methods(["GET", "POST"])
def session_edit_view(request, cohort_id: int, session_id: int):
    cohort = _moderated(request, cohort_id)
    session = get_object_or_404(LiveSession, pk=session_id, cohort=cohort)
    return _form_page(request, cohort, session)


@login_required
@require_POST
def session_cancel_view(request, cohort_id: int, session_id: int):
    cohort = _moderated(request, cohort_id)
    session = get_object_or_404(LiveSession, pk=session_id, cohort=cohort)
    try:
        service.cancel_session(session=session, by=request.user)
    except service.SessionError as error:
        messages.error(request, error.message)
        return redirect(
            "comunidad:sesion-editar", cohort_id=cohort.pk, session_id=session.pk
        )
    messages.success(request, _("Sesión cancelada; se avisó a sus participantes."))
    return redirect("comunidad:sesion-lista", cohort_id=cohort.pk)


def _roster_rows(session, user, statuses=None):
    roster = list(
        service.session_roster(session=session, user=user)
        .select_related("user", "user__department")
        .order_by("user__full_name", "pk")
    )
    recorded = dict(
        Attendance.objects.filter(
            session=session, enrollment__in=[e.pk for e in roster]
        ).values_list("enrollment_id", "status")
    )
    statuses = statuses or {}
    return [
        {
            "enrollment": enrollment,
            "status": statuses.get(enrollment.pk, recorded.get(enrollment.pk, "")),
        }
        for enrollment in roster
    ]


PREFIX = "estado-"


@login_required
@require_http_methods(["GET", "POST"])
def attendance_view(request, cohort_id: int, session_id: int):
    cohort = _moderated(request, cohort_id)
    session = get_object_or_404(
        LiveSession.objects.select_related("department"), pk=session_id, cohort=cohort
    )
    error = None
    posted = {}
    status = 200
    if request.method == "POST":
        posted = {
            key[len(PREFIX) :]: value
            for key, value in request.POST.items()
            if key.startswith(PREFIX)
        }
        try:
            service.record_attendance(
                session=session, recorded_by=request.user, statuses=posted
            )
        except service.SessionError as exc:
            error = exc.message
            status = 400
        else:
            messages.success(request, _("Asistencia guardada."))
            return redirect(
                "comunidad:sesion-asistencia",
                cohort_id=cohort.pk,
                session_id=session.pk,
            )
    posted_ints = {}
    for key, value in posted.items():
        if ASCII_ID.fullmatch(key):
            posted_ints[int(key)] = value
    rows = _roster_rows(session, request.user, posted_ints)
    return render(
        request,
        "comunidad/sesiones/attendance.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "session": session,
            "rows": rows,
            # Short labels: three buttons side by side on a 375 px phone.
            "statuses": [
                (Attendance.Status.PRESENT, _("Presente")),
                (Attendance.Status.ABSENT, _("Ausente")),
                (Attendance.Status.EXCUSED, _("Justificada")),
            ],
            "error": error,
            "started": session.starts_at <= timezone.now(),
            "prefix": PREFIX,
        },
        status=status,
    )
