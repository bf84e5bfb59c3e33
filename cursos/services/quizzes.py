"""Quizzes: start an attempt, save answers, submit, grade, close expired attempts.

Grading is server-side, from the snapshot taken when the attempt started. The
learner's pages never receive correct answers or feedback before the review
policy allows it (see ``public_questions`` and ``review_for``).
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Func, JSONField, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cursos.models import (
    Enrollment,
    ExtraAttempt,
    QuestionResult,
    QuizAttempt,
    QuizPage,
)
from cursos.selectors import course_outline_at, quiz_state
from cursos.services.progress import complete_enrollment_if_done

CENT = Decimal("0.01")
_random = random.SystemRandom()


class QuizError(Exception):
    """Refused; ``str(error)`` is the message for the learner."""


class AttemptClosed(QuizError):
    """The attempt is already submitted or its time is over."""


# --------------------------------------------------------------------- snapshot
def _choice_key() -> str:
    return secrets.token_hex(4)


def _snapshot_question(block) -> dict:
    value = block.value
    question = {
        "key": block.id,
        "type": block.block.kind,
        "prompt": value["prompt"],
        "points": str(value["points"]),
        "explanation": value.get("explanation") or "",
        "scoring": value.get("scoring") or "todo",
    }
    if block.block.kind == "true_false":
        answer = value["answer"]
        question["choices"] = [
            {
                "key": _choice_key(),
                "text": _("Verdadero"),
                "correct": answer == "verdadero",
                "feedback": value.get("feedback_true") or "",
            },
            {
                "key": _choice_key(),
                "text": _("Falso"),
                "correct": answer == "falso",
                "feedback": value.get("feedback_false") or "",
            },
        ]
    else:
        question["choices"] = [
            {
                "key": _choice_key(),
                "text": choice["text"],
                "correct": bool(choice["correct"]),
                "feedback": choice.get("feedback") or "",
            }
            for choice in value["choices"]
        ]
    return question


def build_snapshot(
    quiz: QuizPage, rng: random.Random | None = None, *, reshuffle: bool = False
) -> list[dict]:
    """Draw the attempt's questions (all, or N at random), in order or shuffled,
    with their choices (shuffled when configured). Every attempt draws afresh
    from the bank, with new choice keys; ``reshuffle`` shuffles questions and
    choices even when the quiz does not (an extra attempt for someone who may
    have read the correct answers)."""
    rng = rng or _random
    blocks = list(quiz.questions)
    if quiz.draw_count and quiz.draw_count < len(blocks):
        drawn = set(rng.sample(range(len(blocks)), quiz.draw_count))
        blocks = [b for i, b in enumerate(blocks) if i in drawn]
    if quiz.shuffle_questions or reshuffle:
        rng.shuffle(blocks)
    questions = [_snapshot_question(block) for block in blocks]
    if quiz.shuffle_choices or reshuffle:
        for question in questions:
            if question["type"] != "true_false":
                rng.shuffle(question["choices"])
    return questions


def points_label(points: str) -> str:
    value = Decimal(points).normalize()
    return _("1 punto") if value == 1 else _("%(n)s puntos") % {"n": f"{value:f}"}


def public_questions(
    snapshot: list[dict], chosen: set[str] = frozenset()
) -> list[dict]:
    """What the attempt page may show: prompts and choice texts, nothing else.
    Labels are made here once, not by the template per question (the attempt
    page is one of the most requested pages on exam day)."""
    total = len(snapshot)
    number = _("Pregunta %(n)s de %(total)s")
    return [
        {
            "key": q["key"],
            "type": q["type"],
            "input_type": "checkbox" if q["type"] == "multiple" else "radio",
            "number_label": number % {"n": n, "total": total},
            "prompt": q["prompt"],
            "points_label": points_label(q["points"]),
            "choices": [
                {"key": c["key"], "text": c["text"], "checked": c["key"] in chosen}
                for c in q["choices"]
            ],
        }
        for n, q in enumerate(snapshot, start=1)
    ]


# ---------------------------------------------------------------------- grading
@dataclass(frozen=True)
class QuestionGrade:
    key: str
    points: Decimal
    max_points: Decimal

    @property
    def correct(self) -> bool:
        return self.points == self.max_points


@dataclass(frozen=True)
class Grade:
    score: Decimal
    max_score: Decimal
    questions: tuple[QuestionGrade, ...] = field(default=())

    @property
    def percent(self) -> Decimal:
        if not self.max_score:
            return Decimal("0.00")
        return (self.score * 100 / self.max_score).quantize(CENT, ROUND_HALF_UP)


def _question_points(question: dict, chosen: set[str]) -> Decimal:
    points = Decimal(question["points"])
    correct = {c["key"] for c in question["choices"] if c["correct"]}
    if question["type"] == "multiple" and question.get("scoring") == "parcial":
        valid = {c["key"] for c in question["choices"]}
        chosen = chosen & valid
        right = len(chosen & correct)
        wrong = len(chosen - correct)
        fraction = max(Decimal(0), Decimal(right - wrong) / Decimal(len(correct)))
        return (points * min(fraction, Decimal(1))).quantize(CENT, ROUND_HALF_UP)
    return points if chosen == correct else Decimal("0.00")


def grade(snapshot: list[dict], answers: dict[str, list[str]]) -> Grade:
    """Pure: the score of ``answers`` against the snapshot's correct choices."""
    results = []
    for question in snapshot:
        chosen = set(answers.get(question["key"], []))
        results.append(
            QuestionGrade(
                key=question["key"],
                points=_question_points(question, chosen),
                max_points=Decimal(question["points"]),
            )
        )
    return Grade(
        score=sum((r.points for r in results), Decimal("0.00")),
        max_score=sum((r.max_points for r in results), Decimal("0.00")),
        questions=tuple(results),
    )


# ------------------------------------------------------------------- answers
def clean_answers(
    snapshot: list[dict], raw: dict[str, list[str]]
) -> dict[str, list[str]]:
    """Answers checked against the snapshot. Unknown questions or choices, or
    several choices for a one-answer question, are refused with a message."""
    questions = {q["key"]: q for q in snapshot}
    cleaned: dict[str, list[str]] = {}
    for key, chosen in raw.items():
        question = questions.get(key)
        if question is None:
            raise QuizError(
                _("Una respuesta no corresponde a las preguntas de su intento.")
            )
        valid = {c["key"] for c in question["choices"]}
        chosen = [c for c in dict.fromkeys(chosen) if c]
        if any(c not in valid for c in chosen):
            raise QuizError(
                _("Una respuesta no corresponde a las opciones de la pregunta.")
            )
        if question["type"] != "multiple" and len(chosen) > 1:
            raise QuizError(_("En esta pregunta solo puede elegir una opción."))
        if chosen:
            cleaned[key] = chosen
    return cleaned


def _grace() -> timedelta:
    return timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS)


def is_past_deadline(attempt: QuizAttempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + _grace()


# ------------------------------------------------------------------- writes
def _refuse_outside_edition(enrollment: Enrollment) -> None:
    """Before the edition starts and after it ends learners record nothing."""
    from cursos.selectors import edition_refusal

    refusal = edition_refusal(enrollment)
    if refusal:
        raise QuizError(refusal)


def start_attempt(*, enrollment: Enrollment, quiz: QuizPage, now=None) -> QuizAttempt:
    """Start an attempt, or return the one already open.

    Refused when no attempts are left, the wait between attempts has not passed,
    or the quiz is already passed. Two concurrent starts create one attempt: the
    database allows one open attempt per learner and quiz. An extra attempt
    started after the correct answers may have been read draws afresh and
    shuffles questions and choices whatever the quiz's settings; while it is
    open (or can still start) the answers are hidden again.
    """
    now = now or timezone.now()
    _refuse_outside_edition(enrollment)
    state = quiz_state(enrollment=enrollment, quiz=quiz, now=now)
    open_attempt = state.open_attempt
    if open_attempt is not None:
        if not is_past_deadline(open_attempt, now):
            return QuizAttempt.objects.get(pk=open_attempt.pk)
        close_attempt(attempt=QuizAttempt.objects.get(pk=open_attempt.pk), now=now)
        state = quiz_state(enrollment=enrollment, quiz=quiz, now=now)
    if not state.can_start:
        raise QuizError(state.blocked_reason)
    granted_after_reveal = (
        quiz.max_attempts is not None
        and state.used >= quiz.max_attempts
        and state.answers_seen
    )
    snapshot = build_snapshot(quiz, reshuffle=granted_after_reveal)
    max_score = sum((Decimal(q["points"]) for q in snapshot), Decimal("0.00"))
    deadline = (
        now + timedelta(minutes=quiz.time_limit_minutes)
        if quiz.time_limit_minutes
        else None
    )
    try:
        with transaction.atomic():
            number = (
                QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz).aggregate(
                    n=Max("number")
                )["n"]
                or 0
            ) + 1
            return QuizAttempt.objects.create(
                enrollment=enrollment,
                quiz=quiz,
                number=number,
                deadline=deadline,
                snapshot=snapshot,
                max_score=max_score,
            )
    except IntegrityError:
        # A concurrent request started it first: that one is the attempt.
        return QuizAttempt.objects.get(
            enrollment=enrollment, quiz=quiz, submitted_at__isnull=True
        )


class _AnswersWithChanges(Func):
    """The ``answers`` column with some questions replaced or removed, computed
    by the database, so an autosave is one UPDATE whatever else was saved and
    two saves of different questions in flight at once both stay."""

    def __init__(self, changes: dict[str, list[str]]):
        super().__init__(F("answers"), output_field=JSONField())
        self.changes = changes

    def _parts(self):
        removed = sorted(k for k, v in self.changes.items() if not v)
        kept = {k: v for k, v in self.changes.items() if v}
        return removed, kept

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        removed, kept = self._parts()
        return (
            f"(({column} - %s::text[]) || %s::jsonb)",
            (*params, removed, json.dumps(kept)),
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        # RFC 7396 merge patch: null removes a key, a list replaces the value.
        column, params = compiler.compile(self.source_expressions[0])
        removed, kept = self._parts()
        patch = {**dict.fromkeys(removed), **kept}
        return f"json_patch({column}, %s)", (*params, json.dumps(patch))

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError(connection.vendor)


def save_answers(
    *, attempt: QuizAttempt, answers: dict, only: list[str] | None = None, now=None
) -> QuizAttempt:
    """Store the learner's answers so far. After the deadline (plus a short grace)
    nothing is stored: the attempt is closed and graded with what was saved.

    Without ``only`` the answers replace everything saved (the form's "Guardar
    respuestas" button sends the whole form). With ``only`` (the question keys
    the page's script says changed) just those questions are replaced, or
    removed when they come with no choice: one UPDATE that also checks, in the
    database, that the attempt is still open and within its time. The attempt
    needs only its snapshot, deadline, submitted_at and enrollment (with its
    edition) loaded: the autosave request never reads the quiz page.
    """
    now = now or timezone.now()
    if not attempt.is_open:
        raise AttemptClosed(_("Este intento ya fue enviado."))
    _refuse_outside_edition(attempt.enrollment)
    if is_past_deadline(attempt, now):
        _close_late(attempt, now)
    if only is None:
        cleaned = clean_answers(attempt.snapshot, answers)
        value = cleaned
    else:
        scope = dict.fromkeys([*only, *answers])
        cleaned = clean_answers(
            attempt.snapshot, {key: answers.get(key, []) for key in scope}
        )
        value = _AnswersWithChanges({key: cleaned.get(key, []) for key in scope})
    in_time = Q(deadline__isnull=True) | Q(deadline__gte=now - _grace())
    stored = QuizAttempt.objects.filter(
        in_time, pk=attempt.pk, submitted_at__isnull=True
    ).update(answers=value)
    if not stored:
        # Submitted or closed since it was read (another tab, the periodic task).
        fresh = QuizAttempt.objects.select_related("quiz", "enrollment").get(
            pk=attempt.pk
        )
        if fresh.is_open and is_past_deadline(fresh, now):
            _close_late(fresh, now)
        raise AttemptClosed(_("Este intento ya fue enviado."))
    if only is None:
        attempt.answers = cleaned
    return attempt


def _close_late(attempt: QuizAttempt, now) -> None:
    full = QuizAttempt.objects.select_related("quiz", "enrollment").get(pk=attempt.pk)
    if full.is_open:
        close_attempt(attempt=full, now=now)
    raise AttemptClosed(
        _("El tiempo terminó: se calificó con las respuestas guardadas antes.")
    )


def submit_attempt(*, attempt: QuizAttempt, answers: dict | None = None, now=None):
    """Grade and close the attempt; idempotent.

    A second submission (double click, another tab, a replayed request) returns
    the stored result and changes nothing. Answers arriving after the deadline
    plus grace are ignored: the attempt is graded with what was saved before.
    """
    now = now or timezone.now()
    if not attempt.is_open:
        return attempt
    _refuse_outside_edition(attempt.enrollment)
    status = QuizAttempt.Status.SUBMITTED
    final_answers = attempt.answers
    if is_past_deadline(attempt, now):
        status = QuizAttempt.Status.EXPIRED
    elif answers is not None:
        final_answers = clean_answers(attempt.snapshot, answers)
    return _finish(attempt=attempt, answers=final_answers, status=status, now=now)


def close_attempt(*, attempt: QuizAttempt, now=None) -> QuizAttempt:
    """Close an attempt whose time is over, graded with its saved answers."""
    return _finish(
        attempt=attempt,
        answers=attempt.answers,
        status=QuizAttempt.Status.EXPIRED,
        now=now or timezone.now(),
    )


def _finish(*, attempt: QuizAttempt, answers: dict, status: str, now) -> QuizAttempt:
    quiz = attempt.quiz
    result = grade(attempt.snapshot, answers)
    passed = result.percent >= quiz.pass_mark
    with transaction.atomic():
        won = QuizAttempt.objects.filter(
            pk=attempt.pk, submitted_at__isnull=True
        ).update(
            answers=answers,
            status=status,
            submitted_at=now,
            score=result.score,
            percent=result.percent,
            passed=passed,
        )
        if not won:
            # Someone else finished it first: theirs is the result.
            return QuizAttempt.objects.get(pk=attempt.pk)
        QuestionResult.objects.bulk_create(
            [
                QuestionResult(
                    attempt_id=attempt.pk,
                    quiz_id=attempt.quiz_id,
                    question_key=q.key,
                    correct=q.correct,
                    points=q.points,
                    max_points=q.max_points,
                )
                for q in result.questions
            ]
        )
        attempt.answers, attempt.status, attempt.submitted_at = answers, status, now
        attempt.score, attempt.percent, attempt.passed = (
            result.score,
            result.percent,
            passed,
        )
        # Passing completes the quiz; in a graded course so does the last
        # allowed attempt (cursos.selectors, the progress records).
        outline = course_outline_at(quiz.path[: -2 * quiz.steplen])
        complete_enrollment_if_done(enrollment=attempt.enrollment, outline=outline)
    return attempt


def close_expired_attempts(*, now=None) -> int:
    """Close and grade every open attempt whose deadline (plus grace) has passed.
    Run periodically by Celery beat; safe to run twice."""
    now = now or timezone.now()
    expired = QuizAttempt.objects.select_related("quiz", "enrollment").filter(
        submitted_at__isnull=True, deadline__lt=now - _grace()
    )
    closed = 0
    for attempt in expired.iterator():
        close_attempt(attempt=attempt, now=now)
        closed += 1
    return closed


def grant_extra_attempt(
    *, enrollment: Enrollment, quiz: QuizPage, granted_by
) -> ExtraAttempt:
    """A coordinator gives one learner one more attempt at one quiz.

    Allowed even when the learner may already have read the correct answers
    (``QuizState.answers_seen``): the participants report warns the coordinator
    beside the button, the answers are hidden again
    until the new attempt is over, and that attempt is drawn and shuffled
    afresh (``start_attempt``)."""
    if (
        enrollment.course_id
        != course_outline_at(quiz.path[: -2 * quiz.steplen]).course_id
    ):
        raise QuizError(_("La evaluación no pertenece al curso de esta inscripción."))
    return ExtraAttempt.objects.create(
        enrollment=enrollment, quiz=quiz, granted_by=granted_by
    )
