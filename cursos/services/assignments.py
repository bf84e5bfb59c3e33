"""Writes on assignments: a learner hands in a version; a tutor grades it,
releases the grade or returns the work for a new version; a coordinator changes
a released grade with a reason (kept in the audit log).

Every function checks who may do it (the views check too) and locks the
submission row, so two tutors or a double click cannot interleave. What
happens twice is said in each docstring.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cursos import editions
from cursos.assignment_files import check_file
from cursos.models import (
    AssignmentPage,
    Enrollment,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from cursos.selectors import course_outline, progress_for
from cursos.selectors_assignments import due_for, submit_refusal

__all__ = [
    "AssignmentError",
    "change_released_grade",
    "due_for",
    "grade",
    "return_for_revision",
    "submit",
]

MAX_TEXT_CHARS = 20_000
MAX_FEEDBACK_CHARS = 10_000
MAX_REASON_CHARS = 2_000
CHANGE_RELEASED_PERMISSION = "cursos.change_released_grade"
GRADE_CHANGED_ACTION = "cursos.grade_changed"
TWO_PLACES = Decimal("0.01")
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


class AssignmentError(Exception):
    """Refused; ``str(error)`` is the message for the person, in Spanish."""


# ------------------------------------------------------------------ learner
def _clean_text(value, *, limit: int, what: str) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise AssignmentError(
            _("%(campo)s contiene un carácter nulo, que no se admite.")
            % {"campo": what}
        )
    if len(text) > limit:
        raise AssignmentError(
            _("%(campo)s es demasiado largo (%(max)s caracteres como máximo).")
            % {"campo": what, "max": f"{limit:,}".replace(",", " ")}
        )
    return text


def _checked_files(assignment: AssignmentPage, files) -> list[tuple[object, str]]:
    files = [f for f in files or [] if f is not None]
    if files and not assignment.allow_files:
        raise AssignmentError(_("Esta tarea no recibe archivos; escriba su respuesta."))
    if len(files) > assignment.max_files:
        raise AssignmentError(
            _("Puede adjuntar hasta %(max)s archivos; adjuntó %(n)s.")
            % {"max": assignment.max_files, "n": len(files)}
        )
    checked = []
    for uploaded in files:
        try:
            kind = check_file(
                uploaded,
                formats=list(assignment.accepted_formats or []),
                max_mb=assignment.max_file_mb,
            )
        except ValidationError as error:
            raise AssignmentError(" ".join(error.messages)) from error
        checked.append((uploaded, kind))
    return checked


def submit(
    *,
    enrollment: Enrollment,
    assignment: AssignmentPage,
    files,
    text: str,
    token: str,
) -> Submission:
    """Hand in a new version of ``enrollment``'s work on ``assignment``.

    Allowed for a live assignment of the enrollment's course, once the edition
    has started and before it closes, when the item is not locked, and when
    there is no submission yet, it was returned, or it is waiting for review and
    the assignment accepts new versions; never after it was graded. Past the due
    date the version is marked late, or refused when the assignment has a hard
    close. Files are checked by content.

    Twice with the same ``token`` (a double click): the second call returns the
    submission the first one made, with one version.
    """
    token = (token or "").strip()
    if not TOKEN_PATTERN.fullmatch(token):
        raise AssignmentError(
            _("El formulario caducó. Recargue la página e intente de nuevo.")
        )
    course = enrollment.course
    outline = course_outline(course)
    item = outline.item(assignment.pk)
    if item is None or item.kind != "tarea":
        raise AssignmentError(_("Esta tarea no forma parte de su curso."))
    text = _clean_text(text, limit=MAX_TEXT_CHARS, what=_("Su respuesta"))
    if text and not assignment.allow_text:
        raise AssignmentError(_("Esta tarea se entrega solo con archivos."))
    checked = _checked_files(assignment, files)
    if not text and not checked:
        if not assignment.allow_files:
            raise AssignmentError(_("Escriba su respuesta antes de entregar."))
        if not assignment.allow_text:
            raise AssignmentError(_("Adjunte al menos un archivo."))
        raise AssignmentError(_("Adjunte al menos un archivo o escriba su respuesta."))
    progress = progress_for(enrollment=enrollment, course=course, outline=outline)
    locked_reason = progress.locked_reason(item)
    now = timezone.now()
    with transaction.atomic():
        submission = _locked_submission(enrollment, assignment)
        if submission is not None:
            existing = submission.versions.filter(client_token=token).first()
            if existing is not None:
                return submission
        reason = submit_refusal(
            assignment=assignment,
            enrollment=enrollment,
            submission=submission,
            locked_reason=locked_reason,
            now=now,
        )
        if reason:
            raise AssignmentError(reason)
        due = due_for(assignment=assignment, enrollment=enrollment)
        late = due is not None and now > due
        if submission is None:
            submission = _create_submission(enrollment, assignment, now, late)
            if submission.versions.filter(client_token=token).exists():
                return submission  # a concurrent first post with this token won
        try:
            with transaction.atomic():
                version = SubmissionVersion.objects.create(
                    submission=submission,
                    number=submission.versions_count + 1,
                    text=text,
                    submitted_at=now,
                    late=late,
                    client_token=token,
                )
        except IntegrityError:
            # The constraints behind the lock: the same post already made it.
            return Submission.objects.get(pk=submission.pk)
        for uploaded, kind in checked:
            SubmissionFile.objects.create(
                version=version,
                file=uploaded,
                original_name=(uploaded.name or "archivo")[:255],
                size=uploaded.size,
                kind=kind,
            )
        submission.versions_count = version.number
        submission.submitted_at = now
        submission.late = late
        submission.state = Submission.State.SUBMITTED
        submission.save(
            update_fields=["versions_count", "submitted_at", "late", "state"]
        )
        Enrollment.objects.filter(pk=enrollment.pk).update(
            last_activity_at=now, last_item_id=assignment.pk
        )
    return submission


def _locked_submission(enrollment, assignment) -> Submission | None:
    return (
        Submission.objects.select_for_update()
        .filter(enrollment=enrollment, assignment=assignment)
        .first()
    )


def _create_submission(enrollment, assignment, now, late) -> Submission:
    try:
        with transaction.atomic():
            return Submission.objects.create(
                enrollment=enrollment,
                assignment=assignment,
                state=Submission.State.SUBMITTED,
                versions_count=0,
                first_submitted_at=now,
                submitted_at=now,
                late=late,
            )
    except IntegrityError:
        # Another request created it between our read and our insert.
        return _locked_submission(enrollment, assignment)


# ------------------------------------------------------------------ tutor
def _check_grader(grader, enrollment: Enrollment) -> None:
    if grader is not None and grader.pk == enrollment.user_id:
        raise AssignmentError(_("Nadie califica su propio trabajo."))
    if grader is None or not editions.may_tutor(grader, enrollment):
        raise AssignmentError(_("Usted no es tutor o tutora de esta persona."))
    if not editions.grading_is_open(enrollment):
        raise AssignmentError(
            _("El plazo para calificar esta edición terminó; ya no se califica.")
        )


def _points_from(
    assignment: AssignmentPage, *, points, rubric_scores
) -> tuple[Decimal, list[int]]:
    """(points, rubric levels) from the tutor's input, checked."""
    criteria = assignment.rubric_criteria()
    if criteria:
        if not isinstance(rubric_scores, list | tuple) or len(rubric_scores) != len(
            criteria
        ):
            raise AssignmentError(_("Elija un nivel de la rúbrica en cada criterio."))
        levels = []
        total = Decimal(0)
        for criterion, raw in zip(criteria, rubric_scores, strict=True):
            try:
                index = int(raw)
            except (TypeError, ValueError):
                index = -1
            if isinstance(raw, bool) or not 0 <= index < len(criterion["levels"]):
                raise AssignmentError(
                    _("El nivel elegido en «%(criterio)s» no existe.")
                    % {"criterio": criterion["criterion"]}
                )
            levels.append(index)
            total += criterion["levels"][index]["points"]
        return total.quantize(TWO_PLACES), levels
    if points is None or isinstance(points, bool) or str(points).strip() == "":
        raise AssignmentError(_("Escriba los puntos."))
    try:
        value = Decimal(str(points).strip().replace(",", "."))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise AssignmentError(_("Los puntos deben ser un número, como 85 o 92.5."))
    value = value.quantize(TWO_PLACES)
    if not 0 <= value <= assignment.max_points:
        raise AssignmentError(
            _("Los puntos deben estar entre 0 y %(max)s.")
            % {"max": assignment.max_points.normalize()}
        )
    return value, []


def _lock_for_grading(submission: Submission) -> Submission:
    return (
        # of=self: the edition is a nullable join, which PostgreSQL cannot lock.
        Submission.objects.select_for_update(of=("self",))
        .select_related("assignment", "enrollment__user", "enrollment__cohort")
        .get(pk=submission.pk)
    )


def _notify_learner(submission: Submission, *, template: str, subject: str) -> None:
    """List the event in the learner's "Avisos" and e-mail it as they chose for
    grades: right away, this richer e-mail (queued in this transaction, sent
    after commit, with the one-click unsubscribe of the kind); in the daily
    digest or never, through the notifications service."""
    from django.core.mail import EmailMessage

    from comunidad.services.notifications import (
        Kind,
        notify,
        unsubscribe_headers,
        wants_email_now,
    )
    from lms.outbox.mail import send_message

    user = submission.enrollment.user
    assignment = submission.assignment
    now = bool(user.email) and wants_email_now(user, Kind.GRADE)
    notify(
        users=[user],
        kind=Kind.GRADE,
        title=subject % {"tarea": assignment.title},
        url=assignment.url or "",
        email=not now,
    )
    if not now:
        return
    unsubscribe_url, headers = unsubscribe_headers(user_id=user.pk, kind=Kind.GRADE)
    context = {
        "submission": submission,
        "assignment": assignment,
        "user": user,
        "url": f"{settings.SITE_URL}{assignment.url or ''}",
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
    }
    send_message(
        EmailMessage(
            subject=subject % {"tarea": assignment.title},
            body=render_to_string(template, context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
            headers=headers,
        )
    )


def grade(
    *,
    submission: Submission,
    grader,
    points=None,
    rubric_scores=None,
    feedback: str = "",
    release: bool = True,
) -> Submission:
    """Grade ``submission``: with a rubric, ``rubric_scores`` is one level index
    per criterion and the points are their sum; without, ``points`` between 0
    and the assignment's maximum (two decimals). ``release=True`` publishes the
    grade (state "calificada"; the learner is e-mailed once and the course may
    complete); ``release=False`` keeps a draft the learner does not see.

    Only a tutor of this learner (or a coordinator) while grading is open. Twice
    with the same values: nothing changes and no second e-mail. A released grade
    is changed only through ``change_released_grade``.
    """
    _check_grader(grader, submission.enrollment)
    feedback = _clean_text(feedback, limit=MAX_FEEDBACK_CHARS, what=_("El comentario"))
    with transaction.atomic():
        current = _lock_for_grading(submission)
        value, levels = _points_from(
            current.assignment, points=points, rubric_scores=rubric_scores
        )
        if current.state == Submission.State.GRADED:
            if (current.points, current.rubric_scores, current.feedback) == (
                value,
                levels,
                feedback,
            ):
                return current
            raise AssignmentError(
                _(
                    "La nota de esta tarea ya fue publicada. Para cambiarla, "
                    "pida a la coordinación que la corrija con un motivo."
                )
            )
        if not release and current.state == Submission.State.RETURNED:
            # The learner reads the return's feedback until the new version
            # arrives: a draft would overwrite it (and show a private note).
            raise AssignmentError(
                _(
                    "Esta tarea está devuelta para corregir: espere la nueva versión "
                    "o publique una calificación."
                )
            )
        if not release and (
            current.points,
            current.rubric_scores,
            current.feedback,
        ) == (value, levels, feedback):
            return current
        now = timezone.now()
        current.points = value
        current.rubric_scores = levels
        current.feedback = feedback
        current.graded_by = grader
        current.graded_at = now
        if release:
            current.state = Submission.State.GRADED
            current.released_at = now
        else:
            current.released_at = None  # a draft: the state stays as it was
        current.save(
            update_fields=[
                "points",
                "rubric_scores",
                "feedback",
                "graded_by",
                "graded_at",
                "state",
                "released_at",
            ]
        )
        if release:
            _notify_learner(
                current,
                template="cursos/email/assignment_graded.txt",
                subject=_("Su tarea «%(tarea)s» tiene calificación"),
            )
            _complete_if_done(current.enrollment)
    return current


def _complete_if_done(enrollment: Enrollment) -> None:
    from cursos.services.progress import complete_enrollment_if_done

    complete_enrollment_if_done(enrollment=enrollment)


def return_for_revision(*, submission: Submission, grader, feedback: str) -> Submission:
    """Return the work for a new version (state "devuelta") with a comment,
    which is required; the learner is e-mailed. Only a tutor of this learner
    while grading is open, and not after the grade was released. Twice with
    the same comment: nothing changes and no second e-mail."""
    _check_grader(grader, submission.enrollment)
    feedback = _clean_text(feedback, limit=MAX_FEEDBACK_CHARS, what=_("El comentario"))
    if not feedback:
        raise AssignmentError(
            _("Escriba qué debe corregir la persona antes de devolver la tarea.")
        )
    with transaction.atomic():
        current = _lock_for_grading(submission)
        if current.state == Submission.State.GRADED:
            raise AssignmentError(
                _("La nota de esta tarea ya fue publicada; no se puede devolver.")
            )
        if current.state == Submission.State.RETURNED and current.feedback == feedback:
            return current
        current.state = Submission.State.RETURNED
        current.feedback = feedback
        current.graded_by = grader
        current.graded_at = timezone.now()
        current.released_at = None
        current.save(
            update_fields=[
                "state",
                "feedback",
                "graded_by",
                "graded_at",
                "released_at",
            ]
        )
        _notify_learner(
            current,
            template="cursos/email/assignment_returned.txt",
            subject=_("Su tarea «%(tarea)s» fue devuelta para corregir"),
        )
    return current


# ------------------------------------------------------------------ coordinator
def change_released_grade(
    *,
    submission: Submission,
    by,
    points=None,
    rubric_scores=None,
    feedback: str | None = None,
    reason: str,
) -> Submission:
    """Change a grade already released. Only with the permission
    ``cursos.change_released_grade`` (coordinators) and a reason; before, after,
    reason and who are kept in Wagtail's audit log (action
    ``cursos.grade_changed``) and the learner is e-mailed. Allowed after the
    grading period, which is what corrections are for. ``feedback=None`` keeps
    the comment. Twice with the same values: the second call changes and logs
    nothing."""
    from wagtail.log_actions import log

    if by is None or not by.has_perm(CHANGE_RELEASED_PERMISSION):
        raise AssignmentError(
            _("Solo la coordinación puede cambiar una nota ya publicada.")
        )
    reason = _clean_text(reason, limit=MAX_REASON_CHARS, what=_("El motivo"))
    if not reason:
        raise AssignmentError(_("Escriba el motivo del cambio de nota."))
    with transaction.atomic():
        current = _lock_for_grading(submission)
        if current.state != Submission.State.GRADED or current.released_at is None:
            raise AssignmentError(
                _("Esta nota todavía no está publicada; califique la tarea.")
            )
        value, levels = _points_from(
            current.assignment, points=points, rubric_scores=rubric_scores
        )
        new_feedback = (
            current.feedback
            if feedback is None
            else _clean_text(
                feedback, limit=MAX_FEEDBACK_CHARS, what=_("El comentario")
            )
        )
        before = {
            "points": str(current.points),
            "rubric_scores": list(current.rubric_scores or []),
            "feedback": current.feedback,
        }
        after = {
            "points": str(value),
            "rubric_scores": levels,
            "feedback": new_feedback,
        }
        if before == after:
            return current
        current.points = value
        current.rubric_scores = levels
        current.feedback = new_feedback
        current.graded_at = timezone.now()
        current.save(update_fields=["points", "rubric_scores", "feedback", "graded_at"])
        log(
            instance=current,
            action=GRADE_CHANGED_ACTION,
            user=by,
            data={"before": before, "after": after, "reason": reason},
        )
        _notify_learner(
            current,
            template="cursos/email/assignment_graded.txt",
            subject=_("Su tarea «%(tarea)s» tiene una calificación corregida"),
        )
        enrollment = Enrollment.objects.get(pk=current.enrollment_id)
        if enrollment.completed_at is None:
            _complete_if_done(enrollment)
        else:
            regrade_completed(enrollment=enrollment, by=by, reason=reason)
    return current


def regrade_completed(*, enrollment: Enrollment, by, reason: str) -> None:
    """A grade corrected after the course was completed: the final grade and
    result are computed again and the certificate follows them. A new kind or
    grade is a new version of the same certificate (same code); a result that
    no longer earns one revokes it with the correction's reason; one that now
    earns it issues it."""
    from certificados.models import Certificate
    from certificados.services import (
        certificate_kind,
        issue_for,
        reissue,
        revoke,
    )
    from cursos.services.grades import grading_result

    summary = grading_result(enrollment=enrollment)
    if summary.grade is None:
        return
    Enrollment.objects.filter(pk=enrollment.pk).update(
        final_grade=summary.grade, result=summary.outcome
    )
    enrollment.final_grade, enrollment.result = summary.grade, summary.outcome
    kind = certificate_kind(enrollment)
    certificate = Certificate.objects.filter(enrollment=enrollment).first()
    if certificate is None:
        if kind is not None:
            transaction.on_commit(lambda: issue_for(enrollment), robust=True)
        return
    if certificate.status == Certificate.Status.REVOKED:
        return
    if kind is None:
        revoke(
            certificate=certificate,
            by=by,
            reason=_("Nota corregida: %(motivo)s") % {"motivo": reason},
        )
        return
    if (certificate.kind, certificate.grade) != (kind, enrollment.final_grade):
        Certificate.objects.filter(pk=certificate.pk).update(
            kind=kind, grade=enrollment.final_grade
        )
        certificate.refresh_from_db()
        reissue(certificate=certificate)
