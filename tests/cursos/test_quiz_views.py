import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cursos.models import QuizAttempt
from cursos.services.enrollment import enroll
from cursos.services.quizzes import start_attempt
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    right_answers,
    wrong_answers,
)
from tests.forms import csrf_token, csrf_token_of_form, post_form

pytestmark = pytest.mark.django_db


def form(answers, action="guardar"):
    data = {f"q-{key}": chosen for key, chosen in answers.items()}
    data["accion"] = action
    return data


def attempt_url(attempt):
    return f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/"


def start_url(quiz):
    return f"/mi-aprendizaje/evaluaciones/{quiz.pk}/comenzar/"


def answer(client, attempt, data, **extra):
    """Post ``data`` from the attempt page's form, as the page (or its
    autosave script, which sends the form's FormData) does."""
    return post_form(client, attempt_url(attempt), data, **extra)


def token_of_attempt_page(client, attempt):
    page = client.get(attempt_url(attempt)).content.decode()
    return csrf_token_of_form(page, attempt_url(attempt), attempt_url(attempt))


@pytest.fixture
def setup(participant):
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, max_attempts=3, time_limit_minutes=20)
    enrollment = enroll(user=participant, course=course)
    return course, quiz, enrollment


def test_quiz_page_shows_the_rules(client, participant, setup):
    _course, quiz, _enrollment = setup
    client.force_login(participant)
    html = client.get(quiz.url).content.decode()
    assert "4 preguntas por intento" in html
    assert "Se aprueba con 70 % o más." in html
    assert "le quedan 3" in html
    assert "Tiempo límite: 20 minutos" in html
    assert "Comenzar la evaluación" in html


def test_start_needs_post_login_and_enrollment(client, setup):
    _course, quiz, _enrollment = setup
    url = start_url(quiz)
    token = {"csrfmiddlewaretoken": csrf_token(client)}
    assert "/cuentas/login/" in client.post(url, token).url
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(url).status_code == 405
    # Not enrolled: the quiz page offers no start form, a forged POST with a
    # valid token starts nothing.
    token = {"csrfmiddlewaretoken": csrf_token(client, quiz.url)}
    response = client.post(url, token, follow=True)
    assert "Inscríbase en el curso" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_start_then_answer_without_javascript_then_submit(client, participant, setup):
    _course, quiz, _enrollment = setup
    client.force_login(participant)
    response = post_form(client, quiz.url, action=start_url(quiz))
    attempt = QuizAttempt.objects.get()
    assert response.url == attempt_url(attempt)
    page = client.get(attempt_url(attempt)).content.decode()
    assert "Hora límite:" in page and "hora de Guatemala" in page
    answers = right_answers(attempt)
    response = answer(client, attempt, form(answers), follow=True)
    assert "Sus respuestas se guardaron." in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.answers == answers
    assert response.content.decode().count("checked") == 4
    response = answer(client, attempt, form(answers, "enviar"))
    assert response.url.endswith("/resultado/")
    result = client.get(response.url).content.decode()
    assert "¡Aprobó!" in result and "100 %" in result


def test_autosave_answers_json(client, participant, setup):
    _course, quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    response = answer(
        client, attempt, form(right_answers(attempt)), HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.json() == {"guardado": True}
    bad = answer(
        client,
        attempt,
        {"q-inventada": "x", "accion": "guardar"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert bad.status_code == 400 and "no corresponde" in bad.json()["error"]


def test_tampered_answers_get_a_message_and_change_nothing(client, participant, setup):
    _course, quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    response = answer(client, attempt, {"q-inventada": "x", "accion": "enviar"})
    assert response.status_code == 400
    assert "no corresponde a las preguntas" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == {}


def test_another_learners_attempt_is_404_for_reading_and_posting(client, setup):
    _course, quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    intruder = UserFactory()
    enroll(user=intruder, course=enrollment.course)
    client.force_login(intruder)
    assert client.get(attempt_url(attempt)).status_code == 404
    # The intruder holds a valid token of their own session (from the quiz
    # page, where they may start their own attempt).
    data = form(right_answers(attempt), "enviar")
    data["csrfmiddlewaretoken"] = csrf_token(client, quiz.url)
    assert client.post(attempt_url(attempt), data).status_code == 404
    assert client.get(attempt_url(attempt) + "resultado/").status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open


def test_double_submission_returns_the_stored_result(client, participant, setup):
    _course, quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    token = token_of_attempt_page(client, attempt)
    wrong = {**form(wrong_answers(attempt), "enviar"), "csrfmiddlewaretoken": token}
    right = {**form(right_answers(attempt), "enviar"), "csrfmiddlewaretoken": token}
    client.post(attempt_url(attempt), wrong)
    # The same page submitted again (back button, double click).
    replay = client.post(attempt_url(attempt), right)
    assert replay.status_code == 302 and replay.url.endswith("/resultado/")
    attempt.refresh_from_db()
    assert attempt.percent == 0


def test_failed_with_no_attempts_left_is_told_what_to_do(client, participant):
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, max_attempts=1)
    enrollment = enroll(user=participant, course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    answer(client, attempt, form(wrong_answers(attempt), "enviar"))
    html = client.get(attempt_url(attempt) + "resultado/").content.decode()
    assert "Agotó sus intentos" in html and "coordinación del curso" in html
    assert "Intentar de nuevo" not in html


def test_quiz_page_queries_are_flat_and_within_budget(client, participant):
    def quiz_page_queries(modules, lessons):
        course = build_course(modules=modules, lessons=lessons)
        quiz = add_quiz(course, max_attempts=5)
        enrollment = enroll(user=participant, course=course)
        for _ in range(2):
            attempt = start_attempt(enrollment=enrollment, quiz=quiz)
            answer(client, attempt, form(wrong_answers(attempt), "enviar"))
        client.get(quiz.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(quiz.url).status_code == 200
        return len(captured)

    client.force_login(participant)
    small, large = quiz_page_queries(2, 5), quiz_page_queries(10, 10)
    assert small == large
    assert large <= 10, large


def test_submission_within_8_queries_and_3_writes(client, participant, setup):
    _course, quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    client.get(quiz.url)  # warm caches: session, site, course outline
    data = form(right_answers(attempt), "enviar")
    data["csrfmiddlewaretoken"] = token_of_attempt_page(client, attempt)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(attempt_url(attempt), data)
    assert response.status_code == 302
    # The test runs inside a transaction, so the service's atomic block shows up
    # as SAVEPOINT/RELEASE; in production it is the outer transaction, whose
    # BEGIN/COMMIT Django does not log. Those are not counted.
    statements = [
        q["sql"].split()[0].upper()
        for q in captured.captured_queries
        if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    writes = [s for s in statements if s in {"INSERT", "UPDATE", "DELETE"}]
    assert len(statements) <= 8, "\n".join(
        q["sql"][:120] for q in captured.captured_queries
    )
    assert len(writes) <= 3, statements


def test_the_attempt_page_escapes_choice_texts_and_marks_saved_answers(
    client, participant, setup
):
    """Each choice is one answer_choice tag (cursos/templatetags/quiz_tags.py),
    outside the template's autoescaping: its text and key are escaped there."""
    _course, quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    question = attempt.snapshot[0]
    first, second = question["choices"][:2]
    first["text"] = '<script>alert("x")</script> & <b>'
    attempt.answers = {question["key"]: [second["key"]]}
    attempt.save(update_fields=["snapshot", "answers"])
    client.force_login(participant)
    html = client.get(attempt_url(attempt)).content.decode()
    assert "<script>" not in html.split("<body", 1)[1].replace('<script src="', "")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    assert (
        f'<input type="radio" name="q-{question["key"]}" id="c-{second["key"]}" '
        f'value="{second["key"]}" checked><label for="c-{second["key"]}">'
    ) in html
    assert f'id="c-{first["key"]}" value="{first["key"]}">' in html


def test_a_post_without_the_pages_token_is_refused_and_changes_nothing(
    client, participant, setup
):
    """Every POST in this file goes through the ``client`` fixture, a
    Client(enforce_csrf_checks=True) (tests/conftest.py), with the page's
    token; without it a submit or an autosave is refused as a forged request."""
    assert client.handler.enforce_csrf_checks
    _course, quiz, enrollment = setup
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    client.force_login(participant)
    for action in ("enviar", "guardar"):
        response = client.post(
            attempt_url(attempt), form(right_answers(attempt), action)
        )
        assert response.status_code == 403
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == {}
