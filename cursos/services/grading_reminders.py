"""Reminders about assignments (to learners) and about work waiting to be
graded (to tutors). Each reminder is recorded in ``GradingReminder`` in the
same transaction that queues its e-mail in the outbox; the unique (user, kind,
key) row makes a second run send nothing, and a run that loses a race rolls
back whole (rows and e-mails) and tries again next time."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Page

from cursos.editions import tutored_enrollments
from cursos.models import (
    TUTORS_GROUP,
    AssignmentPage,
    Enrollment,
    GradingReminder,
    Submission,
)
from lms.outbox.mail import send_mail

GUATEMALA = ZoneInfo("America/Guatemala")
DUE_SOON_DAYS = 3
DIGEST_OLDEST = 5
TUTOR_QUEUE_PATH = "/tutoria/pendientes/"


def due_at(assignment: AssignmentPage, enrollment: Enrollment):
    """When ``assignment`` is due for ``enrollment``: the fixed date, or the
    edition's start plus ``due_days_after_start`` at 23:59 Guatemala time;
    None when it has no due date (or the enrollment has no edition)."""
    if assignment.due_at is not None:
        return assignment.due_at
    if assignment.due_days_after_start is None or enrollment.cohort is None:
        return None
    day = enrollment.cohort.starts_on + datetime.timedelta(
        days=assignment.due_days_after_start
    )
    return datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=GUATEMALA)


@dataclass(frozen=True)
class Reminder:
    user_id: int
    kind: str
    key: str
    email: str
    subject: str
    body: str
    # For "Avisos" (comunidad): who, and the page the reminder is about.
    user: object = field(default=None, compare=False, repr=False)
    url: str = ""


def _record_and_send(reminders: list[Reminder]) -> int:
    """Record the reminders not recorded yet and queue their e-mails, all in
    one transaction (two queries plus the outbox rows); each is also listed
    in the person's "Avisos" (one insert, no second e-mail)."""
    from comunidad.services.notifications import Kind, notify_many

    if not reminders:
        return 0
    existing = set(
        GradingReminder.objects.filter(
            user_id__in={r.user_id for r in reminders},
            kind__in={r.kind for r in reminders},
            key__in={r.key for r in reminders},
        ).values_list("user_id", "kind", "key")
    )
    new = [r for r in reminders if (r.user_id, r.kind, r.key) not in existing]
    if not new:
        return 0
    try:
        with transaction.atomic():
            GradingReminder.objects.bulk_create(
                [
                    GradingReminder(user_id=r.user_id, kind=r.kind, key=r.key)
                    for r in new
                ]
            )
            notify_many(
                kind=Kind.REMINDER,
                items=[(r.user, r.subject, "", r.url) for r in new if r.user],
                email=False,
            )
            for reminder in new:
                send_mail(
                    subject=reminder.subject,
                    message=reminder.body,
                    from_email=None,
                    recipient_list=[reminder.email],
                )
    except IntegrityError:
        return 0  # another run recorded them first; it sends them
    return len(new)


def assignment_reminders(*, now=None) -> int:
    """Remind learners of assignments they have not handed in: once when one
    is due within three days, once when it is overdue (not when late work is
    refused). Skips completed enrollments, inactive people, and editions not
    started yet or read-only (closed). A fixed
    number of queries; returns how many e-mails were queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    assignments = list(
        AssignmentPage.objects.live().filter(
            Q(due_at__isnull=False) | Q(due_days_after_start__isnull=False)
        )
    )
    if not assignments:
        return 0
    by_course: dict[str, list[AssignmentPage]] = {}
    for assignment in assignments:
        course_path = assignment.path[: (assignment.depth - 2) * Page.steplen]
        by_course.setdefault(course_path, []).append(assignment)
    enrollments = list(
        Enrollment.objects.filter(
            course__path__in=list(by_course),
            completed_at__isnull=True,
            user__is_active=True,
        ).select_related("user", "cohort", "course")
    )
    handed_in = set(
        Submission.objects.filter(
            enrollment__in=enrollments, assignment__in=assignments
        ).values_list("enrollment_id", "assignment_id")
    )
    reminders = []
    for enrollment in enrollments:
        if enrollment.cohort and enrollment.cohort.is_closed(today):
            continue
        if enrollment.cohort and not enrollment.cohort.has_started(today):
            continue
        for assignment in by_course.get(enrollment.course.path, []):
            if (enrollment.pk, assignment.pk) in handed_in:
                continue
            due = due_at(assignment, enrollment)
            if due is None:
                continue
            if due < now:
                if assignment.hard_close:
                    continue  # late work is not received: nothing to remind
                kind = GradingReminder.Kind.OVERDUE
            elif due <= now + datetime.timedelta(days=DUE_SOON_DAYS):
                kind = GradingReminder.Kind.DUE_SOON
            else:
                continue
            context = {
                "user": enrollment.user,
                "course": enrollment.course,
                "assignment": assignment,
                "due": timezone.localtime(due),
                "overdue": kind == GradingReminder.Kind.OVERDUE,
                "assignment_url": settings.SITE_URL + (assignment.url or ""),
            }
            reminders.append(
                Reminder(
                    user_id=enrollment.user_id,
                    kind=kind,
                    key=f"{enrollment.pk}:{assignment.pk}:{due.date().isoformat()}",
                    email=enrollment.user.email,
                    subject=render_to_string(
                        "cursos/email/assignment_reminder_subject.txt", context
                    ).strip(),
                    body=render_to_string(
                        "cursos/email/assignment_reminder.txt", context
                    ),
                    user=enrollment.user,
                    url=assignment.url or "",
                )
            )
    return _record_and_send(reminders)


def tutor_digests(*, now=None) -> int:
    """Once a day, tell each tutor what waits to be graded among the learners
    they follow (count and the oldest items, link to the queue); nothing when
    nothing waits. Two queries per tutor (their learners are decided by
    ``cursos.editions.tutored_enrollments``, the one rule); a daily task over
    the tutors, not a page."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    tutors = list(
        get_user_model().objects.filter(groups__name=TUTORS_GROUP, is_active=True)
    )
    reminders = []
    for tutor in tutors:
        waiting = [
            submission
            for submission in Submission.objects.filter(
                state=Submission.State.SUBMITTED,
                enrollment__in=tutored_enrollments(tutor),
            )
            .select_related("enrollment__user", "enrollment__cohort", "assignment")
            .order_by("submitted_at", "pk")
            if submission.enrollment.cohort is None
            or submission.enrollment.cohort.grading_is_open(today)
        ]
        if not waiting:
            continue
        context = {
            "user": tutor,
            "count": len(waiting),
            "oldest": waiting[:DIGEST_OLDEST],
            "queue_url": settings.SITE_URL + TUTOR_QUEUE_PATH,
        }
        reminders.append(
            Reminder(
                user_id=tutor.pk,
                kind=GradingReminder.Kind.TUTOR_DIGEST,
                key=today.isoformat(),
                email=tutor.email,
                subject=render_to_string(
                    "cursos/email/tutor_digest_subject.txt", context
                ).strip(),
                body=render_to_string("cursos/email/tutor_digest.txt", context),
                user=tutor,
                url=TUTOR_QUEUE_PATH,
            )
        )
    return _record_and_send(reminders)
