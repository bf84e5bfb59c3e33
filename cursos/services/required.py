"""Required training: assigning group members, withdrawing those who leave, and
recording and sending due-date reminders.

Reminders (settings, documented in docs/deploy.md):
- ``REQUIRED_TRAINING_REMINDER_DAYS_BEFORE`` (default 7 and 1): one reminder when
  the due date is that many days away or closer;
- one on the due date;
- one every ``REQUIRED_TRAINING_OVERDUE_EVERY_DAYS`` days (default 7) while overdue.
Each is recorded (unique per assignment, kind and due date) before it is sent, so
running the beat task twice never sends it twice; none is sent once the course is
completed or the assignment withdrawn.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ..models import Enrollment, RequiredTraining, TrainingAssignment, TrainingReminder


def completed_enrollment(user_ref="user", course_ref="course"):
    """EXISTS a completed enrollment of the row's user in the row's course."""
    return Exists(
        Enrollment.objects.filter(
            user=OuterRef(user_ref),
            course=OuterRef(course_ref),
            completed_at__isnull=False,
        )
    )


def current_assignments():
    return TrainingAssignment.objects.filter(withdrawn_at__isnull=True)


def _new_assignments(requirement, user_ids, today):
    return [
        TrainingAssignment(
            requirement=requirement,
            user_id=user_id,
            course_id=requirement.course_id,
            assigned_on=today,
            due_on=requirement.due_date_for(today),
        )
        for user_id in user_ids
    ]


def _withdraw_pending(assignments) -> int:
    """Withdraw the assignments not yet completed; completed ones stay as history."""
    return (
        assignments.filter(withdrawn_at__isnull=True)
        .exclude(completed_enrollment())
        .update(withdrawn_at=timezone.now())
    )


@transaction.atomic
def apply_requirement(*, requirement: RequiredTraining, today=None) -> int:
    """Make the assignments match an (edited) requirement: every member of the
    group has a current assignment with the due date of the rule; an inactive
    requirement keeps only completed ones. Returns how many were created."""
    today = today or timezone.localdate()
    assignments = current_assignments().filter(requirement=requirement)
    if not requirement.active:
        _withdraw_pending(assignments)
        return 0
    to_update = []
    for assignment in assignments.exclude(completed_enrollment()):
        due_on = requirement.due_date_for(assignment.assigned_on)
        if assignment.due_on != due_on or assignment.course_id != requirement.course_id:
            assignment.due_on = due_on
            assignment.course_id = requirement.course_id
            to_update.append(assignment)
    TrainingAssignment.objects.bulk_update(to_update, ["due_on", "course"])
    User = get_user_model()
    newcomers = (
        User.objects.filter(groups=requirement.group_id, is_active=True)
        .exclude(pk__in=assignments.values("user"))
        .values_list("pk", flat=True)
    )
    created = TrainingAssignment.objects.bulk_create(
        _new_assignments(requirement, newcomers, today), ignore_conflicts=True
    )
    return len(created)


@transaction.atomic
def withdraw_from_group(*, group_id: int, user_ids=None) -> int:
    """People removed from a group (everyone when ``user_ids`` is None) lose its
    pending required trainings."""
    assignments = current_assignments().filter(requirement__group_id=group_id)
    if user_ids is not None:
        assignments = assignments.filter(user_id__in=list(user_ids))
    return _withdraw_pending(assignments)


@transaction.atomic
def sync_user_assignments(*, user, today=None) -> None:
    """After a change in the person's groups: assign the required trainings of
    the groups they are in (due dates count from today, the day they joined) and
    withdraw the pending ones of groups they left."""
    today = today or timezone.localdate()
    group_ids = list(user.groups.values_list("pk", flat=True))
    current = current_assignments().filter(user=user)
    _withdraw_pending(current.exclude(requirement__group__in=group_ids))
    missing = RequiredTraining.objects.filter(active=True, group__in=group_ids).exclude(
        pk__in=current.values("requirement")
    )
    rows = [
        assignment
        for requirement in missing
        for assignment in _new_assignments(requirement, [user.pk], today)
    ]
    TrainingAssignment.objects.bulk_create(rows, ignore_conflicts=True)


# ------------------------------------------------------------------ reminders
def reminder_kind(*, due_on: datetime.date, today: datetime.date) -> str | None:
    """Which reminder is due today for this due date, if any (pure function)."""
    days_left = (due_on - today).days
    if days_left > 0:
        thresholds = sorted(settings.REQUIRED_TRAINING_REMINDER_DAYS_BEFORE)
        reached = [d for d in thresholds if days_left <= d]
        return f"antes-{reached[0]}" if reached else None
    if days_left == 0:
        return "dia"
    every = settings.REQUIRED_TRAINING_OVERDUE_EVERY_DAYS
    late = -days_left
    return f"vencida-{late // every}" if late >= every else None


def record_due_reminders(*, today=None) -> list[int]:
    """Record the reminders due today (one query to find the assignments, one
    insert, one to read back what this run recorded); returns their ids. Rows
    already recorded by an earlier run are left alone."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(
        days=max(settings.REQUIRED_TRAINING_REMINDER_DAYS_BEFORE, default=0)
    )
    candidates = (
        current_assignments()
        .filter(requirement__active=True, due_on__lte=horizon, user__is_active=True)
        .exclude(completed_enrollment())
        .values_list("pk", "due_on")
    )
    run = uuid.uuid4()
    rows = [
        TrainingReminder(assignment_id=pk, kind=kind, due_on=due_on, run=run)
        for pk, due_on in candidates
        if (kind := reminder_kind(due_on=due_on, today=today))
    ]
    TrainingReminder.objects.bulk_create(rows, ignore_conflicts=True)
    return list(TrainingReminder.objects.filter(run=run).values_list("pk", flat=True))


def send_reminder(*, reminder_id: int) -> bool:
    """Send one recorded reminder, at most once (claimed by a conditional UPDATE);
    not at all when the course was completed or the assignment withdrawn since."""
    reminder = (
        TrainingReminder.objects.select_related(
            "assignment__user", "assignment__course"
        )
        .filter(pk=reminder_id, sent_at__isnull=True)
        .annotate(done=completed_enrollment("assignment__user", "assignment__course"))
        .first()
    )
    if reminder is None or reminder.done or reminder.assignment.withdrawn_at:
        return False
    claimed = TrainingReminder.objects.filter(
        pk=reminder_id, sent_at__isnull=True
    ).update(sent_at=timezone.now())
    if not claimed:
        return False
    try:
        _send_reminder_email(reminder)
    except Exception:
        TrainingReminder.objects.filter(pk=reminder_id).update(sent_at=None)
        raise
    return True


def _send_reminder_email(reminder: TrainingReminder) -> None:
    assignment = reminder.assignment
    today = timezone.localdate()
    from ..models.required import due_phrase

    context = {
        "user": assignment.user,
        "course": assignment.course,
        "due_on": reminder.due_on,
        "phrase": due_phrase(reminder.due_on, today),
        "overdue": reminder.due_on < today,
        "due_today": reminder.due_on == today,
        "course_url": settings.SITE_URL + assignment.course.url,
        "dashboard_url": settings.SITE_URL + reverse("cursos:dashboard"),
    }
    send_mail(
        subject=render_to_string("cursos/email/reminder_subject.txt", context).strip(),
        message=render_to_string("cursos/email/reminder.txt", context),
        from_email=None,
        recipient_list=[assignment.user.email],
    )
