"""Report exports at scale: every coordinator report's CSV is streamed
(StreamingHttpResponse, the BOM and the heading row first, before the rows'
query), with the same heading row as before, formulas made inert in every
chunk, the same text whether rows are read as model instances or as plain
values, and a query count that does not grow with the rows."""

import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from cursos.reports import (
    ComplianceByUnitReportView,
    ComplianceReportView,
    CourseLearnersReportView,
    CoursesReportView,
    QuizResultsReportView,
    TerritoryReportView,
)
from lms.spreadsheet import BOM, SafeSpreadsheetExportMixin
from tests.cursos.test_training_reports import (
    bulk_learners,
    csv_rows,
    diploma,  # noqa: F401 (fixture)
    diploma_with_cohorts,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LEARNERS_HEADING = [
    "Nombre",
    "Correo",
    "Institución",
    "Departamento",
    "Municipio",
    "Cargo",
    "Edición",
    "Avance (%)",
    "Última actividad",
    "Evaluaciones aprobadas",
    "Completado el",
    "Certificado",
]


def heading_of(view_class) -> list[str]:
    return [str(view_class.export_headings[field]) for field in view_class.list_export]


def first_line(chunk: str) -> list[str]:
    assert chunk.startswith(BOM)
    return next(csv.reader(io.StringIO(chunk[len(BOM) :])))


def report_urls(course):
    return {
        "courses": ("/admin/informes/cursos/", CoursesReportView),
        "learners": (f"/admin/informes/cursos/{course.pk}/", CourseLearnersReportView),
        "compliance": ("/admin/informes/cumplimiento/", ComplianceReportView),
        "units": ("/admin/informes/cumplimiento/unidades/", ComplianceByUnitReportView),
        "territory": ("/admin/informes/territorio/", TerritoryReportView),
        "quizzes": ("/admin/informes/evaluaciones/", QuizResultsReportView),
    }


@pytest.mark.parametrize(
    "report", ["courses", "learners", "compliance", "units", "territory", "quizzes"]
)
def test_csv_is_streamed_heading_first(client, coordinator, diploma, report):  # noqa: F811
    url, view_class = report_urls(diploma)[report]
    client.force_login(coordinator)
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    chunks = iter(response.streaming_content)
    # The heading leaves before the rows are read from the database.
    with CaptureQueriesContext(connection) as captured:
        first = next(chunks).decode("utf-8")
    assert len(captured) == 0
    assert first_line(first) == heading_of(view_class)
    b"".join(chunks)


def test_participants_heading_is_unchanged(client, coordinator, diploma):  # noqa: F811
    client.force_login(coordinator)
    response = client.get(f"/admin/informes/cursos/{diploma.pk}/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert first_line(text) == LEARNERS_HEADING


def test_participants_values_export_matches_the_instances_one(
    client,
    coordinator,
    diploma,  # noqa: F811
    monkeypatch,
):
    """The export reads plain values; Wagtail's way (model instances through
    ``to_row_dict``) gives the same bytes, hostile text included."""
    UserFactory(full_name="=cmd|' /C calc'!A0", post="otro", post_other="+1")
    client.force_login(coordinator)
    url = f"/admin/informes/cursos/{diploma.pk}/"
    fast = b"".join(client.get(url, {"export": "csv"}).streaming_content)
    monkeypatch.setattr(
        CourseLearnersReportView,
        "export_rows",
        SafeSpreadsheetExportMixin.export_rows,
    )
    slow = b"".join(client.get(url, {"export": "csv"}).streaming_content)
    assert fast == slow
    assert len(csv_rows_from(fast)) == 4


def csv_rows_from(content: bytes):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_formulas_inert_in_every_chunk(client, coordinator, monkeypatch):
    from cursos.models import Enrollment

    course = diploma_with_cohorts()
    monkeypatch.setattr(CourseLearnersReportView, "csv_rows_per_chunk", 2)
    for n, name in enumerate(["=1+1", "+SUM(A1)", "-3", "@A1", "María"]):
        user = UserFactory(full_name=name, email=f"p{n}@municipalidad.example")
        Enrollment.objects.create(user=user, course=course)
    client.force_login(coordinator)
    response = client.get(f"/admin/informes/cursos/{course.pk}/", {"export": "csv"})
    chunks = list(response.streaming_content)
    assert len(chunks) == 1 + 3  # heading, then rows two by two
    names = [row["Nombre"] for row in csv_rows_from(b"".join(chunks))]
    assert sorted(names) == sorted(["'=1+1", "'+SUM(A1)", "'-3", "'@A1", "María"])


def test_participants_export_queries_flat(client, coordinator):
    course = diploma_with_cohorts()
    url = f"/admin/informes/cursos/{course.pk}/"
    client.force_login(coordinator)

    def export_queries():
        csv_rows(client.get(url, {"export": "csv"}))  # session and outline cached
        with CaptureQueriesContext(connection) as captured:
            rows = csv_rows(client.get(url, {"export": "csv"}))
        return len(captured), len(rows)

    bulk_learners(course, 10)
    small, rows = export_queries()
    assert rows == 10
    bulk_learners(course, 290)
    large, rows = export_queries()
    assert rows == 300
    assert small == large, (small, large)
