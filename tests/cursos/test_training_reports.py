"""Coordinator reports: course and cohort progress, compliance, territory.
Permissions, filters, CSV exports read with the csv module, and query counts
that stay the same for 10 and for 1,000 learners."""

import csv
import datetime
import io

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cursos.models import (
    Cohort,
    Enrollment,
    LessonCompletion,
    RequiredTraining,
    TrainingAssignment,
)
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from lms.accounts.models import STAFF_GROUP, User
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    municipality,
)

pytestmark = pytest.mark.django_db

COURSES = "/admin/informes/cursos/"
COMPLIANCE = "/admin/informes/cumplimiento/"
UNITS = "/admin/informes/cumplimiento/unidades/"
TERRITORY = "/admin/informes/territorio/"


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def diploma_with_cohorts():
    now = timezone.now()
    course = build_course(
        title="Diplomado Gestión Municipal y Transparencia",
        kind="diplomado",
        audience="municipal",
        modules=1,
        lessons=3,
    )
    add_quiz(course)
    for name in ("Edición 2026-1", "Edición 2026-2"):
        Cohort.objects.create(
            course=course,
            name=name,
            enrollment_opens=now - datetime.timedelta(days=10),
            enrollment_closes=now + datetime.timedelta(days=10),
            starts_on=timezone.localdate(now),
        )
    return course


@pytest.fixture
def diploma(django_capture_on_commit_callbacks):
    """Four officials: one finished and certified (Guatemala), one halfway
    (Mixco), one without progress (Cobán), one in the second cohort (Cobán)."""
    from cursos.models import QuizPage

    course = diploma_with_cohorts()
    first, second = course.cohorts.order_by("name")
    lessons = course_lessons(course)
    people = {
        "Ana Certificada": ("0101", first, 99),
        "Beto Avanza": ("0108", first, 1),
        "Carla Comienza": ("1601", first, 0),
        "Dora Segunda": ("1601", second, 0),
    }
    for name, (code, cohort, done) in people.items():
        user = UserFactory(full_name=name, municipality=municipality(code))
        enrollment = enroll(user=user, course=course, cohort=cohort)
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in lessons[:done]:
                complete_lesson(enrollment=enrollment, lesson=lesson)
            if done == 99:
                from cursos.services.quizzes import start_attempt, submit_attempt
                from tests.factories import right_answers

                quiz = QuizPage.objects.descendant_of(course).get()
                attempt = start_attempt(enrollment=enrollment, quiz=quiz)
                submit_attempt(attempt=attempt, answers=right_answers(attempt))
    return course


@pytest.fixture
def compliance():
    """Three staff members of two units: overdue, in progress, completed."""
    today = timezone.localdate()
    group = Group.objects.get(name=STAFF_GROUP)
    course = build_course(title="Inducción", modules=1, lessons=1, audience="infom")
    later = build_course(title="Solicitudes", modules=1, lessons=1, audience="infom")
    RequiredTraining.objects.create(
        course=course, group=group, due_on=today - datetime.timedelta(days=3)
    )
    RequiredTraining.objects.create(
        course=later, group=group, due_on=today + datetime.timedelta(days=20)
    )
    people = {}
    for name, unit in (
        ("Eva Vencida", "Recursos Humanos"),
        ("Fito Cumplido", "Unidad de Información Pública"),
    ):
        people[name] = UserFactory(
            full_name=name,
            institution_type="infom",
            institution_name=unit,
            groups_by_name=(STAFF_GROUP,),
        )
    fito = people["Fito Cumplido"]
    enrollment = enroll(user=fito, course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    enroll(user=fito, course=later)
    return people


# ------------------------------------------------------------------ permissions
REPORT_URLS = [COURSES, COMPLIANCE, UNITS, TERRITORY]


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
def test_permission_matrix(client, diploma, compliance, who, allowed):
    users = {
        "participante": lambda: UserFactory(),
        "personal": lambda: UserFactory(groups_by_name=(STAFF_GROUP,)),
        "coordinador": lambda: UserFactory(coordinator=True),
        "superusuario": lambda: UserFactory(is_superuser=True, is_staff=True),
    }
    if who != "anonimo":
        client.force_login(users[who]())
    for url in [*REPORT_URLS, f"{COURSES}{diploma.pk}/"]:
        response = client.get(url)
        assert (response.status_code == 200) is allowed, (url, response.status_code)
        if not allowed:
            assert "Ana Certificada" not in response.content.decode()
        export = client.get(url, {"export": "csv"})
        assert (export.status_code == 200) is allowed, (url, export.status_code)


# ------------------------------------------------------------------ courses
def test_courses_report_totals(client, coordinator, diploma):
    client.force_login(coordinator)
    rows = csv_rows(client.get(COURSES, {"export": "csv"}))
    row = next(r for r in rows if r["Curso"] == diploma.title)
    assert (row["Inscritos"], row["Completaron"], row["Certificados"]) == (
        "4",
        "1",
        "1",
    )
    assert float(row["Porcentaje que completó"]) == 25.0
    assert row["Tipo"] == "Diplomado"


def test_course_learners_report_content_and_export(client, coordinator, diploma):
    client.force_login(coordinator)
    url = f"{COURSES}{diploma.pk}/"
    html = client.get(url).content.decode()
    assert "Ana Certificada" in html and "Dora Segunda" in html
    assert 'role="img"' in html and "Distribución del avance por edición" in html
    assert "Ver los datos de la gráfica" in html
    assert "/admin/informes/evaluaciones/" in html  # item analysis of its quiz

    rows = {r["Nombre"]: r for r in csv_rows(client.get(url, {"export": "csv"}))}
    ana, beto, carla = (
        rows["Ana Certificada"],
        rows["Beto Avanza"],
        rows["Carla Comienza"],
    )
    assert ana["Departamento"] == "Guatemala" and ana["Municipio"] == "Guatemala"
    assert beto["Municipio"] == "Mixco"
    assert ana["Avance (%)"] == "100" and beto["Avance (%)"] == "25"
    assert carla["Avance (%)"] == "0"
    assert ana["Evaluaciones aprobadas"] == "1 / 1"
    assert ana["Certificado"] == "Emitido" and beto["Certificado"] == "—"
    assert ana["Completado el"] and not beto["Completado el"]
    assert ana["Edición"] == "Edición 2026-1"
    assert ana["Institución"].startswith("Municipalidad")
    assert ana["Cargo"]


def test_course_learners_filters(client, coordinator, diploma):
    client.force_login(coordinator)
    url = f"{COURSES}{diploma.pk}/"
    second = diploma.cohorts.get(name="Edición 2026-2")
    names = lambda params: {  # noqa: E731
        r["Nombre"] for r in csv_rows(client.get(url, {"export": "csv", **params}))
    }
    assert names({"cohort": second.pk}) == {"Dora Segunda"}
    cobán = municipality("1601").department
    assert names({"department": cobán.pk}) == {"Carla Comienza", "Dora Segunda"}
    assert names({"state": "completado"}) == {"Ana Certificada"}
    assert names({"state": "en-curso"}) == {"Beto Avanza"}
    assert names({"state": "sin-avance"}) == {"Carla Comienza", "Dora Segunda"}
    # The edition and department filters narrow what is counted
    # (filtered_scope), not the figures of the rows they keep.
    first = diploma.cohorts.get(name="Edición 2026-1")
    guatemala = municipality("0108").department
    figures = {
        r["Nombre"]: (r["Avance (%)"], r["Evaluaciones aprobadas"])
        for r in csv_rows(client.get(url, {"export": "csv", "cohort": first.pk}))
    }
    assert figures == {
        "Ana Certificada": ("100", "1 / 1"),
        "Beto Avanza": ("25", "0 / 1"),
        "Carla Comienza": ("0", "0 / 1"),
    }
    with CaptureQueriesContext(connection) as captured:
        csv_rows(client.get(url, {"export": "csv", "cohort": first.pk}))
    counting = [q["sql"] for q in captured if '"lesson_counts"' in q["sql"]]
    # The lessons are counted only for the filtered enrollments: the table
    # expression itself names the edition.
    cte = counting[0].split('"lesson_counts" AS (', 1)[1]
    cte = cte.split('"quiz_counts" AS (', 1)[0].split(") SELECT", 1)[0]
    assert "cohort_id" in cte
    assert names({"department": guatemala.pk, "state": "en-curso"}) == {"Beto Avanza"}
    page = client.get(url, {"cohort": first.pk, "department": guatemala.pk})
    assert "<td>0</td><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td>" in (
        _progress_chart(page.content.decode())
    )
    # A cohort of another course is not a valid choice: the filter is refused
    # (ignored), so it neither errors nor empties the list.
    other = diploma_with_cohorts().cohorts.first()
    response = client.get(url, {"cohort": other.pk})
    assert response.status_code == 200
    assert len(names({"cohort": other.pk})) == 4


def _progress_chart(html: str) -> str:
    start = html.index('<figure class="lms-chart">')
    return html[start : html.index("</figure>", start)]


def test_large_course_chart_is_counted_every_few_minutes(
    client, coordinator, diploma, monkeypatch
):
    """Above LIVE_CHART_MAX_LEARNERS the progress chart's counts are kept for
    a few minutes and the chart says when they were taken; the table stays
    live. Each filter is its own chart; a small course's chart is live."""
    from cursos.reports import courses

    client.force_login(coordinator)
    url = f"{COURSES}{diploma.pk}/"
    monkeypatch.setattr(courses, "LIVE_CHART_MAX_LEARNERS", 3)
    # Counted at 20:05 UTC, 14:05 in Guatemala: the note says Guatemala's time.
    counted = timezone.now().replace(hour=20, minute=5, second=0, microsecond=0)
    with time_machine.travel(counted, tick=False):
        first = client.get(url).content.decode()
    assert (
        "Distribución calculada a las 14:05: con más de 3 participantes en el "
        "informe se vuelve a calcular cada 5 minutos."
    ) in first
    second_cohort = diploma.cohorts.get(name="Edición 2026-2")
    enroll(
        user=UserFactory(full_name="Eva Nueva"), course=diploma, cohort=second_cohort
    )

    # Two minutes later, within the five the counts are kept (not the real
    # clock: after 20:10 UTC the counts taken "at 20:05" would have expired).
    with time_machine.travel(counted + datetime.timedelta(minutes=2), tick=False):
        again = client.get(url).content.decode()
    assert "Eva Nueva" in again  # the table is live
    assert _progress_chart(again) == _progress_chart(first)
    assert "<td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td>" in (
        _progress_chart(again)
    )  # the second cohort still counts Dora alone
    # Another filter counts anew (and sees Eva): 2 in the second cohort,
    # above the patched limit of 1.
    monkeypatch.setattr(courses, "LIVE_CHART_MAX_LEARNERS", 1)
    filtered = client.get(url, {"cohort": second_cohort.pk}).content.decode()
    assert "<td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td>" in (
        _progress_chart(filtered)
    )
    # A course under the limit is counted on every visit, with no note.
    monkeypatch.setattr(courses, "LIVE_CHART_MAX_LEARNERS", 5000)
    live = client.get(url).content.decode()
    assert "se vuelve a calcular" not in live
    assert "<td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td>" in (
        _progress_chart(live)
    )


def test_unknown_course_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(f"{COURSES}999999/").status_code == 404


# ------------------------------------------------------------------ compliance
def test_compliance_by_person_overdue_first(client, coordinator, compliance):
    client.force_login(coordinator)
    rows = csv_rows(client.get(COMPLIANCE, {"export": "csv"}))
    assert [(r["Nombre"], r["Capacitación"], r["Estado"]) for r in rows] == [
        ("Eva Vencida", "Inducción", "Vencida"),
        ("Fito Cumplido", "Solicitudes", "En curso"),
        ("Eva Vencida", "Solicitudes", "Pendiente"),
        ("Fito Cumplido", "Inducción", "Completada"),
    ]
    assert rows[0]["Unidad"] == "Recursos Humanos"
    html = client.get(COMPLIANCE).content.decode()
    assert "Asignadas: <strong>4</strong>" in html
    assert "Vencida: <strong>1</strong>" in html
    only_overdue = csv_rows(
        client.get(COMPLIANCE, {"export": "csv", "status": "vencida"})
    )
    assert [r["Nombre"] for r in only_overdue] == ["Eva Vencida"]


def test_compliance_by_unit(client, coordinator, compliance):
    client.force_login(coordinator)
    rows = {r["Unidad"]: r for r in csv_rows(client.get(UNITS, {"export": "csv"}))}
    hr = rows["Recursos Humanos"]
    uip = rows["Unidad de Información Pública"]
    assert (hr["Asignadas"], hr["Vencidas"], hr["Pendientes"]) == ("2", "1", "1")
    assert (uip["Completadas"], uip["En curso"]) == ("1", "1")
    assert float(uip["Cumplimiento (%)"]) == 50.0
    assert list(rows) == ["Recursos Humanos", "Unidad de Información Pública"]
    html = client.get(UNITS).content.decode()
    assert 'role="img"' in html
    table = html[html.rindex("<tbody") :]
    assert "Recursos Humanos" in table and "Unidad de Información Pública" in table


# ------------------------------------------------------------------ territory
def test_territory_counts_and_uncovered_municipalities(client, coordinator, diploma):
    client.force_login(coordinator)
    rows = {
        r["Municipio"]: r
        for r in csv_rows(
            client.get(TERRITORY, {"export": "csv", "reach": "con-inscritos"})
        )
    }
    assert set(rows) == {"Guatemala", "Mixco", "Cobán"}
    assert (rows["Cobán"]["Inscritos"], rows["Cobán"]["En curso"]) == ("2", "2")
    assert rows["Guatemala"]["Certificados"] == "1"
    assert rows["Cobán"]["Departamento"] == "Alta Verapaz"
    uncovered = csv_rows(
        client.get(TERRITORY, {"export": "csv", "reach": "sin-certificados"})
    )
    assert len(uncovered) == 339
    assert "Guatemala" not in {
        r["Municipio"] for r in uncovered if r["Departamento"] == "Guatemala"
    }
    html = client.get(TERRITORY).content.decode()
    assert "Funcionarios certificados por departamento" in html
    assert "339 de 340" in html


# ------------------------------------------------------------------ query budgets
def bulk_learners(course, n, *, with_assignments=False):
    """n officials enrolled in the course, a third with one lesson done, spread
    over four municipalities (bulk inserts: this is about query counts)."""
    places = [municipality(code) for code in ("0101", "0108", "1601", "0901")]
    start = User.objects.count()
    users = User.objects.bulk_create(
        User(
            email=f"masivo{start + i}@municipalidad.example",
            full_name=f"Persona {i}",
            institution_type="municipalidad",
            institution_name=f"Unidad {i % 5}",
            municipality=places[i % 4],
            department=places[i % 4].department,
            post="uip",
        )
        for i in range(n)
    )
    cohort = course.cohorts.first()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(user=u, course=course, cohort=cohort) for u in users
    )
    lesson = course_lessons(course)[0]
    LessonCompletion.objects.bulk_create(
        LessonCompletion(enrollment=e, lesson=lesson) for e in enrollments[::3]
    )
    if with_assignments:
        requirement = RequiredTraining.objects.get_or_create(
            course=course,
            group=Group.objects.get(name=STAFF_GROUP),
            defaults={"due_on": timezone.localdate()},
        )[0]
        TrainingAssignment.objects.bulk_create(
            TrainingAssignment(
                requirement=requirement,
                user=u,
                course=course,
                assigned_on=timezone.localdate(),
                due_on=timezone.localdate() - datetime.timedelta(days=i % 3),
            )
            for i, u in enumerate(users)
        )


def queries(client, url) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "report", ["courses", "learners", "compliance", "units", "territory"]
)
def test_reports_are_flat_from_10_to_1000_learners(client, coordinator, report):
    course = diploma_with_cohorts()
    url = {
        "courses": COURSES,
        "learners": f"{COURSES}{course.pk}/",
        "compliance": COMPLIANCE,
        "units": UNITS,
        "territory": TERRITORY,
    }[report]
    client.force_login(coordinator)
    bulk_learners(course, 10, with_assignments=True)
    small = queries(client, url)
    bulk_learners(course, 990)
    large = queries(client, url)
    assert small == large, (small, large)


def page_names(html: str) -> list[str]:
    """The names in the first column of a report page's table, in order."""
    import re

    table = html[html.rindex("<tbody") :]
    return re.findall(r"<td[^>]*>\s*(Persona \d+)\s*</td>", table)


def test_compliance_pages_follow_the_export_order(client, coordinator):
    """The page picks its 50 rows by id and status, then reads them: the same
    rows in the same order as the export, on every page and with a status
    filter; the totals are the paginator's count."""
    course = diploma_with_cohorts()
    bulk_learners(course, 120, with_assignments=True)
    client.force_login(coordinator)
    rows = csv_rows(client.get(COMPLIANCE, {"export": "csv"}))
    exported = [r["Nombre"] for r in rows]
    shown = []
    for number in (1, 2, 3):
        html = client.get(COMPLIANCE, {"p": number}).content.decode()
        shown += page_names(html)
    assert shown == exported and len(shown) == 120
    assert "Asignadas: <strong>120</strong>" in html
    assert "120 asignaciones de capacitación" in html
    overdue = csv_rows(client.get(COMPLIANCE, {"export": "csv", "status": "vencida"}))
    assert {r["Estado"] for r in overdue} == {"Vencida"} and len(overdue) == 80
    html = client.get(COMPLIANCE, {"status": "vencida", "p": 2}).content.decode()
    assert page_names(html) == [r["Nombre"] for r in overdue][50:]
    assert "Vencida: <strong>80</strong>" in html


def test_compliance_page_is_flat_from_60_to_300_assignments(client, coordinator):
    course = diploma_with_cohorts()
    client.force_login(coordinator)
    bulk_learners(course, 60, with_assignments=True)
    small = queries(client, f"{COMPLIANCE}?p=2&status=vencida")
    bulk_learners(course, 240, with_assignments=True)
    large = queries(client, f"{COMPLIANCE}?p=2&status=vencida")
    assert small == large, (small, large)


def test_units_count_each_assignment_once_with_its_status(compliance):
    """The unit report counts statuses over joins (no EXISTS per row): the
    same counts as each assignment's ``assignment_status``, an enrollment
    replaced by its renewal included."""
    from collections import Counter

    from cursos.reports.compliance import assignments_by_unit, assignments_with_status

    today = timezone.localdate()
    eva = compliance["Eva Vencida"]
    for assignment in TrainingAssignment.objects.filter(user=eva):
        # An old completion, replaced by its renewal: it counts for nothing.
        Enrollment.objects.create(
            user=eva,
            course=assignment.course,
            completed_at=timezone.now(),
            superseded_at=timezone.now(),
        )
    expected = Counter(
        (row.user.institution_name, row.status)
        for row in assignments_with_status(today).select_related("user")
    )
    for row in assignments_by_unit(today):
        unit = row["user__institution_name"]
        assert row["assigned"] == sum(
            n for (name, _status), n in expected.items() if name == unit
        )
        for key, status in (
            ("completed", "completada"),
            ("in_progress", "en-curso"),
            ("pending", "pendiente"),
            ("overdue", "vencida"),
        ):
            assert row[key] == expected[(unit, status)], (unit, key)
