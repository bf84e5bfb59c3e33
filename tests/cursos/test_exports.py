"""Every export opens well in a spreadsheet: CSV with a UTF-8 byte order mark,
dates and times in Guatemala's time to the minute, XLSX sheets named after the
report, and the download buttons visible in the header, not behind "⋯"."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cursos.models import Cohort, Enrollment, QuizPage, RequiredTraining
from cursos.services.enrollment import enroll
from cursos.services.quizzes import start_attempt, submit_attempt
from lms.accounts.models import STAFF_GROUP
from lms.spreadsheet import sheet_title
from tests.factories import UserFactory, add_quiz, build_course, right_answers

pytestmark = pytest.mark.django_db

# 20:05:33.123456 UTC is 14:05 in Guatemala (UTC−6, no daylight saving).
MOMENT = datetime.datetime(2026, 11, 27, 20, 5, 33, 123456, tzinfo=datetime.UTC)
LOCAL = datetime.datetime(2026, 11, 27, 14, 5)
LOCAL_TEXT = "2026-11-27 14:05"


@pytest.fixture
def data(django_capture_on_commit_callbacks):
    """A diploma with one edition, a learner with an accented name who passed
    its quiz and finished, with a certificate; an overdue staff member."""
    now = timezone.now()
    course = build_course(
        title="Diplomado Gestión Municipal", kind="diplomado", modules=1, lessons=1
    )
    quiz = add_quiz(course, title="Evaluación del módulo")
    cohort = Cohort.objects.create(
        course=course,
        name="Edición 2026",
        enrollment_opens=now - datetime.timedelta(days=10),
        enrollment_closes=now + datetime.timedelta(days=10),
        starts_on=timezone.localdate(now),
    )
    learner = UserFactory(full_name="José Ángel Méndez Ixcoy")
    enrollment = enroll(user=learner, course=course, cohort=cohort)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        submit_attempt(attempt=attempt, answers=right_answers(attempt))
        from cursos.services.progress import complete_lesson
        from tests.factories import course_lessons

        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_activity_at=MOMENT, completed_at=MOMENT
    )
    enrollment.refresh_from_db()
    from certificados.models import Certificate

    Certificate.objects.filter(enrollment=enrollment).update(issued_at=MOMENT)

    group = Group.objects.get(name=STAFF_GROUP)
    RequiredTraining.objects.create(
        course=course, group=group, due_on=datetime.date(2026, 1, 15)
    )
    UserFactory(
        full_name="Eva Solís",
        institution_type="infom",
        institution_name="Recursos Humanos",
        groups_by_name=(STAFF_GROUP,),
    )
    return {"course": course, "quiz": quiz, "enrollment": enrollment}


def csv_of(response):
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert body.startswith(b"\xef\xbb\xbf"), "CSV without UTF-8 BOM"
    assert "charset=utf-8" in response["Content-Type"]
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_of(response):
    body = b"".join(response.streaming_content)
    workbook = openpyxl.load_workbook(io.BytesIO(body))
    (sheet,) = workbook.worksheets
    rows = list(sheet.iter_rows(values_only=True))
    return sheet, [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def reports(data):
    course, quiz = data["course"], data["quiz"]
    return {
        # url: (sheet title, a column with the learner's name or a known text)
        "/admin/informes/cursos/": "Avance por curso",
        f"/admin/informes/cursos/{course.pk}/": "Avance de participantes",
        "/admin/informes/cumplimiento/": "Cumplimiento de capacitaciones",
        "/admin/informes/cumplimiento/unidades/": "Cumplimiento por unidad",
        "/admin/informes/territorio/": "Diplomado por territorio",
        "/admin/informes/evaluaciones/": "Resultados de evaluaciones",
        f"/admin/informes/evaluaciones/{quiz.pk}/": "Participantes de la evaluación",
        f"/admin/informes/evaluaciones/{quiz.pk}/preguntas/": "Análisis por pregunta",
        "/admin/registro-certificados/": "Certificados",
    }


def test_every_export_has_a_bom_a_named_sheet_and_visible_buttons(
    client, coordinator, data
):
    client.force_login(coordinator)
    for url, title in reports(data).items():
        rows = csv_of(client.get(url, {"export": "csv"}))
        assert rows, url
        sheet, xlsx_rows = xlsx_of(client.get(url, {"export": "xlsx"}))
        assert sheet.title == title, url
        assert len(sheet.title) <= 31
        assert len(xlsx_rows) == len(rows), url

        html = client.get(url).content.decode()
        # The download links are header buttons, not items of the "⋯" menu.
        assert "Descargar Excel (XLSX)" in html and "Descargar CSV" in html, url
        for kind in ("csv", "xlsx"):
            (link,) = re.findall(rf"<a[^>]*export={kind}[^>]*>", html)
            assert "w-header-button" in link, (url, link)


def test_course_learners_dates_are_guatemala_time_to_the_minute(
    client, coordinator, data
):
    client.force_login(coordinator)
    url = f"/admin/informes/cursos/{data['course'].pk}/"
    (row,) = csv_of(client.get(url, {"export": "csv"}))
    assert row["Nombre"] == "José Ángel Méndez Ixcoy"
    assert row["Última actividad"] == LOCAL_TEXT
    assert row["Completado el"] == LOCAL_TEXT

    sheet, (xrow,) = xlsx_of(client.get(url, {"export": "xlsx"}))
    assert xrow["Nombre"] == "José Ángel Méndez Ixcoy"
    assert xrow["Última actividad"] == LOCAL
    cell = next(
        c for c in sheet[2] if c.value == LOCAL and c.column_letter
    )  # a real date cell, shown to the minute
    assert cell.is_date and cell.number_format == "yyyy-mm-dd hh:mm"


def test_compliance_due_dates_are_plain_days(client, coordinator, data):
    client.force_login(coordinator)
    rows = csv_of(client.get("/admin/informes/cumplimiento/", {"export": "csv"}))
    eva = next(r for r in rows if r["Nombre"] == "Eva Solís")
    assert eva["Fecha límite"] == "2026-01-15"
    assert eva["Estado"] == "Vencida"
    _sheet, xrows = xlsx_of(
        client.get("/admin/informes/cumplimiento/", {"export": "xlsx"})
    )
    eva = next(r for r in xrows if r["Nombre"] == "Eva Solís")
    assert eva["Fecha límite"] == datetime.date(2026, 1, 15)


def test_certificate_registry_issued_at_in_guatemala_time(client, coordinator, data):
    client.force_login(coordinator)
    url = "/admin/registro-certificados/"
    (row,) = csv_of(client.get(url, {"export": "csv"}))
    assert row["Nombre"] == "José Ángel Méndez Ixcoy"
    assert row["Emitido"] == LOCAL_TEXT
    assert row["Fecha de finalización"] == timezone.localdate().isoformat()
    _sheet, (xrow,) = xlsx_of(client.get(url, {"export": "xlsx"}))
    assert xrow["Emitido"] == LOCAL


def test_quiz_exports_keep_accents(client, coordinator, data):
    client.force_login(coordinator)
    quiz = QuizPage.objects.get(pk=data["quiz"].pk)
    rows = csv_of(
        client.get(f"/admin/informes/evaluaciones/{quiz.pk}/", {"export": "csv"})
    )
    assert rows[0]["Nombre"] == "José Ángel Méndez Ixcoy"
    assert rows[0]["Resultado"] == "Aprobó"


def test_open_data_csv_has_a_bom(client):
    from home.models import TransparencyPage
    from tests.factories import _home

    page = _home().add_child(
        instance=TransparencyPage(
            title="Datos abiertos", slug="datos-abiertos", intro="Cifras."
        )
    )
    page.save_revision().publish()
    # The old address now leads to the departments' file (home/opendata).
    response = client.get(page.url + "csv/", follow=True)
    assert response.redirect_chain[-1][0].endswith("departamentos.csv")
    body = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0]["codigo_ine"] == "01"
    assert any(row["departamento"] == "Sacatepéquez" for row in rows)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Avance por curso", "Avance por curso"),
        (
            "Cumplimiento de capacitaciones obligatorias",
            "Cumplimiento de capacitaciones",
        ),
        ("Informe [2026]: ¿sí/no?", "Informe 2026 ¿sí no"),
        ("x" * 40, "x" * 31),
        ("'''", "Datos"),
    ],
)
def test_sheet_titles_are_valid_for_excel(text, title):
    assert sheet_title(text) == title
