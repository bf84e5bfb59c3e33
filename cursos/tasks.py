from celery import shared_task

from .services.quizzes import close_expired_attempts


@shared_task(name="cursos.close_expired_quiz_attempts")
def close_expired_quiz_attempts() -> int:
    """Beat task: close and grade quiz attempts whose time is over."""
    return close_expired_attempts()
