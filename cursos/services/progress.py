"""Writes on progress: completing items and completing the course."""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from cursos.models import Enrollment, LessonCompletion
from cursos.selectors import course_outline, progress_for

# Sent once per enrollment, inside the transaction that completes it.
# Receivers get ``enrollment``; the certificate capability listens to it.
course_completed = Signal()


class ProgressError(Exception):
    """Completion refused; ``str(error)`` is the message for the learner."""


def complete_lesson(*, enrollment: Enrollment, lesson: Page) -> LessonCompletion:
    """Mark ``lesson`` (a live item of the enrollment's course) as done.

    Idempotent: a second call returns the existing completion. Refused with a
    ``ProgressError`` when the item is not part of the course or is still locked
    (sequential courses). When it was the last required item, the enrollment is
    completed (once) and ``course_completed`` is sent.
    """
    course = enrollment.course
    outline = course_outline(course)
    item = outline.item(lesson.pk)
    if item is None:
        raise ProgressError(_("Esta lección no forma parte de su curso."))
    if item.kind != "leccion":
        raise ProgressError(_("Las evaluaciones se completan al aprobarlas."))
    progress = progress_for(enrollment=enrollment, course=course, outline=outline)
    reason = progress.locked_reason(item)
    if reason:
        raise ProgressError(reason)
    with transaction.atomic():
        completion, _created = LessonCompletion.objects.get_or_create(
            enrollment=enrollment, lesson_id=lesson.pk
        )
        Enrollment.objects.filter(pk=enrollment.pk).update(
            last_activity_at=timezone.now(), last_item_id=lesson.pk
        )
        complete_enrollment_if_done(enrollment=enrollment, outline=outline)
    return completion


def complete_enrollment_if_done(*, enrollment: Enrollment, outline=None) -> bool:
    """Complete the enrollment when every required item is done. Only the first
    caller wins (conditional UPDATE), so ``course_completed`` is sent once."""
    if outline is None:
        outline = course_outline(enrollment.course)
    progress = progress_for(
        enrollment=enrollment, course=outline.course, outline=outline
    )
    if not progress.is_complete:
        return False
    now = timezone.now()
    updated = Enrollment.objects.filter(
        pk=enrollment.pk, completed_at__isnull=True
    ).update(completed_at=now, status=Enrollment.Status.COMPLETED)
    if not updated:
        return False
    enrollment.completed_at = now
    enrollment.status = Enrollment.Status.COMPLETED
    course_completed.send(sender=Enrollment, enrollment=enrollment)
    return True
