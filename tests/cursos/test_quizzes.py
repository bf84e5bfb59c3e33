import re
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from cursos.models import QuestionResult, QuizAttempt, QuizPage
from cursos.selectors import completed_item_ids, progress_for, quiz_state
from cursos.services.enrollment import enroll
from cursos.services.progress import ProgressError, complete_lesson
from cursos.services.quizzes import (
    AttemptClosed,
    QuizError,
    close_expired_attempts,
    grant_extra_attempt,
    save_answers,
    start_attempt,
    submit_attempt,
)
from cursos.tasks import close_expired_quiz_attempts
from tests.factories import (
    add_quiz,
    build_course,
    question,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course(modules=1, lessons=1)


@pytest.fixture
def enrollment(course, participant):
    return enroll(user=participant, course=course)


def test_snapshot_holds_the_drawn_questions_with_their_answers(course, enrollment):
    quiz = add_quiz(course, draw_count=2)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    assert len(attempt.snapshot) == 2
    for q in attempt.snapshot:
        assert sum(c["correct"] for c in q["choices"]) == 1
    assert attempt.max_score == 2
    assert attempt.number == 1


def test_starting_twice_returns_the_open_attempt(course, enrollment):
    quiz = add_quiz(course)
    first = start_attempt(enrollment=enrollment, quiz=quiz)
    assert start_attempt(enrollment=enrollment, quiz=quiz).pk == first.pk
    assert QuizAttempt.objects.count() == 1


def test_passing_counts_as_done_and_failing_does_not(course, enrollment):
    quiz = add_quiz(course, pass_mark=75, max_attempts=2)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    failed = submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    assert failed.passed is False and failed.percent == 0
    assert quiz.pk not in completed_item_ids(enrollment)
    second = start_attempt(enrollment=enrollment, quiz=quiz)
    assert second.number == 2
    passed = submit_attempt(attempt=second, answers=right_answers(second))
    assert passed.passed and passed.percent == 100
    assert quiz.pk in completed_item_ids(enrollment)
    assert QuestionResult.objects.filter(attempt=passed, correct=True).count() == 4


def test_the_course_completes_when_its_last_quiz_is_passed(course, enrollment):
    from cursos.models import LessonPage

    quiz = add_quiz(course)
    complete_lesson(enrollment=enrollment, lesson=LessonPage.objects.get())
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_a_quiz_cannot_be_marked_complete_like_a_lesson(course, enrollment):
    quiz = add_quiz(course)
    with pytest.raises(ProgressError, match="al aprobarlas"):
        complete_lesson(enrollment=enrollment, lesson=quiz)


def test_submitting_twice_returns_the_stored_result(course, enrollment):
    quiz = add_quiz(course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    first = submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    replay = submit_attempt(
        attempt=QuizAttempt.objects.get(pk=attempt.pk), answers=right_answers(attempt)
    )
    assert replay.percent == first.percent == 0
    assert QuestionResult.objects.filter(attempt=attempt).count() == 4


def test_no_attempts_left_then_a_granted_one(course, enrollment, coordinator):
    quiz = add_quiz(course, max_attempts=1)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    with pytest.raises(QuizError, match="Agotó sus intentos"):
        start_attempt(enrollment=enrollment, quiz=quiz)
    grant_extra_attempt(enrollment=enrollment, quiz=quiz, granted_by=coordinator)
    assert start_attempt(enrollment=enrollment, quiz=quiz).number == 2


def test_wait_between_attempts(course, enrollment):
    quiz = add_quiz(course, wait_minutes=30)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
        with pytest.raises(QuizError, match="Podrá intentarlo de nuevo"):
            start_attempt(enrollment=enrollment, quiz=quiz)
        clock.shift(timedelta(minutes=31))
        assert start_attempt(enrollment=enrollment, quiz=quiz).number == 2


def test_no_new_attempt_once_passed(course, enrollment):
    quiz = add_quiz(course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    with pytest.raises(QuizError, match="Ya aprobó"):
        start_attempt(enrollment=enrollment, quiz=quiz)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda a: {"no-existe": [a.snapshot[0]["choices"][0]["key"]]},
        lambda a: {a.snapshot[0]["key"]: ["opcion-inventada"]},
        lambda a: {
            a.snapshot[0]["key"]: [c["key"] for c in a.snapshot[0]["choices"][:2]]
        },
        lambda a: {a.snapshot[0]["key"]: [a.snapshot[1]["choices"][0]["key"]]},
    ],
    ids=["pregunta-ajena", "opcion-inventada", "dos-en-opcion-unica", "opcion-de-otra"],
)
def test_answers_outside_the_snapshot_are_refused(course, enrollment, tamper):
    quiz = add_quiz(course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    with pytest.raises(QuizError):
        save_answers(attempt=attempt, answers=tamper(attempt))
    with pytest.raises(QuizError):
        submit_attempt(attempt=attempt, answers=tamper(attempt))
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.is_open


def test_late_answers_are_not_counted(course, enrollment):
    quiz = add_quiz(course, time_limit_minutes=10)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        first_key = attempt.snapshot[0]["key"]
        saved = {first_key: right_answers(attempt)[first_key]}
        save_answers(attempt=attempt, answers=saved)
        clock.shift(timedelta(minutes=10, seconds=20))  # within the grace
        save_answers(attempt=attempt, answers=saved)
        clock.shift(timedelta(minutes=1))  # past deadline + grace
        result = submit_attempt(attempt=attempt, answers=right_answers(attempt))
    assert result.status == QuizAttempt.Status.EXPIRED
    assert result.percent == 25  # only the answer saved in time counts
    assert result.answers == saved


def test_saving_after_the_deadline_closes_the_attempt(course, enrollment):
    quiz = add_quiz(course, time_limit_minutes=5)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        clock.shift(timedelta(minutes=7))
        with pytest.raises(AttemptClosed):
            save_answers(attempt=attempt, answers=right_answers(attempt))
    attempt.refresh_from_db()
    assert attempt.status == QuizAttempt.Status.EXPIRED and attempt.percent == 0


def test_the_periodic_task_closes_expired_attempts_once(course, enrollment):
    quiz = add_quiz(course, time_limit_minutes=5)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        clock.shift(timedelta(minutes=4))
        assert close_expired_attempts() == 0
        clock.shift(timedelta(minutes=2))
        assert close_expired_quiz_attempts.delay().get() == 1
        assert close_expired_attempts() == 0
    attempt.refresh_from_db()
    assert attempt.status == QuizAttempt.Status.EXPIRED
    assert QuestionResult.objects.filter(attempt=attempt).count() == 4


def test_grading_across_attempts(course, enrollment):
    quiz = add_quiz(course, grading=QuizPage.Grading.LAST, pass_mark=100)
    first = start_attempt(enrollment=enrollment, quiz=quiz)
    answers = right_answers(first)
    answers.pop(next(iter(answers)))
    submit_attempt(attempt=first, answers=answers)  # 75 %
    second = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=second, answers=wrong_answers(second))  # 0 %
    state = quiz_state(enrollment=enrollment, quiz=quiz)
    assert state.best_percent == 75
    assert state.kept_percent == 0


def test_quiz_validation_in_spanish(course):
    from cursos.quiz_blocks import QuizQuestionsBlock

    block = QuizQuestionsBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python([question(correct=(0, 1))]))
    assert "exactamente una correcta" in str(error.value.as_json_data())
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python([question(kind="multiple", correct=())]))
    assert "al menos una opción correcta" in str(error.value.as_json_data())
    quiz = add_quiz(course)
    quiz.draw_count = 9
    with pytest.raises(ValidationError) as error:
        quiz.clean()
    assert "no se pueden sortear 9" in str(error.value)
    quiz.draw_count, quiz.pass_mark = None, 150
    with pytest.raises(ValidationError):
        quiz.full_clean()


def test_progress_counts_quizzes_as_required(course, enrollment):
    add_quiz(course)
    progress = progress_for(enrollment=enrollment, course=course)
    assert progress.required == 2
    kinds = [item.kind for item in progress.outline.items]
    assert kinds == ["leccion", "evaluacion"]
    assert [item.minutes for item in progress.outline.items] == [10, 15]


def _review_html(client, attempt):
    return client.get(
        f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/resultado/"
    ).content.decode()


CHOICE_FEEDBACK = re.compile(
    r"Comentario de la opción|Comentario si dice|Explicación de la pregunta"
)


@pytest.mark.parametrize("review", [r.value for r in QuizPage.Review])
@pytest.mark.parametrize("reveal", [r.value for r in QuizPage.Reveal])
@pytest.mark.parametrize(
    "questions",
    [
        [question(prompt="Única", correct=(1,))],
        [question(kind="multiple", prompt="Varias", correct=(0, 2))],
        [question(kind="true_false", prompt="VoF", correct=(1,))],
    ],
    ids=["unica", "multiple", "verdadero-falso"],
)
def test_the_attempt_page_leaks_no_answers(
    client, course, participant, review, reveal, questions
):
    quiz = add_quiz(course, questions=questions, review=review, reveal=reveal)
    enrollment = enroll(user=participant, course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    html = client.get(
        f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/"
    ).content.decode()
    assert "correct" not in html.lower().replace("correctas", "").replace(
        "correcta", ""
    )
    assert not CHOICE_FEEDBACK.search(html)
    assert "data-correct" not in html and "application/json" not in html
    for q in attempt.snapshot:
        assert q["prompt"] in html
        for choice in q["choices"]:
            assert f'value="{choice["key"]}"' in html


def test_review_policies(client, course, participant):
    quiz = add_quiz(
        course,
        max_attempts=2,
        review=QuizPage.Review.FULL,
        reveal=QuizPage.Reveal.PASSED_OR_EXHAUSTED,
    )
    enrollment = enroll(user=participant, course=course)
    client.force_login(participant)
    first = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=first, answers=wrong_answers(first))
    html = _review_html(client, first)
    assert "Incorrecta" in html
    assert "tag--ok" not in html and not CHOICE_FEEDBACK.search(html)
    second = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=second, answers=wrong_answers(second))  # attempts used up
    html = _review_html(client, second)
    assert "tag--ok" in html and "Explicación de la pregunta" in html
    assert "Agotó sus intentos" in html

    quiz.review = QuizPage.Review.SCORE
    quiz.save_revision().publish()
    assert "Incorrecta" not in _review_html(client, second)
