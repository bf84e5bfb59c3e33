"""Exam-day autosave (issue 17): the page's script sends only the questions
that changed, the server stores them in one small UPDATE, and every rule of the
quiz issue still holds (only the owner, attempt open, server deadline, answers
checked against the snapshot, no answer leaks, CSRF)."""

import datetime
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cursos.models import Cohort, QuizAttempt
from cursos.services.enrollment import enroll
from cursos.services.quizzes import save_answers, start_attempt, submit_attempt
from tests.factories import UserFactory, add_quiz, build_course, right_answers
from tests.forms import csrf_token_of_form

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def attempt_url(attempt):
    return f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/"


@pytest.fixture
def setup(participant):
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, max_attempts=3, time_limit_minutes=20)
    enrollment = enroll(user=participant, course=course)
    return quiz, enrollment


def token(client, attempt):
    html = client.get(attempt_url(attempt)).content.decode()
    return csrf_token_of_form(html, attempt_url(attempt), attempt_url(attempt))


def autosave(client, attempt, changes: dict, csrf: str):
    """What static/js/evaluacion.js posts when answers change (form-encoded,
    as fetch sends URLSearchParams)."""
    data = {"csrfmiddlewaretoken": csrf, "accion": "guardar", "pregunta": []}
    for key, chosen in changes.items():
        data["pregunta"].append(key)
        if chosen:
            data[f"q-{key}"] = chosen
    return client.post(
        attempt_url(attempt),
        urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded;charset=UTF-8",
        HTTP_X_REQUESTED_WITH="fetch",
    )


def stored(attempt):
    return QuizAttempt.objects.get(pk=attempt.pk).answers


def test_only_the_changed_question_is_stored_and_the_rest_kept(
    client, participant, setup
):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    right = right_answers(attempt)
    first, second, third = list(right)[:3]
    client.force_login(participant)
    csrf = token(client, attempt)
    for key in (first, second, third):
        response = autosave(client, attempt, {key: right[key]}, csrf)
        assert response.json() == {"guardado": True}  # nothing else is sent back
    assert stored(attempt) == {k: right[k] for k in (first, second, third)}
    # Unchecking every choice of a question removes its answer.
    autosave(client, attempt, {second: []}, csrf)
    assert stored(attempt) == {first: right[first], third: right[third]}


def test_two_saves_read_before_either_wrote_both_stay(setup):
    """Two autosaves in flight at once (a slow phone): each replaces only its
    question in the database, so neither overwrites the other."""
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    right = right_answers(attempt)
    first, second = list(right)[:2]
    one = QuizAttempt.objects.get(pk=attempt.pk)
    other = QuizAttempt.objects.get(pk=attempt.pk)
    save_answers(attempt=one, answers={first: right[first]}, only=[first])
    save_answers(attempt=other, answers={second: right[second]}, only=[second])
    assert stored(attempt) == {first: right[first], second: right[second]}


def test_autosave_costs_three_queries_and_one_write(client, participant, setup):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    key, chosen = next(iter(right_answers(attempt).items()))
    client.force_login(participant)
    csrf = token(client, attempt)
    with CaptureQueriesContext(connection) as captured:
        response = autosave(client, attempt, {key: chosen}, csrf)
    assert response.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    assert len(sql) <= 3, sql
    assert sum(s.lstrip().upper().startswith(WRITES) for s in sql) == 1, sql
    # The quiz page (its whole question bank) is never read to save an answer.
    assert not any("cursos_quizpage" in s for s in sql), sql


@pytest.fixture
def edition_attempt(participant):
    """An open attempt of a timed quiz in a course with a running edition."""
    now = timezone.now()
    today = timezone.localdate()
    course = build_course(
        modules=1,
        lessons=1,
        cohorts=[
            {
                "name": "Edición de prueba",
                "enrollment_opens": now - datetime.timedelta(days=5),
                "enrollment_closes": now + datetime.timedelta(days=5),
                "starts_on": today - datetime.timedelta(days=1),
                "ends_on": today + datetime.timedelta(days=30),
            }
        ],
    )
    quiz = add_quiz(course, time_limit_minutes=20)
    cohort = Cohort.objects.get(course=course)
    enrollment = enroll(user=participant, course=course, cohort=cohort)
    assert enrollment.cohort_id == cohort.pk
    return start_attempt(enrollment=enrollment, quiz=quiz)


def test_autosave_in_an_edition_costs_the_same(client, participant, edition_attempt):
    """The edition's dates (may the learner still record?) come in the same
    query as the attempt."""
    attempt = edition_attempt
    key, chosen = next(iter(right_answers(attempt).items()))
    client.force_login(participant)
    csrf = token(client, attempt)
    with CaptureQueriesContext(connection) as captured:
        response = autosave(client, attempt, {key: chosen}, csrf)
    assert response.status_code == 200
    assert len(captured) <= 3, [q["sql"] for q in captured.captured_queries]
    assert stored(attempt) == {key: chosen}


def test_attempt_page_reads_the_attempt_once_and_not_the_quiz_bank(
    client, participant, setup
):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    client.get(attempt_url(attempt))  # warm the caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(attempt_url(attempt))
    assert response.status_code == 200
    assert quiz.title in response.content.decode()
    sql = [q["sql"] for q in captured.captured_queries]
    assert len(sql) <= 2, sql
    assert sum("cursos_quizattempt" in s for s in sql) == 1, sql
    assert not any('"questions"' in s for s in sql), sql


def test_autosave_after_the_server_deadline_is_refused_and_closes(
    client, participant, setup
):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    right = right_answers(attempt)
    first, second = list(right)[:2]
    client.force_login(participant)
    csrf = token(client, attempt)
    autosave(client, attempt, {first: right[first]}, csrf)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=10)
    )
    response = autosave(client, attempt, {second: right[second]}, csrf)
    assert response.status_code == 409 and response.json()["cerrado"] is True
    closed = QuizAttempt.objects.get(pk=attempt.pk)
    assert closed.status == QuizAttempt.Status.EXPIRED
    # Graded with what was saved in time; the late answer is not stored.
    assert closed.answers == {first: right[first]}


def test_autosave_of_a_submitted_attempt_is_refused(client, participant, setup):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    right = right_answers(attempt)
    client.force_login(participant)
    csrf = token(client, attempt)
    submit_attempt(attempt=attempt, answers={})
    key = next(iter(right))
    response = autosave(client, attempt, {key: right[key]}, csrf)
    assert response.status_code == 302  # to the result: nothing to save
    assert stored(attempt) == {}


def test_autosave_on_someone_elses_attempt_is_404_and_changes_nothing(client, setup):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    key, chosen = next(iter(right_answers(attempt).items()))
    other = UserFactory()
    other_course_quiz_setup = enroll(user=other, course=enrollment.course)
    own = start_attempt(enrollment=other_course_quiz_setup, quiz=quiz)
    client.force_login(other)
    csrf = token(client, own)
    response = autosave(client, attempt, {key: chosen}, csrf)
    assert response.status_code == 404
    assert stored(attempt) == {}


def test_autosave_checks_answers_against_the_snapshot(client, participant, setup):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    right = right_answers(attempt)
    first = next(iter(right))
    client.force_login(participant)
    csrf = token(client, attempt)
    for changes in (
        {"inventada": ["x"]},  # a question not in the attempt
        {first: ["no-existe"]},  # a choice not in the question
        {"inventada": []},  # removing a question not in the attempt
    ):
        response = autosave(client, attempt, changes, csrf)
        assert response.status_code == 400, changes
        assert "no corresponde" in response.json()["error"]
    assert stored(attempt) == {}


def test_autosave_without_csrf_token_is_refused(client, participant, setup):
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    key, chosen = next(iter(right_answers(attempt).items()))
    client.force_login(participant)
    response = autosave(client, attempt, {key: chosen}, "")
    assert response.status_code == 403
    assert stored(attempt) == {}


def test_submit_grades_the_whole_form_after_partial_autosaves(
    client, participant, setup
):
    """The submit button posts the whole form: its answers are the result."""
    quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    right = right_answers(attempt)
    client.force_login(participant)
    csrf = token(client, attempt)
    first = next(iter(right))
    autosave(client, attempt, {first: right[first]}, csrf)
    data = {f"q-{k}": v for k, v in right.items()}
    data.update(csrfmiddlewaretoken=csrf, accion="enviar")
    response = client.post(attempt_url(attempt), data)
    assert response.status_code == 302 and response.url.endswith("/resultado/")
    done = QuizAttempt.objects.get(pk=attempt.pk)
    assert done.passed and done.answers == right


def test_submit_in_an_edition_stays_in_budget_without_the_question_bank(
    client, participant, edition_attempt
):
    """Submit: ≤ 8 queries, ≤ 3 writes (QUALITY.md), the edition's dates in the
    attempt's query, and the quiz's question bank never read."""
    attempt = edition_attempt
    right = right_answers(attempt)
    client.force_login(participant)
    data = {f"q-{k}": v for k, v in right.items()}
    data.update(csrfmiddlewaretoken=token(client, attempt), accion="enviar")
    client.get(attempt.quiz.url)  # the course outline is cached, as on exam day
    with CaptureQueriesContext(connection) as captured:
        response = client.post(attempt_url(attempt), data)
    assert response.status_code == 302
    sql = [q["sql"] for q in captured.captured_queries]
    real = [s for s in sql if s.strip().upper() not in ("BEGIN", "COMMIT")]
    assert len(real) <= 8, sql
    assert sum(s.lstrip().upper().startswith(WRITES) for s in real) <= 3, sql
    assert not any('"questions"' in s for s in sql), sql
    assert QuizAttempt.objects.get(pk=attempt.pk).passed
