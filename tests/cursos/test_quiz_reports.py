import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cursos.models import ExtraAttempt
from cursos.services.enrollment import enroll
from cursos.services.quizzes import start_attempt, submit_attempt
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    right_answers,
    wrong_answers,
)
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db
REPORT = "/admin/informes/evaluaciones/"


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def take_quiz(quiz, course, passed):
    enrollment = enroll(user=UserFactory(), course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(
        attempt=attempt,
        answers=right_answers(attempt) if passed else wrong_answers(attempt),
    )
    return enrollment


@pytest.fixture
def results():
    course = build_course(title="Diplomado", modules=1, lessons=1)
    quiz = add_quiz(course, title="Evaluación del módulo 1", max_attempts=1)
    take_quiz(quiz, course, passed=True)
    take_quiz(quiz, course, passed=False)
    return course, quiz


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("anonimo", False),
        ("participante", False),
        ("personal", False),
        ("coordinador", True),
        ("superusuario", True),
    ],
)
def test_permission_matrix(client, results, who, allowed):
    from django.contrib.auth.models import Group

    _course, quiz = results
    users = {
        "participante": lambda: UserFactory(),
        "personal": lambda: UserFactory(groups_by_name=("Personal INFOM",)),
        "coordinador": lambda: UserFactory(coordinator=True),
        "superusuario": lambda: UserFactory(is_superuser=True, is_staff=True),
    }
    if who != "anonimo":
        client.force_login(users[who]())
    for url in (REPORT, f"{REPORT}{quiz.pk}/", f"{REPORT}{quiz.pk}/preguntas/"):
        response = client.get(url)
        assert (response.status_code == 200) is allowed, (url, response.status_code)
    assert Group.objects.filter(name="Personal INFOM").exists()


def test_results_and_csv_export(client, coordinator, results):
    client.force_login(coordinator)
    html = client.get(REPORT).content.decode()
    assert "Evaluación del módulo 1" in html and "50 %" in html
    response = client.get(REPORT, {"export": "csv"})
    rows = csv_rows(response)
    row = next(r for r in rows if r["Evaluación"] == "Evaluación del módulo 1")
    assert row["Curso"] == "Diplomado"
    assert row["Intentos"] == "2" and row["Participantes"] == "2"
    assert row["Aprobaron"] == "1" and float(row["Tasa de aprobación (%)"]) == 50.0


def test_item_analysis_and_export(client, coordinator, results):
    _course, quiz = results
    client.force_login(coordinator)
    html = client.get(f"{REPORT}{quiz.pk}/preguntas/").content.decode()
    assert "Pregunta 0" in html
    response = client.get(f"{REPORT}{quiz.pk}/preguntas/", {"export": "csv"})
    rows = csv_rows(response)
    assert len(rows) == 4
    assert all(float(r["Porcentaje que la acertó"]) == 50.0 for r in rows)
    assert {r["Pregunta"] for r in rows} == {f"Pregunta {n}" for n in range(4)}


def test_coordinator_grants_one_more_attempt(client, coordinator, results):
    course, quiz = results
    failed = take_quiz(quiz, course, passed=False)
    client.force_login(coordinator)
    # The button lives in the learners' report of the quiz, one form per row.
    response = post_form(
        client,
        f"{REPORT}{quiz.pk}/",
        action=f"{REPORT}{quiz.pk}/conceder/{failed.pk}/",
        follow=True,
    )
    assert "tiene un intento más" in response.content.decode()
    assert ExtraAttempt.objects.filter(
        enrollment=failed, quiz=quiz, granted_by=coordinator
    ).exists()
    assert start_attempt(enrollment=failed, quiz=quiz).number == 2


def test_participants_cannot_grant_attempts(client, results):
    course, quiz = results
    failed = take_quiz(quiz, course, passed=False)
    client.force_login(failed.user)
    # A valid token of the learner's own session, from their profile form.
    token = {"csrfmiddlewaretoken": csrf_token(client, "/cuentas/perfil/")}
    response = client.post(f"{REPORT}{quiz.pk}/conceder/{failed.pk}/", token)
    assert response.status_code in (302, 403)
    assert not ExtraAttempt.objects.exists()


def test_report_queries_do_not_grow_with_learners(client, coordinator):
    course = build_course(modules=1, lessons=1)
    quiz = add_quiz(course, max_attempts=1)
    client.force_login(coordinator)

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = [REPORT, f"{REPORT}{quiz.pk}/", f"{REPORT}{quiz.pk}/preguntas/"]
    for _ in range(2):
        take_quiz(quiz, course, passed=True)
    small = [queries(url) for url in urls]
    for n in range(10):
        take_quiz(quiz, course, passed=n % 2 == 0)
    assert [queries(url) for url in urls] == small


def test_participants_export_reads_values_with_the_instances_text(
    client, coordinator, results, monkeypatch
):
    """The quiz participants' CSV reads plain values; Wagtail's way (model
    instances through ``to_row_dict``) gives the same bytes, hostile text, a
    granted attempt and a learner without municipality included."""
    from cursos.reports import QuizLearnersReportView
    from lms.spreadsheet import SafeSpreadsheetExportMixin

    course, quiz = results
    hostile = take_quiz(quiz, course, passed=True)
    hostile.user.full_name = "=cmd|' /C calc'!A0"
    hostile.user.municipality = None
    hostile.user.save()
    ExtraAttempt.objects.create(enrollment=hostile, quiz=quiz, granted_by=coordinator)
    client.force_login(coordinator)
    url = f"{REPORT}{quiz.pk}/"
    fast = b"".join(client.get(url, {"export": "csv"}).streaming_content)
    monkeypatch.setattr(
        QuizLearnersReportView, "export_rows", SafeSpreadsheetExportMixin.export_rows
    )
    slow = b"".join(client.get(url, {"export": "csv"}).streaming_content)
    assert fast == slow
    rows = list(csv.DictReader(io.StringIO(fast.decode("utf-8-sig"))))
    assert sorted(row["Resultado"] for row in rows) == [
        "Aprobó",
        "Aprobó",
        "Sin aprobar",
    ]
    assert "'=cmd|' /C calc'!A0" in [row["Nombre"] for row in rows]
    assert sorted(row["Intentos adicionales"] for row in rows) == ["0", "0", "1"]
