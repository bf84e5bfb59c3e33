"""The load test (bench/load) reads the pages and posts back as a browser does:
its parsing and its autosave body must keep matching the real templates and
views, or `make load` would measure a journey that no longer exists."""

import importlib.util
import json
from pathlib import Path

import pytest
from django.test import Client

from cursos.models import QuizAttempt
from cursos.services.enrollment import enroll
from tests.factories import add_quiz, build_course, question

pytestmark = pytest.mark.django_db

SCENARIO = Path(__file__).resolve().parent.parent / "bench/load/scenario_pages.py"


def scenario():
    spec = importlib.util.spec_from_file_location("scenario_pages", SCENARIO)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_load_test_journey_matches_the_pages(participant):
    pages = scenario()
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(
        course,
        questions=[
            question(prompt="Una", correct=(1,), choices=4),
            question(kind="multiple", prompt="Varias", correct=(0, 2), choices=4),
        ],
        time_limit_minutes=45,
    )
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
    # multipart; one save after another, each keeping what came before.
    first, second = questions

    def autosave(changed):
        content_type, body = pages.multipart(pages.autosave_fields(token, changed))
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
