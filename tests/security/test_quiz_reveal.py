"""Correct answers stay hidden while any attempt is open or can still start.

Every review policy × reveal rule × learner state, read through the learner's
own result page of an earlier attempt (where the leak was), the attempt page
and its JSON answers, and the selector that decides."""

import random
import re

import pytest

from cursos.models import QuizAttempt, QuizPage
from cursos.selectors import quiz_state
from cursos.services import quizzes
from cursos.services.enrollment import enroll
from cursos.services.quizzes import (
    build_snapshot,
    grant_extra_attempt,
    start_attempt,
    submit_attempt,
)
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    question,
    right_answers,
    wrong_answers,
)
from tests.forms import post_form

pytestmark = pytest.mark.django_db

REVEALED = re.compile(r"tag--ok|Comentario de la opción|Explicación de la pregunta")


def result_url(attempt):
    return f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/resultado/"


def attempt_url(attempt):
    return f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/"


def _take(enrollment, quiz, *, right=False):
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    answers = right_answers(attempt) if right else wrong_answers(attempt)
    return submit_attempt(attempt=attempt, answers=answers)


def _grant(enrollment, quiz):
    grant_extra_attempt(
        enrollment=enrollment, quiz=quiz, granted_by=UserFactory(coordinator=True)
    )


# Each state: (max_attempts, wait_minutes, steps), steps run after a first
# wrong attempt. "open" marks the states with an attempt in progress.
STATES = {
    "intento_abierto": (2, None, ["start"]),
    "quedan_intentos": (2, None, []),
    "espera_pendiente": (2, 60, []),
    "agotados": (1, None, []),
    "sin_limite": (None, None, []),
    "aprobada": (2, None, ["pass"]),
    "tras_conceder": (1, None, ["grant"]),
    "tras_conceder_abierto": (1, None, ["grant", "start"]),
    "tras_conceder_usado": (1, None, ["grant", "fail"]),
}
# Under "al_final" answers show only when no attempt is open and none can start.
REVEALED_AT_END = {"agotados", "aprobada", "tras_conceder_usado"}
# Under "siempre" they show whenever no attempt is open.
OPEN = {"intento_abierto", "tras_conceder_abierto"}


def _build_state(course, user, state, review, reveal):
    max_attempts, wait, steps = STATES[state]
    quiz = add_quiz(
        course,
        questions=[
            question(prompt="Única", correct=(1,)),
            question(kind="multiple", prompt="Varias", correct=(0, 2)),
            question(kind="true_false", prompt="VoF", correct=(1,)),
        ],
        max_attempts=max_attempts,
        wait_minutes=wait,
        review=review,
        reveal=reveal,
    )
    enrollment = enroll(user=user, course=course)
    first = _take(enrollment, quiz)
    for step in steps:
        if step == "start":
            start_attempt(enrollment=enrollment, quiz=quiz)
        elif step == "grant":
            _grant(enrollment, quiz)
        elif step == "fail":
            _take(enrollment, quiz)
        elif step == "pass":
            _take(enrollment, quiz, right=True)
    return quiz, enrollment, first


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("reveal", [r.value for r in QuizPage.Reveal])
@pytest.mark.parametrize("review", [r.value for r in QuizPage.Review])
def test_answers_shown_only_when_no_attempt_is_open_or_can_start(
    client, participant, state, reveal, review
):
    course = build_course(modules=1, lessons=1)
    quiz, enrollment, first = _build_state(course, participant, state, review, reveal)
    if reveal == QuizPage.Reveal.ALWAYS:
        revealed = state not in OPEN
    else:
        revealed = state in REVEALED_AT_END
    assert quiz_state(enrollment=enrollment, quiz=quiz).answers_revealed is revealed
    expected = revealed and review == QuizPage.Review.FULL
    client.force_login(participant)
    for attempt in QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz):
        response = client.get(result_url(attempt), follow=True)
        assert response.status_code == 200
        html = response.content.decode()
        assert bool(REVEALED.search(html)) is (expected and not attempt.is_open), (
            attempt.number,
            attempt.is_open,
        )
        if attempt.is_open:
            # The attempt page itself: prompts and choices, never the answers.
            assert "Única" in html and not REVEALED.search(html)


def test_open_attempt_result_page_says_why_answers_are_hidden(client, participant):
    course = build_course(modules=1, lessons=1)
    _quiz, _enrollment, first = _build_state(
        course,
        participant,
        "intento_abierto",
        QuizPage.Review.FULL,
        QuizPage.Reveal.ALWAYS,
    )
    client.force_login(participant)
    html = client.get(result_url(first)).content.decode()
    assert "no se muestran mientras tenga un intento en curso" in html
    assert not REVEALED.search(html)


def test_json_answers_of_the_last_attempt_carry_no_answers(csrf_client, participant):
    course = build_course(modules=1, lessons=1)
    quiz, enrollment, _first = _build_state(
        course,
        participant,
        "intento_abierto",
        QuizPage.Review.FULL,
        QuizPage.Reveal.PASSED_OR_EXHAUSTED,
    )
    attempt = QuizAttempt.objects.get(enrollment=enrollment, submitted_at=None)
    csrf_client.force_login(participant)
    key = attempt.snapshot[0]["key"]
    choice = attempt.snapshot[0]["choices"][0]["key"]
    response = post_form(
        csrf_client,
        attempt_url(attempt),
        {f"q-{key}": choice},
        action=attempt_url(attempt),
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert response.status_code == 200
    assert response.json() == {"guardado": True}
    refused = post_form(
        csrf_client,
        attempt_url(attempt),
        {f"q-{key}": "no-existe"},
        action=attempt_url(attempt),
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert refused.status_code == 400
    assert set(refused.json()) == {"error"}
    # Still hidden on the earlier result page after both requests.
    assert not quiz_state(enrollment=enrollment, quiz=quiz).answers_revealed


def test_extra_attempt_after_the_reveal_is_reshuffled(participant, monkeypatch):
    course = build_course(modules=1, lessons=1)
    bank = [question(prompt=f"Pregunta {n}", choices=5) for n in range(8)]
    quiz = add_quiz(
        course,
        questions=bank,
        max_attempts=1,
        review=QuizPage.Review.FULL,
        reveal=QuizPage.Reveal.PASSED_OR_EXHAUSTED,
    )
    enrollment = enroll(user=participant, course=course)
    first = _take(enrollment, quiz)
    in_bank_order = [f"Pregunta {n}" for n in range(8)]
    assert [q["prompt"] for q in first.snapshot] == in_bank_order
    assert quiz_state(enrollment=enrollment, quiz=quiz).answers_seen
    _grant(enrollment, quiz)
    monkeypatch.setattr(quizzes, "_random", random.Random(11))
    extra = start_attempt(enrollment=enrollment, quiz=quiz)
    assert sorted(q["prompt"] for q in extra.snapshot) == sorted(in_bank_order)
    assert [q["prompt"] for q in extra.snapshot] != in_bank_order
    assert any(
        [c["text"] for c in q["choices"]] != [f"Opción {i + 1}" for i in range(5)]
        for q in extra.snapshot
    )
    # A learner who never saw the answers keeps the quiz's order.
    other = enroll(user=UserFactory(), course=course)
    _grant(other, quiz)
    assert [
        q["prompt"] for q in start_attempt(enrollment=other, quiz=quiz).snapshot
    ] == in_bank_order


def test_build_snapshot_reshuffle_overrides_the_quiz_settings():
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(
        course, questions=[question(prompt=f"P{n}", choices=4) for n in range(6)]
    )
    plain = build_snapshot(quiz, random.Random(5))
    shuffled = build_snapshot(quiz, random.Random(5), reshuffle=True)
    assert [q["prompt"] for q in plain] == [f"P{n}" for n in range(6)]
    assert [q["prompt"] for q in shuffled] != [f"P{n}" for n in range(6)]
