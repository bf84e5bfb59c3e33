from celery import shared_task

from .services.quizzes import close_expired_attempts


@shared_task(name="cursos.close_expired_quiz_attempts")
def close_expired_quiz_attempts() -> int:
    """Beat task: close and grade quiz attempts whose time is over."""
    return close_expired_attempts()


@shared_task(name="cursos.record_training_reminders")
def record_training_reminders() -> int:
    """Beat task (daily): bring assignments up to date with the groups, renew
    the trainings whose completion is about to expire (a new assignment and
    enrollment: see renew_due), record the reminders due today and send each
    unsent one (once: see send_reminder)."""
    from .services.required import (
        apply_all_requirements,
        record_due_reminders,
        renew_due,
    )

    apply_all_requirements()
    renew_due()
    reminder_ids = record_due_reminders()
    for reminder_id in reminder_ids:
        send_training_reminder.delay(reminder_id)
    return len(reminder_ids)


@shared_task(name="cursos.send_training_reminder")
def send_training_reminder(reminder_id: int) -> bool:
    from .services.required import send_reminder

    return send_reminder(reminder_id=reminder_id)


@shared_task(name="cursos.send_assignment_reminders")
def send_assignment_reminders() -> int:
    """Beat task (hourly): assignments due within 3 days or overdue, not
    handed in; each reminder once (cursos.services.grading_reminders)."""
    from .services.grading_reminders import assignment_reminders

    return assignment_reminders()


@shared_task(name="cursos.send_tutor_digests")
def send_tutor_digests() -> int:
    """Beat task (daily): each tutor's work waiting to be graded, once a day
    and only when something waits."""
    from .services.grading_reminders import tutor_digests

    return tutor_digests()


@shared_task(name="cursos.advance_waitlists")
def advance_waitlists() -> int:
    """Beat task: expired waiting-list offers pass to the next person, and free
    seats are offered (idempotent: see cursos.services.editions)."""
    from .services.editions import advance_waitlists as advance

    return advance()
