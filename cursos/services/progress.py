"""Writes on progress: completing items, modules and the course.

Content added to a course never takes progress back (the rule is spelled out in
``cursos.selectors``): modules are recorded as completed the moment their last
required item is done, and a completed course stays completed.
"""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from cursos.models import CoursePage, Enrollment, LessonCompletion, ModuleCompletion
from cursos.selectors import (
    build_progress,
    course_outline,
    course_outline_at,
    edition_refusal,
    progress_for,
    records_by_enrollment,
)
from cursos.validity import valid_until

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
    refusal = edition_refusal(enrollment)
    if refusal:
        raise ProgressError(refusal)
    course = enrollment.course
    outline = course_outline(course)
    item = outline.item(lesson.pk)
    if item is None:
        raise ProgressError(_("Esta lección no forma parte de su curso."))
    if item.kind == "tarea":
        raise ProgressError(_("Las tareas se completan al entregarlas."))
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
    """Record the modules just completed and complete the enrollment when every
    required item is done. Module completions are unique per enrollment and
    module (a second call inserts nothing); only the first caller wins the
    conditional UPDATE of the enrollment, so ``course_completed`` is sent once."""
    if outline is None:
        outline = course_outline(enrollment.course)
    progress = progress_for(
        enrollment=enrollment, course=outline.course, outline=outline
    )
    return _record_completions(enrollment=enrollment, progress=progress)


def _record_completions(*, enrollment: Enrollment, progress) -> bool:
    now = timezone.now()
    modules = progress.modules_to_record()
    if modules:
        ModuleCompletion.objects.bulk_create(
            [
                ModuleCompletion(
                    enrollment=enrollment, module_id=m.id, completed_at=now
                )
                for m in modules
            ],
            ignore_conflicts=True,
        )
    if enrollment.completed_at is not None or not progress.is_complete:
        return False
    result = {"final_grade": None, "result": Enrollment.Result.APPROVED}
    if enrollment.course.is_graded:
        # Ungraded required work keeps a graded course open (cursos.services.grades).
        from cursos.services.grades import grading_result

        summary = grading_result(enrollment=enrollment)
        if not summary.is_complete_for_grading:
            return False
        result = {"final_grade": summary.grade, "result": summary.outcome}
    result["valid_until"] = valid_until(
        timezone.localtime(now).date(), enrollment.course.validity_months
    )
    updated = Enrollment.objects.filter(
        pk=enrollment.pk, completed_at__isnull=True
    ).update(completed_at=now, status=Enrollment.Status.COMPLETED, **result)
    if not updated:
        return False
    enrollment.completed_at = now
    enrollment.valid_until = result["valid_until"]
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.final_grade = result["final_grade"]
    enrollment.result = result["result"]
    course_completed.send(sender=Enrollment, enrollment=enrollment)
    return True


def catch_up_course(*, course_path: str) -> int:
    """Record what became complete when content left the course (an item
    unpublished, deleted or moved away): learners who had done everything else
    get their modules and the course completed, and their certificate, without
    having to come back. Three queries plus the writes; safe to run twice.
    Returns how many enrollments were completed."""
    if not CoursePage.objects.filter(path=course_path).exists():
        return 0  # the course itself went away
    outline = course_outline_at(course_path)
    enrollments = list(
        Enrollment.objects.filter(
            course_id=outline.course_id, completed_at__isnull=True
        ).select_related("course")
    )
    records = records_by_enrollment(enrollments)
    completed = 0
    for enrollment in enrollments:
        progress = build_progress(
            outline=outline,
            records=records[enrollment.pk],
            enrollment=enrollment,
            sequential=outline.course.sequential,
        )
        if not progress.modules_to_record() and not progress.is_complete:
            continue
        with transaction.atomic():
            completed += _record_completions(enrollment=enrollment, progress=progress)
    return completed
