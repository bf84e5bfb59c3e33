"""Reads for assignments: a learner's due date, whether they may hand in now
(and why not), and the assignment page's context.

The submit service (``cursos.services.assignments``) asks ``submit_refusal``
too, so the page and the service say the same thing.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cursos import editions
from cursos.assignment_files import KIND_LABELS, accept_attribute
from cursos.models import AssignmentPage, Enrollment, Submission, SubmissionFile

GUATEMALA = ZoneInfo("America/Guatemala")


def due_for(*, assignment: AssignmentPage, enrollment: Enrollment) -> datetime | None:
    """When this learner's work is due: the fixed date, or the edition's start
    plus N days at 23:59 Guatemala time; None when the assignment has no date
    (or counts days and the enrollment has no edition)."""
    if assignment.due_at is not None:
        return assignment.due_at
    days = assignment.due_days_after_start
    if days is None or enrollment is None or enrollment.cohort is None:
        return None
    day = enrollment.cohort.starts_on + timedelta(days=days)
    return datetime.combine(day, time(23, 59, 59), tzinfo=GUATEMALA)


def _long_date(value) -> str:
    return date_format(value, "j \\d\\e F \\d\\e Y")


def _long_datetime(value: datetime) -> str:
    local = timezone.localtime(value, GUATEMALA)
    return f"{_long_date(local)}, {local:%H:%M}"


def submit_refusal(
    *,
    assignment: AssignmentPage,
    enrollment: Enrollment,
    submission: Submission | None,
    locked_reason: str | None = None,
    now: datetime | None = None,
) -> str | None:
    """Why this learner may not hand in a version now, or None when they may."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cohort = enrollment.cohort
    if not editions.has_started(enrollment, today):
        return _(
            "La edición comienza el %(fecha)s; podrá entregar a partir de ese día."
        ) % {"fecha": _long_date(cohort.starts_on)}
    if editions.is_read_only(enrollment, today):
        return _("La edición terminó el %(fecha)s; ya no se reciben entregas.") % {
            "fecha": _long_date(cohort.ends_on)
        }
    if locked_reason:
        return locked_reason
    if submission is not None:
        if submission.state == Submission.State.GRADED:
            return _("Su tarea ya fue calificada; no se reciben nuevas versiones.")
        if (
            submission.state == Submission.State.SUBMITTED
            and not assignment.allow_resubmission
        ):
            return _(
                "Ya entregó esta tarea; esta tarea no admite nuevas versiones "
                "antes de la revisión."
            )
        if submission.state == Submission.State.RETURNED:
            # The tutor asked for a new version: it is received even after a
            # hard close (it is marked late when past the date).
            return None
    due = due_for(assignment=assignment, enrollment=enrollment)
    if assignment.hard_close and due is not None and now > due:
        return _(
            "La fecha de entrega pasó (%(fecha)s) y esta tarea no recibe "
            "entregas tardías."
        ) % {"fecha": _long_datetime(due)}
    return None


def submission_for(*, enrollment: Enrollment, assignment_id: int):
    """The learner's submission with its versions and files (three queries)."""
    return (
        Submission.objects.filter(enrollment=enrollment, assignment_id=assignment_id)
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=_versions_queryset(),
            )
        )
        .first()
    )


def _versions_queryset():
    from cursos.models import SubmissionVersion

    return SubmissionVersion.objects.order_by("-number").prefetch_related(
        Prefetch("files", queryset=SubmissionFile.objects.order_by("pk"))
    )


STATE_LABELS = {
    None: _("Sin entregar"),
    Submission.State.SUBMITTED: _("Entregada"),
    Submission.State.GRADED: _("Calificada"),
    Submission.State.RETURNED: _("Devuelta para corregir"),
}


def assignment_page_context(
    *, assignment: AssignmentPage, enrollment: Enrollment | None, locked_reason=None
) -> dict:
    """What the assignment page shows besides the item context: due date,
    rubric, formats, the learner's submission and versions, the released grade
    and whether the form is shown (or why not)."""
    context = {
        "rubric": assignment.rubric_criteria(),
        "formats_label": ", ".join(
            KIND_LABELS[k]
            for k in assignment.accepted_formats or []
            if k in KIND_LABELS
        ),
        "accept": accept_attribute(list(assignment.accepted_formats or [])),
        "submission": None,
        "versions": [],
        "state_label": STATE_LABELS[None],
        "due": None,
        "due_label": "",
        "grade_visible": False,
        "can_submit": False,
        "refusal": None,
        "form_token": "",
    }
    if assignment.due_at is not None:
        context["due"] = assignment.due_at
    if enrollment is None:
        if context["due"]:
            context["due_label"] = _long_datetime(context["due"])
        return context
    submission = submission_for(enrollment=enrollment, assignment_id=assignment.pk)
    due = due_for(assignment=assignment, enrollment=enrollment)
    refusal = submit_refusal(
        assignment=assignment,
        enrollment=enrollment,
        submission=submission,
        locked_reason=locked_reason,
    )
    context.update(
        {
            "submission": submission,
            "versions": list(submission.versions.all()) if submission else [],
            "state_label": STATE_LABELS[submission.state if submission else None],
            "due": due,
            "due_label": _long_datetime(due) if due else "",
            "is_late_now": due is not None and timezone.now() > due,
            "grade_visible": bool(
                submission
                and submission.state == Submission.State.GRADED
                and submission.released_at
            ),
            "feedback_visible": bool(
                submission
                and submission.feedback
                and (
                    submission.state == Submission.State.RETURNED
                    or submission.released_at
                )
            ),
            "can_submit": refusal is None,
            "refusal": refusal,
            "form_token": uuid.uuid4().hex,
        }
    )
    if context["grade_visible"]:
        context["rubric"] = _rubric_with_choices(
            context["rubric"], submission.rubric_scores or []
        )
    return context


def _rubric_with_choices(rubric: list[dict], scores: list) -> list[dict]:
    """The rubric with the level the tutor chose marked in each criterion."""
    marked = []
    for index, criterion in enumerate(rubric):
        chosen = scores[index] if index < len(scores) else None
        levels = [
            {**level, "chosen": position == chosen}
            for position, level in enumerate(criterion["levels"])
        ]
        marked.append({**criterion, "levels": levels})
    return marked
