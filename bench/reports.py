"""Coordinator reports, the tutor area, the gradebook and open data at 5,000
and 50,000 enrollments: SQL queries and the median time of each page (50 rows)
and of each full export (CSV, XLSX where the view offers it).

    .venv/bin/python bench/reports.py                 # 5,000 and 50,000
    REPORTS_BENCH_SIZES=5000 .venv/bin/python bench/reports.py
    REPORTS_BENCH_ONLY=calificaciones,edición .venv/bin/python bench/reports.py

REPORTS_BENCH_ONLY keeps the pages whose label contains one of the given
words. REPORTS_BENCH_TEST_DB names the throwaway database (default
``test_`` + the database's name).

PostgreSQL when DATABASE_URL is set (as `make bench` does); without it, the
database ``reports_bench`` on 127.0.0.1 (a throwaway ``test_reports_bench`` is
created and dropped). Rows are written with bulk_create, not through the
project's services (enrolling 50,000 people one by one takes longer than the
whole bench), and the output says so.
"""

import datetime
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/reports_bench"
)

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.http import FileResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

SIZES = [int(n) for n in os.environ.get("REPORTS_BENCH_SIZES", "5000,50000").split(",")]
# The suppression of small cells depends on the shape of the counts, not on
# the number of rows; bench/opendata.py measures it. REPORTS_BENCH_SUPPRESSION=1
# adds it here.
SUPPRESSION = os.environ.get("REPORTS_BENCH_SUPPRESSION") == "1"
STAFF_SHARE = 5  # one in five learners is INFOM staff with a required training


ONLY = [word for word in os.environ.get("REPORTS_BENCH_ONLY", "").split(",") if word]


def runs_for(size: int) -> int:
    return int(os.environ.get("REPORTS_BENCH_RUNS", 5 if size <= 5_000 else 3))


def build(learners: int) -> dict:
    """``learners`` officials enrolled in one edition of a graded diploma of 2
    modules × 3 lessons, a quiz and an assignment, spread over every
    municipality, with progress from 0 to 100 %, quiz attempts (a third with
    their per-question results), work handed in waiting for the edition's
    tutor, certificates; a fifth are staff with a required training."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from certificados.models import Certificate
    from certificados.services import new_code
    from cursos.models import (
        TUTORS_GROUP,
        CoursePage,
        EditionTutor,
        Enrollment,
        LessonCompletion,
        QuestionResult,
        QuizAttempt,
        RequiredTraining,
        Submission,
        TrainingAssignment,
    )
    from lms.accounts.models import STAFF_GROUP, Municipality, User
    from tests.cursos.grades_factories import add_assignment
    from tests.factories import UserFactory, add_quiz, build_course, course_lessons

    now = timezone.now()
    today = timezone.localdate()
    diploma = build_course(
        modules=2,
        lessons=3,
        kind="diplomado",
        title="Diplomado",
        cohorts=[
            {
                "name": "Primera edición",
                "enrollment_opens": now - datetime.timedelta(days=30),
                "enrollment_closes": now + datetime.timedelta(days=30),
                "starts_on": today - datetime.timedelta(days=10),
                "ends_on": today + datetime.timedelta(days=60),
            }
        ],
    )
    CoursePage.objects.filter(pk=diploma.pk).update(
        pass_mark=70, weight_quizzes=50, weight_assignments=50, weight_final_project=0
    )
    diploma.refresh_from_db()
    cohort = diploma.cohorts.get()
    quiz = add_quiz(diploma, module=0)
    homework = add_assignment(diploma, module=1, title="Plan de transparencia")
    training = build_course(modules=1, lessons=2, kind="obligatoria", title="Inducción")
    lessons = course_lessons(diploma)
    municipalities = list(Municipality.objects.select_related("department"))
    users = User.objects.bulk_create(
        (
            User(
                email=f"bench{i}@municipalidad.example",
                # every hundredth name is text a spreadsheet would run
                full_name=(f'=HYPERLINK("x") {i}' if i % 100 == 0 else f"Persona {i}"),
                institution_type="municipalidad" if i % STAFF_SHARE else "infom",
                institution_name=f"Unidad {i % 12}",
                municipality=municipalities[i % len(municipalities)],
                department=municipalities[i % len(municipalities)].department,
                post="uip",
            )
            for i in range(learners)
        ),
        batch_size=5000,
    )
    enrollments = Enrollment.objects.bulk_create(
        (
            Enrollment(
                user=user,
                course=diploma,
                cohort=cohort,
                last_activity_at=now,
                completed_at=now if i % 7 == 0 else None,
                status="completada" if i % 7 == 0 else "activa",
            )
            for i, user in enumerate(users)
        ),
        batch_size=5000,
    )
    LessonCompletion.objects.bulk_create(
        (
            LessonCompletion(enrollment=enrollment, lesson=lesson)
            for i, enrollment in enumerate(enrollments)
            for lesson in lessons[: i % (len(lessons) + 1)]
        ),
        batch_size=5000,
    )
    questions = [block.id for block in quiz.questions]
    attempts = QuizAttempt.objects.bulk_create(
        (
            QuizAttempt(
                enrollment=enrollment,
                quiz=quiz,
                number=1,
                status="enviado",
                submitted_at=now,
                snapshot={},
                score=i % 3,
                max_score=2,
                percent=50 * (i % 3),
                passed=i % 3 == 2,
            )
            for i, enrollment in enumerate(enrollments)
            if i % 2 == 0
        ),
        batch_size=5000,
    )
    QuestionResult.objects.bulk_create(
        (
            QuestionResult(
                attempt=attempt,
                quiz=quiz,
                question_key=key,
                correct=(i + k) % 2 == 0,
                points=1,
                max_points=1,
            )
            for i, attempt in enumerate(attempts)
            if i % 3 == 0
            for k, key in enumerate(questions)
        ),
        batch_size=5000,
    )
    Submission.objects.bulk_create(
        (
            Submission(
                enrollment=enrollment,
                assignment=homework,
                versions_count=1,
                first_submitted_at=now - datetime.timedelta(minutes=i),
                submitted_at=now - datetime.timedelta(minutes=i),
            )
            for i, enrollment in enumerate(enrollments)
            if i % 3 == 0
        ),
        batch_size=5000,
    )
    tutor = UserFactory(groups_by_name=(TUTORS_GROUP,))
    EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    Certificate.objects.bulk_create(
        (
            Certificate(
                enrollment=enrollment,
                code=new_code(),
                holder_name=enrollment.user.full_name,
                course_title=diploma.title,
                hours=4,
                completed_on=timezone.localdate(now),
                status="emitido",
            )
            for enrollment in enrollments
            if enrollment.completed_at
        ),
        batch_size=5000,
    )
    staff = Group.objects.get(name=STAFF_GROUP)
    requirement = RequiredTraining.objects.create(
        course=training, group=staff, due_on=timezone.localdate(now)
    )
    TrainingAssignment.objects.bulk_create(
        (
            TrainingAssignment(
                requirement=requirement,
                user=user,
                course=training,
                assigned_on=today,
                due_on=today + datetime.timedelta(days=(i % 9) - 4),
            )
            for i, user in enumerate(users[::STAFF_SHARE])
        ),
        batch_size=5000,
    )
    # VACUUM as well as ANALYZE: after 50,000 bulk inserts autovacuum would
    # otherwise start on these tables in the middle of the first measurements
    # (and a production database has its tables vacuumed).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE") if connection.vendor == "postgresql" else None
    return {
        "diploma": diploma.pk,
        "department": municipalities[0].department_id,
        "cohort": cohort.pk,
        "quiz": quiz.pk,
        "tutor": tutor,
    }


def _body(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(client: Client, url: str, runs: int, **params) -> dict:
    """Median ms over ``runs``, SQL queries, ms to the first byte and the
    peak of Python memory of one export."""

    def get():
        response = client.get(url, params)
        assert response.status_code == 200, (url, params, response.status_code)
        return response

    _body(get())
    with CaptureQueriesContext(connection) as captured:
        _body(get())
    figures = {"queries": len(captured)}
    timings, first, cpu = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        cpu_start = time.process_time()
        response = get()
        if response.streaming:
            iterator = iter(response.streaming_content)
            next(iterator, None)
            first.append((time.perf_counter() - start) * 1000)
            for _chunk in iterator:
                pass
        else:
            len(response.content)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    figures["ms"] = statistics.median(timings)
    figures["cpu_ms"] = statistics.median(cpu)
    figures["streamed"] = bool(first) and not isinstance(response, FileResponse)
    if first:
        figures["first_ms"] = statistics.median(first)
    if params.get("export") or params.get("formato"):
        tracemalloc.start()
        _body(get())
        figures["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    reset_queries()
    return figures


def export_text(figures: dict, kind: str) -> str:
    text = (
        f"{kind} {figures['ms']:.0f} ms (CPU Python {figures['cpu_ms']:.0f} ms, "
        f"{figures['queries']} consultas"
    )
    if figures["streamed"]:
        text += f", primer byte {figures['first_ms']:.0f} ms"
    else:
        text += ", sin streaming"
    text += f", pico de memoria Python {figures['peak_mb']:.0f} MB)"
    return text


def load_text() -> str:
    """The load average (1, 5, 15 minutes): other processes share the cores."""
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def bench_size(learners: int) -> None:
    from tests.factories import UserFactory

    start = time.perf_counter()
    data = build(learners)
    print(
        f"\n== {learners:,} inscripciones ({connection.vendor}; filas creadas con "
        f"bulk_create, no con los servicios, en "
        f"{time.perf_counter() - start:.1f} s; carga de la máquina "
        f"{load_text()})"
    )
    runs = runs_for(learners)
    coordinator = Client()
    coordinator.force_login(UserFactory(coordinator=True))
    tutor = Client()
    tutor.force_login(data["tutor"])
    diploma, quiz, cohort = data["diploma"], data["quiz"], data["cohort"]
    # (label, client, url, page params, export kinds)
    admin_exports = ("csv", "xlsx")
    pages = [
        ("avance por curso", coordinator, "/admin/informes/cursos/", {}, admin_exports),
        (
            "participantes del diplomado, gráfico recién calculado",
            coordinator,
            f"/admin/informes/cursos/{diploma}/",
            {"chart": "fresh"},
            (),
        ),
        (
            "participantes del diplomado",
            coordinator,
            f"/admin/informes/cursos/{diploma}/",
            {},
            admin_exports,
        ),
        (
            "participantes del diplomado, un departamento",
            coordinator,
            f"/admin/informes/cursos/{diploma}/",
            {"department": data["department"]},
            ("csv",),
        ),
        (
            "cumplimiento por persona",
            coordinator,
            "/admin/informes/cumplimiento/",
            {},
            admin_exports,
        ),
        (
            "cumplimiento por unidad",
            coordinator,
            "/admin/informes/cumplimiento/unidades/",
            {},
            admin_exports,
        ),
        (
            "diplomado por territorio",
            coordinator,
            "/admin/informes/territorio/",
            {},
            admin_exports,
        ),
        (
            "resultados de evaluaciones",
            coordinator,
            "/admin/informes/evaluaciones/",
            {},
            admin_exports,
        ),
        (
            "participantes de la evaluación",
            coordinator,
            f"/admin/informes/evaluaciones/{quiz}/",
            {},
            admin_exports,
        ),
        (
            "análisis por pregunta",
            coordinator,
            f"/admin/informes/evaluaciones/{quiz}/preguntas/",
            {},
            admin_exports,
        ),
        (
            "libro de calificaciones (coordinación)",
            coordinator,
            "/admin/informes/calificaciones/",
            {"course": diploma},
            admin_exports,
        ),
        ("tutoría: pendientes", tutor, "/tutoria/pendientes/", {}, ()),
        ("tutoría: edición", tutor, f"/tutoria/ediciones/{cohort}/", {}, ()),
        (
            "tutoría: libro de calificaciones",
            tutor,
            f"/tutoria/ediciones/{cohort}/calificaciones/",
            {},
            ("formato",),
        ),
    ]
    if ONLY:
        pages = [page for page in pages if any(word in page[0] for word in ONLY)]
    from cursos.reports import courses

    cached_for = courses.CHART_CACHE_SECONDS
    for label, client, url, params, exports in pages:
        # A large course's progress chart is kept for a few minutes: the
        # first visit in that time counts it (kept for 0 s: every visit; so
        # measured before the page that keeps it).
        courses.CHART_CACHE_SECONDS = 0 if params.pop("chart", "") else cached_for
        page = measure(client, url, runs, **params)
        parts = [
            f"página {page['ms']:.0f} ms (CPU Python {page['cpu_ms']:.0f} ms, "
            f"{page['queries']} consultas)"
        ]
        for kind in exports:
            if kind == "formato":
                figures = measure(client, url, runs, **params, formato="csv")
                parts.append(export_text(figures, "CSV"))
            else:
                figures = measure(client, url, runs, **params, export=kind)
                parts.append(export_text(figures, kind.upper()))
        print(f"{label}: " + " · ".join(parts) + f" [carga {load_text()}]", flush=True)

    from home.opendata.aggregate import build_dataset, fetch_counts, publish

    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            counts = fetch_counts()
        fetched = time.perf_counter()
        dataset = build_dataset(counts)
        if SUPPRESSION:
            publish(dataset)
        timings.append(((fetched - start) * 1000, (time.perf_counter() - start) * 1000))
    print(
        f"datos abiertos (agregado): consultas "
        f"{statistics.median(t[0] for t in timings):.0f} ms ({len(captured)} "
        f"consultas) · con las tablas"
        + (" y la supresión" if SUPPRESSION else " (supresión: bench/opendata.py)")
        + f" {statistics.median(t[1] for t in timings):.0f} ms"
    )


def main() -> None:
    print(
        "Tiempos en una máquina de 2 núcleos compartida con otros procesos: "
        "comparar consultas, CPU de Python y proporciones de la misma corrida "
        "(la carga de la máquina va entre corchetes)."
    )
    if os.environ.get("REPORTS_BENCH_TEST_DB"):
        connection.settings_dict["TEST"]["NAME"] = os.environ["REPORTS_BENCH_TEST_DB"]
    for learners in SIZES:
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            bench_size(learners)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
