"""The gradebook: the selector (query budget at two sizes), the coordinators'
"Libro de calificaciones" report with its exports, and the tutor's view of
one edition (only their own learners) with its CSV."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from openpyxl import load_workbook

from cursos.models import TUTORS_GROUP, Cohort, EditionTutor, Enrollment
from cursos.selectors_grades import gradebook
from tests.cursos.grades_factories import graded_course, quiz_score, release
from tests.factories import UserFactory, municipality

COHORT = {
    "name": "Primera edición",
    "enrollment_opens": "2026-01-01T08:00Z",
    "enrollment_closes": "2026-12-31T18:00Z",
    "starts_on": "2026-01-15",
}


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _world(learners, items_per_component):
    course = graded_course(
        quizzes=items_per_component,
        assignments=items_per_component,
        final_project=False,
        weights=(50, 50, 0),
        cohorts=[COHORT],
    )
    cohort = Cohort.objects.get(course=course)
    enrollments = []
    for n in range(learners):
        user = UserFactory(full_name=f"Participante {n:02d}")
        enrollment = Enrollment.objects.create(user=user, course=course, cohort=cohort)
        for quiz in course.test_quizzes:
            quiz_score(enrollment, quiz, 60 + n)
        for assignment in course.test_assignments:
            release(enrollment, assignment, 70)
        enrollments.append(enrollment)
    return course, cohort, enrollments


@pytest.mark.parametrize(("learners", "items"), [(3, 1), (15, 3)])
def test_gradebook_queries_are_flat(db, django_assert_max_num_queries, learners, items):
    course, cohort, _enrollments = _world(learners, items)
    with django_assert_max_num_queries(10):
        book = gradebook(cohort_or_course=cohort, enrollments=Enrollment.objects.all())
        rows = list(book)
    assert len(rows) == learners
    assert len(book.items) == 2 * items
    assert all(len(row.cells) == 2 * items for row in rows)
    first = rows[0]
    assert first.name == "Participante 00"
    # quizzes 60, assignments 70, weighed 50/50
    assert str(first.grade) == "65.00"
    assert first.result == "En curso"


def test_gradebook_of_a_course_limits_to_given_enrollments(db):
    course, _cohort, enrollments = _world(3, 1)
    book = gradebook(
        cohort_or_course=course,
        enrollments=Enrollment.objects.filter(pk=enrollments[1].pk),
    )
    assert [row.name for row in book] == ["Participante 01"]


# ------------------------------------------------------------------ coordinators
REPORT = "/admin/informes/calificaciones/"


def test_report_asks_for_a_course_then_shows_the_book(coordinator):
    course, cohort, _ = _world(2, 1)
    client = signed_in(coordinator)
    page = client.get(REPORT).content.decode()
    assert "Libro de calificaciones" in page
    assert "Elija un curso calificado" in page
    page = client.get(REPORT, {"course": course.pk}).content.decode()
    assert "Participante 00" in page and "Participante 01" in page
    assert "Evaluación 1" in page and "Tarea 1" in page
    assert "Promedio: Evaluaciones" in page
    page = client.get(REPORT, {"cohort": cohort.pk}).content.decode()
    assert "Participante 01" in page


def test_report_is_for_coordinators_only(db):
    learner = UserFactory()
    response = signed_in(learner).get(REPORT)
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("learners", [2, 8])
def test_report_queries_are_flat(coordinator, django_assert_max_num_queries, learners):
    course, _cohort, _ = _world(learners, 2)
    client = signed_in(coordinator)
    client.get(REPORT, {"course": course.pk})
    with django_assert_max_num_queries(40):
        assert client.get(REPORT, {"course": course.pk}).status_code == 200


def test_exports_are_safe_and_complete(coordinator):
    course, cohort, enrollments = _world(1, 1)
    evil = enrollments[0].user
    evil.full_name = '=HYPERLINK("http://malo.example","clic")'
    evil.save(update_fields=["full_name"])
    client = signed_in(coordinator)
    response = client.get(REPORT, {"course": course.pk, "export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Nombre", "Correo", "Edición"]
    assert "Evaluación 1" in rows[0] and "Nota final" in rows[0]
    assert rows[1][0].startswith("'=HYPERLINK")
    assert rows[1][-2] == "65"
    response = client.get(REPORT, {"course": course.pk, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][0] == "Nombre"
    assert values[1][0].startswith("'=HYPERLINK")


# ------------------------------------------------------------------ tutors
def _tutor_world():
    course = graded_course(cohorts=[COHORT], final_project=False, weights=(50, 50, 0))
    cohort = Cohort.objects.get(course=course)
    mine = UserFactory(
        full_name="Learner de Guatemala", municipality=municipality("0101")
    )
    mine.department = mine.municipality.department
    mine.save()
    theirs = UserFactory(
        full_name="Learner de Escuintla", municipality=municipality("0501")
    )
    theirs.department = theirs.municipality.department
    theirs.save()
    for user in (mine, theirs):
        enrollment = Enrollment.objects.create(user=user, course=course, cohort=cohort)
        quiz_score(enrollment, course.test_quizzes[0], 80)
    tutor = UserFactory(full_name="Tutora Uno")
    tutor.groups.add(Group.objects.get(name=TUTORS_GROUP))
    assignment = EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    assignment.departments.add(mine.department)
    return cohort, tutor


def tutor_url(cohort):
    return f"/tutoria/ediciones/{cohort.pk}/calificaciones/"


def test_tutor_sees_only_own_learners_and_downloads_csv(db):
    cohort, tutor = _tutor_world()
    client = signed_in(tutor)
    page = client.get(tutor_url(cohort)).content.decode()
    assert "Learner de Guatemala" in page
    assert "Learner de Escuintla" not in page
    response = client.get(tutor_url(cohort), {"formato": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Learner de Guatemala" in text and "Learner de Escuintla" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Nombre" and rows[0][-1] == "Resultado"


def test_coordinator_sees_every_learner_of_the_edition(coordinator):
    cohort, _tutor = _tutor_world()
    page = signed_in(coordinator).get(tutor_url(cohort)).content.decode()
    assert "Learner de Guatemala" in page and "Learner de Escuintla" in page


def test_others_are_refused(db):
    cohort, _tutor = _tutor_world()
    other_tutor = UserFactory()
    other_tutor.groups.add(Group.objects.get(name=TUTORS_GROUP))
    assert signed_in(other_tutor).get(tutor_url(cohort)).status_code == 404
    assert signed_in(UserFactory()).get(tutor_url(cohort)).status_code == 403
    response = Client().get(tutor_url(cohort))
    assert response.status_code == 302 and "/cuentas/login/" in response["Location"]
    tutor = _tutor_world()[1]
    assert signed_in(tutor).get(tutor_url(cohort)).status_code == 404
    assert (
        signed_in(tutor).get("/tutoria/ediciones/999999/calificaciones/").status_code
        == 404
    )


@pytest.mark.parametrize("learners", [2, 10])
def test_tutor_view_queries_are_flat(db, django_assert_max_num_queries, learners):
    course, cohort, _ = _world(learners, 2)
    tutor = UserFactory()
    tutor.groups.add(Group.objects.get(name=TUTORS_GROUP))
    EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    client = signed_in(tutor)
    client.get(tutor_url(cohort))
    with django_assert_max_num_queries(20):
        page = client.get(tutor_url(cohort)).content.decode()
    assert page.count("Participante ") == learners


def test_export_headings_from_authored_titles_are_safe_too(coordinator):
    """A quiz or task title is authored text: as a column heading it cannot run
    as a formula either."""
    from cursos.models import QuizPage

    course, _cohort, _enrollments = _world(1, 1)
    QuizPage.objects.descendant_of(course).update(title="=1+2 Evaluación")
    client = signed_in(coordinator)
    response = client.get(REPORT, {"course": course.pk, "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    headings = next(csv.reader(io.StringIO(text)))
    assert "'=1+2 Evaluación" in headings
    assert not any(h.startswith("=") for h in headings)


# ------------------------------------------------------------------ at scale
# The page grades only its own rows and the exports grade in chunks: the rows,
# the text and the bytes are those of the whole book built at once.
def _old_csv(book) -> bytes:
    """The tutor CSV as it was written before it was streamed: the whole book,
    then every row through ``safe_row``."""
    from cursos.tutoria.gradebook import gradebook_table
    from lms.spreadsheet import BOM, safe_row

    headings, rows = gradebook_table(book)
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(safe_row(headings))
    for row in rows:
        writer.writerow(safe_row(row))
    return buffer.getvalue().encode()


def test_rows_graded_in_chunks_are_the_books_rows(db, monkeypatch):
    from cursos.reports import gradebook as module

    course, cohort, _ = _world(5, 1)
    whole = gradebook(cohort_or_course=cohort, enrollments=Enrollment.objects.all())
    monkeypatch.setattr(module, "GRADE_CHUNK", 2)
    book = module.book_columns(cohort)
    assert (book.items, book.component_keys) == (whole.items, whole.component_keys)
    learners = module.book_enrollments(Enrollment.objects.all(), cohort)

    def seen(rows):
        return [
            (r.enrollment.pk, r.name, r.email, r.cohort_name)
            + (r.cells, r.components, r.grade, r.result)
            for r in rows
        ]

    assert seen(module.graded_in_chunks(book, learners)) == seen(whole.rows)
    assert seen(module.book_rows(book, list(learners))) == seen(whole.rows)


def test_tutor_csv_is_streamed_and_byte_identical(db, monkeypatch):
    from cursos.reports import gradebook as module
    from cursos.tutoria import gradebook as tutor_module

    course, cohort, enrollments = _world(5, 1)
    evil = enrollments[3].user
    evil.full_name = '=HYPERLINK("http://malo.example","clic")'
    evil.save(update_fields=["full_name"])
    tutor = UserFactory()
    tutor.groups.add(Group.objects.get(name=TUTORS_GROUP))
    EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    whole = gradebook(cohort_or_course=cohort, enrollments=Enrollment.objects.all())
    monkeypatch.setattr(module, "GRADE_CHUNK", 2)
    monkeypatch.setattr(tutor_module, "CSV_ROWS_PER_CHUNK", 2)
    response = signed_in(tutor).get(tutor_url(cohort), {"formato": "csv"})
    chunks = [
        chunk if isinstance(chunk, bytes) else chunk.encode()
        for chunk in response.streaming_content
    ]
    assert len(chunks) == 4  # heading, then 2 + 2 + 1 rows
    assert b"".join(chunks) == _old_csv(whole)
    assert b"'=HYPERLINK" in b"".join(chunks)


def test_tutor_page_grades_only_its_learners(db, monkeypatch):
    from cursos.tutoria import gradebook as tutor_module

    course, cohort, _ = _world(5, 1)
    tutor = UserFactory()
    tutor.groups.add(Group.objects.get(name=TUTORS_GROUP))
    EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    monkeypatch.setattr(tutor_module, "PER_PAGE", 2)
    page = signed_in(tutor).get(tutor_url(cohort), {"pagina": 2}).content.decode()
    assert page.count("Participante ") == 2
    assert "Participante 02" in page and "Participante 03" in page
    assert "5 participantes" in page
    assert "Página 2 de 3" in page


def test_report_pages_and_exports_are_the_whole_books(coordinator, monkeypatch):
    from cursos.reports import gradebook as module

    course, _cohort, _ = _world(5, 1)
    client = signed_in(coordinator)
    before = b"".join(
        client.get(REPORT, {"course": course.pk, "export": "csv"}).streaming_content
    )
    monkeypatch.setattr(module.GradebookReportView, "paginate_by", 2)
    monkeypatch.setattr(module, "GRADE_CHUNK", 2)
    after = b"".join(
        client.get(REPORT, {"course": course.pk, "export": "csv"}).streaming_content
    )
    assert after == before
    page = client.get(REPORT, {"course": course.pk, "p": 3}).content.decode()
    table = page[page.rindex("<tbody") :]
    assert table.count("Participante ") == 1 and "Participante 04" in table
