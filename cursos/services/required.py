"""Required training: assigning group members, withdrawing those who leave, and
recording and sending due-date reminders.

Reminders (settings, documented in docs/deploy.md):
- ``REQUIRED_TRAINING_REMINDER_DAYS_BEFORE`` (default 7 and 1): one reminder when
  the due date is that many days away or closer;
- one on the due date;
- one every ``REQUIRED_TRAINING_OVERDUE_EVERY_DAYS`` days (default 7) while overdue.
Each is recorded (unique per assignment, kind and due date) before it is sent, so
running the beat task twice never sends it twice; none is sent once the course is
completed or the assignment withdrawn or renewed.

Renewal (``renew_due``): in a course whose completion expires
(``CoursePage.validity_months``), a completion counts only while it is valid, and
``RequiredTraining.renew_days_before`` days before it expires the course is
assigned again.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ..models import Enrollment, RequiredTraining, TrainingAssignment, TrainingReminder
from ..models.required import due_phrase
from ..selectors import valid_completion


def completed_enrollment(user_ref="user", course_ref="course", *, today=None):
    """EXISTS a completion of the row's user in the row's course that is valid
    on ``today`` (``cursos.selectors.valid_completion``): an expired one, or
    one already replaced by its renewal, does not count."""
    today = today or timezone.localdate()
    return Exists(
        Enrollment.objects.filter(
            valid_completion(today),
            user=OuterRef(user_ref),
            course=OuterRef(course_ref),
        )
    )


def current_assignments():
    return TrainingAssignment.objects.current()


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


def _withdraw_pending(assignments, today=None) -> int:
    """Withdraw the assignments not yet completed (or whose completion has
    expired); completed ones stay as history."""
    return (
        assignments.filter(withdrawn_at__isnull=True)
        .exclude(completed_enrollment(today=today))
        .update(withdrawn_at=timezone.now())
    )


@transaction.atomic
def apply_requirement(*, requirement: RequiredTraining, today=None) -> int:
    """Make the assignments match an (edited) requirement: every active member of
    the group has a current assignment with the due date of the rule, people
    outside the group (it may have changed) keep only completed ones, and an
    inactive requirement keeps only completed ones. Returns how many were
    created. Safe to run again at any time (the daily task does)."""
    today = today or timezone.localdate()
    assignments = current_assignments().filter(requirement=requirement)
    if not requirement.active or requirement.group_id is None:
        _withdraw_pending(assignments, today)
        return 0
    _withdraw_pending(assignments.exclude(user__groups=requirement.group_id), today)
    to_update = []
    # A renewal's due date is the expiry of the completion it renews, not the
    # rule's: only first assignments follow the rule.
    first = assignments.filter(renewal_of__isnull=True)
    for assignment in first.exclude(completed_enrollment(today=today)):
        due_on = requirement.due_date_for(assignment.assigned_on)
        if assignment.due_on != due_on:
            assignment.due_on = due_on
            to_update.append(assignment)
    TrainingAssignment.objects.bulk_update(to_update, ["due_on"])
    User = get_user_model()
    newcomers = (
        User.objects.filter(groups=requirement.group_id, is_active=True)
        .exclude(
            pk__in=current_assignments()
            .filter(course=requirement.course_id)
            .values("user")
        )
        .values_list("pk", flat=True)
    )
    created = TrainingAssignment.objects.bulk_create(
        _new_assignments(requirement, newcomers, today), ignore_conflicts=True
    )
    return len(created)


def apply_all_requirements(*, today=None) -> None:
    """Re-apply every rule: catches group changes that bypassed the signals, or
    raced with the creation of a rule."""
    for requirement in RequiredTraining.objects.all():
        apply_requirement(requirement=requirement, today=today)


@transaction.atomic
def withdraw_from_group(*, group_id: int, user_ids=None) -> int:
    """People removed from a group (everyone when ``user_ids`` is None) lose its
    pending required trainings; another group that requires the same course then
    assigns it anew."""
    assignments = current_assignments().filter(requirement__group_id=group_id)
    if user_ids is not None:
        assignments = assignments.filter(user_id__in=list(user_ids))
    courses = set(assignments.values_list("course", flat=True))
    withdrawn = _withdraw_pending(assignments)
    if withdrawn:
        for requirement in RequiredTraining.objects.filter(
            active=True, course__in=courses
        ).exclude(group_id=group_id):
            apply_requirement(requirement=requirement)
    return withdrawn


@transaction.atomic
def sync_user_assignments(*, user, today=None) -> None:
    """After a change in the person's groups: withdraw the pending trainings of
    groups they left, then assign the required trainings of the groups they are
    in (due dates count from today, the day they joined)."""
    today = today or timezone.localdate()
    group_ids = list(user.groups.values_list("pk", flat=True))
    current = current_assignments().filter(user=user)
    _withdraw_pending(current.exclude(requirement__group__in=group_ids), today)
    missing = (
        RequiredTraining.objects.filter(active=True, group__in=group_ids)
        .exclude(course__in=current.values("course"))
        .order_by("pk")
    )
    rows = [
        assignment
        for requirement in missing
        for assignment in _new_assignments(requirement, [user.pk], today)
    ]
    TrainingAssignment.objects.bulk_create(rows, ignore_conflicts=True)


# ------------------------------------------------------------------ renewal
def renew_due(*, today=None) -> int:
    """Renew required training whose completion is about to expire.

    ``renew_days_before`` days (the rule's) before the last valid day of a
    person's completion, or any day after it if the task missed that one, the
    current assignment (completed) is replaced by a new one, due the day the
    completion ends (its ``valid_until``), and the completed enrollment by a new
    one (``renewal_of``) in a course without editions; in a course with editions
    the person enrolls in an open edition, as the first time. Nothing is
    deleted: the old enrollment keeps its progress and certificate, the old
    assignment its reminders. Reminders then run for the new assignment as for
    a first one (they are keyed on assignment, kind and due date).

    Only people still in the rule's group, active, and whose every valid
    completion ends within the window. Idempotent: a renewed assignment is no
    longer current, so a second run finds nothing; the database backs it (one
    current assignment per person and course, one current enrollment per person
    in a course without editions, each assignment and enrollment renewed at
    most once). Returns how many were renewed."""
    today = today or timezone.localdate()
    # The completion that lasts longest decides (one that never expires first).
    completion = Enrollment.objects.filter(
        user=OuterRef("user"),
        course=OuterRef("course"),
        completed_at__isnull=False,
        superseded_at__isnull=True,
    ).order_by(F("valid_until").desc(nulls_first=True), "-pk")
    candidates = (
        current_assignments()
        .filter(
            requirement__active=True,
            requirement__group__isnull=False,
            user__is_active=True,
            user__groups=F("requirement__group"),
            course__validity_months__isnull=False,
        )
        .annotate(
            expires=Subquery(completion.values("valid_until")[:1]),
            enrollment_id=Subquery(completion.values("pk")[:1]),
            enrollment_cohort=Subquery(completion.values("cohort")[:1]),
        )
        .filter(expires__isnull=False, expires__lte=today + MAX_RENEW_WINDOW)
        .values_list(
            "pk",
            "requirement_id",
            "requirement__renew_days_before",
            "user_id",
            "course_id",
            "expires",
            "enrollment_id",
            "enrollment_cohort",
        )
    )
    now = timezone.now()
    renewed = 0
    for pk, rule, days, user, course, expires, enrollment, cohort in candidates:
        if expires > today + datetime.timedelta(days=days):
            continue  # not yet: this rule renews closer to the end
        try:
            with transaction.atomic():
                claimed = TrainingAssignment.objects.filter(
                    pk=pk, withdrawn_at__isnull=True, renewed_at__isnull=True
                ).update(renewed_at=now)
                if not claimed:
                    continue
                Enrollment.objects.filter(
                    pk=enrollment, superseded_at__isnull=True
                ).update(superseded_at=now)
                if cohort is None:
                    Enrollment.objects.create(
                        user_id=user, course_id=course, renewal_of_id=enrollment
                    )
                TrainingAssignment.objects.create(
                    requirement_id=rule,
                    user_id=user,
                    course_id=course,
                    assigned_on=today,
                    due_on=expires,
                    renewal_of_id=pk,
                )
        except IntegrityError:
            continue  # renewed meanwhile by a concurrent run
        renewed += 1
    return renewed


MAX_RENEW_WINDOW = datetime.timedelta(days=365)  # renew_days_before's maximum


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


RESEND_WINDOW_DAYS = 3


def record_due_reminders(*, today=None) -> list[int]:
    """Record the reminders due today (one query to find the assignments, one
    insert); return the ids of every reminder recorded in the last few days and
    not sent yet (today's, and any whose sending failed or was never queued).
    Rows already recorded are left alone: the unique constraint stops a second
    reminder of the same kind."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(
        days=max(settings.REQUIRED_TRAINING_REMINDER_DAYS_BEFORE, default=0)
    )
    candidates = (
        current_assignments()
        .filter(requirement__active=True, due_on__lte=horizon, user__is_active=True)
        .exclude(completed_enrollment(today=today))
        .values_list("pk", "due_on")
    )
    run = uuid.uuid4()
    rows = [
        TrainingReminder(assignment_id=pk, kind=kind, due_on=due_on, run=run)
        for pk, due_on in candidates
        if (kind := reminder_kind(due_on=due_on, today=today))
    ]
    TrainingReminder.objects.bulk_create(rows, ignore_conflicts=True)
    since = timezone.now() - datetime.timedelta(days=RESEND_WINDOW_DAYS)
    return list(
        TrainingReminder.objects.filter(
            sent_at__isnull=True,
            created_at__gte=since,
            assignment__withdrawn_at__isnull=True,
            assignment__renewed_at__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def send_reminder(*, reminder_id: int) -> bool:
    """Send one recorded reminder, at most once (claimed by a conditional UPDATE);
    not at all when the course was completed or the assignment withdrawn since."""
    reminder = (
        TrainingReminder.objects.select_related(
            "assignment__user", "assignment__course", "assignment__requirement__group"
        )
        .filter(pk=reminder_id, sent_at__isnull=True)
        .annotate(done=completed_enrollment("assignment__user", "assignment__course"))
        .first()
    )
    assignment = reminder.assignment if reminder else None
    if reminder is None or reminder.done or assignment.withdrawn_at:
        return False
    if assignment.renewed_at:
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
    context = {
        "user": assignment.user,
        "course": assignment.course,
        "due_on": reminder.due_on,
        "phrase": due_phrase(reminder.due_on, today),
        "group": assignment.requirement.group.name,
        "started": Enrollment.objects.filter(
            user=assignment.user, course=assignment.course, superseded_at__isnull=True
        )
        .exclude(renewal_of__isnull=False, last_activity_at__isnull=True)
        .exists(),
        "renewal": assignment.renewal_of_id is not None,
        "overdue": reminder.due_on < today,
        "due_today": reminder.due_on == today,
        "course_url": settings.SITE_URL + assignment.course.url,
        "dashboard_url": settings.SITE_URL + reverse("cursos:dashboard"),
    }
    subject = render_to_string("cursos/email/reminder_subject.txt", context).strip()
    send_mail(
        subject=subject,
        message=render_to_string("cursos/email/reminder.txt", context),
        from_email=None,
        recipient_list=[assignment.user.email],
    )
    # Also in "Avisos" (comunidad), once the e-mail went out; no second e-mail.
    from comunidad.services.notifications import Kind, notify

    notify(
        users=[assignment.user],
        kind=Kind.REMINDER,
        title=subject,
        url=assignment.course.url or "",
        email=False,
    )
