"""The load test (bench/load) reads the pages and posts back as a browser does:
its parsing and its autosave body must keep matching the real templates and
views, or `make load` would measure a journey that no longer exists. Its
check that no confirmed answer was lost when a worker is killed
(confirmed.py, verify.py) and the pieces of run.py that read gunicorn's log
and Locust's figures are tested here without a load run."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from django.test import Client

from cursos.models import QuestionResult, QuizAttempt
from cursos.services.enrollment import enroll
from cursos.services.quizzes import save_answers, start_attempt, submit_attempt
from tests.factories import add_quiz, build_course, question

pytestmark = pytest.mark.django_db

LOAD = Path(__file__).resolve().parent.parent / "bench/load"


def load_module(name):
    # run.py imports its sibling autovacuum.py, as verify.py imports
    # confirmed.py: the folder goes on the path, as verify.py itself puts it.
    if str(LOAD) not in sys.path:
        sys.path.insert(0, str(LOAD))
    spec = importlib.util.spec_from_file_location(f"load_{name}", LOAD / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def scenario():
    return load_module("scenario_pages")


def exam_course(*, choices: int):
    """A course whose timed quiz has one single-choice and one multiple-choice
    question, as the load test's quiz has."""
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(
        course,
        questions=[
            question(prompt="Una", correct=(1,), choices=choices),
            question(kind="multiple", prompt="Varias", correct=(0, 2), choices=choices),
        ],
        time_limit_minutes=45,
    )
    return course, quiz


def test_the_load_test_journey_matches_the_pages(participant):
    pages = scenario()
    course, quiz = exam_course(choices=4)
    enroll(user=participant, course=course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)

    quiz_page = client.get(quiz.url).content.decode()
    start = pages.START_FORM.search(quiz_page).group(1)
    assert start == f"/mi-aprendizaje/evaluaciones/{quiz.pk}/comenzar/"
    response = client.post(
        start, {"csrfmiddlewaretoken": pages.CSRF.search(quiz_page).group(1)}
    )
    assert pages.ATTEMPT_PATH.match(response["Location"])

    attempt = QuizAttempt.objects.get(enrollment__user=participant)
    action, token, questions = pages.attempt_form(
        client.get(response["Location"]).content.decode()
    )
    assert action == response["Location"]
    expected = {
        f"q-{q['key']}": [
            ("checkbox" if q["type"] == "multiple" else "radio", c["key"])
            for c in q["choices"]
        ]
        for q in attempt.snapshot
    }
    assert questions == expected

    # The autosave as evaluacion.js sends it: only the changed questions,
    # form-encoded; one save after another, each keeping what came before.
    first, second = questions

    def autosave(changed):
        content_type, body = pages.form_encoded(pages.autosave_fields(token, changed))
        saved = client.generic(
            "POST",
            action,
            body,
            content_type=content_type,
            headers={"X-Requested-With": "fetch"},
        )
        assert json.loads(saved.content) == {"guardado": True}

    autosave({first: [questions[first][1][1]]})
    autosave({second: [questions[second][0][1]]})
    attempt.refresh_from_db()
    assert attempt.answers == {
        first.removeprefix("q-"): [questions[first][1][1]],
        second.removeprefix("q-"): [questions[second][0][1]],
    }


# ---------------------------------------------------------- killed workers
def test_a_request_is_cut_only_when_no_answer_came_back():
    confirmed = load_module("confirmed")
    assert confirmed.is_cut(0, ConnectionResetError())  # the worker died
    assert confirmed.is_cut(502, None)  # a proxy lost the app
    assert confirmed.is_cut(200, ConnectionError("cuerpo incompleto"))
    assert not confirmed.is_cut(200, None)
    assert not confirmed.is_cut(302, None)
    # The app's own answers are answers: a 4xx or a 500 is an error.
    assert not confirmed.is_cut(404, ConnectionError("HTTP 404"))
    assert not confirmed.is_cut(500, None)


def test_autosave_retries_wait_as_evaluacion_js_does():
    confirmed = load_module("confirmed")
    # Math.min(30000, 1000 * Math.pow(2, retries)), retries counted from 1.
    waits = [confirmed.autosave_backoff(n) for n in range(1, 8)]
    assert waits == [2, 4, 8, 16, 30, 30, 30]
    script = (LOAD.parents[1] / "static/js/evaluacion.js").read_text()
    assert "Math.min(30000, 1000 * Math.pow(2, retries))" in script


def test_the_journal_is_read_back_in_order(tmp_path):
    confirmed = load_module("confirmed")
    journal = confirmed.Journal(tmp_path)
    journal.saved(7, {"a": ["x"]})
    journal.pending(7, ["b"])
    journal.submitted(7, {"a": ["x"], "b": ["y"]})
    journal.file.close()
    assert confirmed.read_journals(tmp_path) == [
        {"intento": 7, "tipo": "guardado", "respuestas": {"a": ["x"]}},
        {"intento": 7, "tipo": "pendiente", "preguntas": ["b"]},
        {"intento": 7, "tipo": "envio", "respuestas": {"a": ["x"], "b": ["y"]}},
    ]


def stored(confirmed, answers, *, submitted=True, enrollment=1, **overrides):
    values = {
        "enrollment": enrollment,
        "answers": answers,
        "submitted": submitted,
        "status": "enviado" if submitted else "en_curso",
        "questions": 2,
        "results": 2 if submitted else 0,
        "graded": submitted,
    }
    return confirmed.StoredAttempt(**{**values, **overrides})


def test_check_counts_confirmed_answers_and_finds_none_lost():
    confirmed = load_module("confirmed")
    records = [
        {"intento": 1, "tipo": "guardado", "respuestas": {"a": ["x"]}},
        {"intento": 1, "tipo": "guardado", "respuestas": {"b": ["z", "y"]}},
        {"intento": 1, "tipo": "envio", "respuestas": {"a": ["x"], "b": ["y", "z"]}},
        {"intento": 2, "tipo": "guardado", "respuestas": {"a": ["w"]}},
        {"intento": 2, "tipo": "pendiente", "preguntas": ["b"]},
    ]
    attempts = {
        1: stored(confirmed, {"a": ["x"], "b": ["y", "z"]}),
        2: stored(confirmed, {"a": ["w"]}, submitted=False, enrollment=2),
        3: stored(confirmed, {"a": ["v"]}, enrollment=3),  # its submit unconfirmed
    }
    report = confirmed.check(records, attempts)
    assert report.ok
    assert (report.confirmed, report.autosaved, report.submits) == (5, 3, 1)
    assert (report.pending, report.submitted_attempts) == (1, 2)
    assert report.unconfirmed_submits == 1
    assert confirmed.summary(report)[0] == (
        "respuestas confirmadas: 5 (3 por guardado automático, 2 en 1 envíos), "
        "perdidas: 0"
    )


def test_check_finds_a_lost_autosave_and_a_missing_attempt():
    confirmed = load_module("confirmed")
    records = [
        {"intento": 1, "tipo": "guardado", "respuestas": {"a": ["x"]}},
        {"intento": 1, "tipo": "guardado", "respuestas": {"b": ["y"]}},
        {"intento": 9, "tipo": "guardado", "respuestas": {"a": ["x"]}},
    ]
    attempts = {1: stored(confirmed, {"a": ["x"]}, submitted=False)}
    report = confirmed.check(records, attempts)
    assert not report.ok
    assert report.lost == [
        "intento 1, pregunta b (guardado): confirmada ['y'], guardada []",
        "intento 9: no existe",
    ]


def test_a_later_confirmation_replaces_an_earlier_one():
    confirmed = load_module("confirmed")
    records = [
        {"intento": 1, "tipo": "guardado", "respuestas": {"a": ["x"]}},
        {"intento": 1, "tipo": "guardado", "respuestas": {"a": ["y"]}},
    ]
    attempts = {1: stored(confirmed, {"a": ["y"]}, submitted=False)}
    assert confirmed.check(records, attempts).ok
    attempts = {1: stored(confirmed, {"a": ["x"]}, submitted=False)}
    assert len(confirmed.check(records, attempts).lost) == 1


def test_check_wants_exactly_one_result_per_submit():
    confirmed = load_module("confirmed")
    submit = {"intento": 1, "tipo": "envio", "respuestas": {"a": ["x"]}}
    open_attempt = {1: stored(confirmed, {"a": ["x"]}, submitted=False)}
    assert confirmed.check([submit], open_attempt).problems == [
        "intento 1: envío confirmado, intento abierto"
    ]
    expired = {1: stored(confirmed, {"a": ["x"]}, status="vencido")}
    assert confirmed.check([submit], expired).problems == [
        "intento 1: envío confirmado, estado vencido"
    ]
    extra = {1: stored(confirmed, {"a": ["x"], "b": ["y"]})}
    assert confirmed.check([submit], extra).problems == [
        "intento 1: el resultado tiene respuestas que el envío no llevaba (b)"
    ]
    missing_rows = {1: stored(confirmed, {"a": ["x"]}, results=1)}
    assert confirmed.check([submit], missing_rows).problems == [
        "intento 1: 1 resultados por pregunta para 2 preguntas"
    ]
    regraded = {1: stored(confirmed, {"a": ["x"]}, graded=False)}
    assert confirmed.check([submit], regraded).problems == [
        "intento 1: su puntaje no es el de sus respuestas"
    ]
    twice = {
        1: stored(confirmed, {"a": ["x"]}),
        2: stored(confirmed, {"a": ["x"]}),
    }
    assert confirmed.check([submit], twice).problems == [
        "inscripción 1: 2 intentos enviados"
    ]


def test_verify_reads_attempts_as_the_services_store_them(participant):
    confirmed, verify = load_module("confirmed"), load_module("verify")
    course, quiz = exam_course(choices=3)
    enrollment = enroll(user=participant, course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    one, several = attempt.snapshot
    first = {one["key"]: [one["choices"][1]["key"]]}
    save_answers(attempt=attempt, answers=first, only=[one["key"]])
    answers = {**first, several["key"]: [c["key"] for c in several["choices"][:2]]}
    attempt = QuizAttempt.objects.get(pk=attempt.pk)
    submit_attempt(attempt=attempt, answers=answers)
    records = [
        {"intento": attempt.pk, "tipo": "guardado", "respuestas": first},
        {"intento": attempt.pk, "tipo": "envio", "respuestas": answers},
    ]

    report = confirmed.check(records, verify.stored_attempts())
    assert report.ok, report.lost + report.problems
    assert (report.confirmed, report.submitted_attempts) == (3, 1)

    QuestionResult.objects.filter(attempt=attempt).first().delete()
    QuizAttempt.objects.filter(pk=attempt.pk).update(answers=first, score=99)
    report = confirmed.check(records, verify.stored_attempts())
    assert len(report.lost) == 1
    assert report.problems == [
        f"intento {attempt.pk}: 1 resultados por pregunta para 2 preguntas",
        f"intento {attempt.pk}: su puntaje no es el de sus respuestas",
    ]


def test_run_reads_kills_cuts_and_worker_settings():
    run = load_module("run")
    log = (
        "[INFO] Booting worker with pid: 10\n" * 5
        + "[ERROR] Worker (pid:10) was sent SIGKILL! Perhaps out of memory?\n"
        + "[INFO] Booting worker with pid: 11\n"
    )
    assert run.respawns(log, 5) == (1, 1)
    stage = {
        "by_name": {
            "autosave": {"requests": 40},
            "autosave (cortada)": {"requests": 2},
            "submit (cortada)": {"requests": 1},
        }
    }
    assert run.cut_requests(stage) == 3
    command = [str(part) for part in run.gunicorn_command(8000, 5, "sync", 1)]
    assert command[command.index("--worker-class") + 1] == "sync"
    assert command[command.index("--workers") + 1] == "5"
    command = [str(p) for p in run.gunicorn_command(8000, 3, "gthread", 4)]
    assert command[command.index("--threads") + 1] == "4"
    with pytest.raises(SystemExit):
        run.gunicorn_command(8000, 5, "sync", 4)  # gunicorn would switch silently
    with pytest.raises(SystemExit):
        run.gunicorn_command(8000, 5, "gevent", 1)


def test_the_autovacuum_stand_in_follows_autovacuums_default_rules():
    """Where the server runs without autovacuum, run.py does its work with its
    default thresholds: 50 rows plus 20 % of the live ones dead (or 1,000 plus
    20 % inserted) to vacuum, 50 plus 10 % changed to analyze."""
    due = load_module("autovacuum").due
    assert due(live=1000, dead=250, inserted=0, modified=150) is None
    assert due(live=1000, dead=251, inserted=0, modified=0) == "VACUUM"
    assert due(live=1000, dead=251, inserted=0, modified=151) == "VACUUM (ANALYZE)"
    assert due(live=1000, dead=0, inserted=0, modified=151) == "ANALYZE"
    # A table just seeded: every row inserted since the last vacuum and analyze.
    assert due(live=0, dead=0, inserted=10490, modified=10490) == "VACUUM (ANALYZE)"
    assert due(live=10000, dead=0, inserted=3000, modified=0) is None
    assert due(live=10000, dead=0, inserted=3001, modified=0) == "VACUUM"
