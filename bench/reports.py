"""Coordinator reports with 5,000 enrollments: SQL queries and the median time
of each report page and of its CSV export. Run with `make bench` (PostgreSQL
when DATABASE_URL is set, as `make bench` does; SQLite otherwise).
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

LEARNERS = 5_000
RUNS = 15
STAFF_SHARE = 5  # one in five learners is INFOM staff with a required training


def build() -> tuple[int, int]:
    """5,000 officials enrolled in a diploma of 2 modules × 3 lessons + a quiz
    each, spread over every municipality, with progress from 0 to 100 %; a
    fifth are staff with a required training in every state. Bulk inserts."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from certificados.models import Certificate
    from certificados.services import new_code
    from cursos.models import (
        Enrollment,
        LessonCompletion,
        RequiredTraining,
        TrainingAssignment,
    )
    from lms.accounts.models import STAFF_GROUP, Municipality, User
    from tests.factories import add_quiz, build_course, course_lessons

    diploma = build_course(modules=2, lessons=3, kind="diplomado", title="Diplomado")
    add_quiz(diploma, module=0)
    training = build_course(modules=1, lessons=2, kind="obligatoria", title="Inducción")
    lessons = course_lessons(diploma)
    municipalities = list(Municipality.objects.select_related("department"))
    users = User.objects.bulk_create(
        User(
            email=f"bench{i}@municipalidad.example",
            full_name=f"Persona de prueba {i}",
            institution_type="municipalidad" if i % STAFF_SHARE else "infom",
            institution_name=f"Unidad {i % 12}",
            municipality=municipalities[i % len(municipalities)],
            department=municipalities[i % len(municipalities)].department,
            post="uip",
        )
        for i in range(LEARNERS)
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=user,
            course=diploma,
            last_activity_at=now,
            completed_at=now if i % 7 == 0 else None,
            status="completada" if i % 7 == 0 else "activa",
        )
        for i, user in enumerate(users)
    )
    LessonCompletion.objects.bulk_create(
        LessonCompletion(enrollment=enrollment, lesson=lesson)
        for i, enrollment in enumerate(enrollments)
        for lesson in lessons[: i % (len(lessons) + 1)]
    )
    Certificate.objects.bulk_create(
        Certificate(
            enrollment=enrollment,
            code=new_code(),
            holder_name=enrollment.user.full_name,
            course_title=diploma.title,
            hours=4,
            completed_on=now.date(),
            status="emitido",
        )
        for enrollment in enrollments
        if enrollment.completed_at
    )
    staff = Group.objects.get(name=STAFF_GROUP)
    requirement = RequiredTraining.objects.create(
        course=training, group=staff, due_on=now.date()
    )
    today = timezone.localdate()
    TrainingAssignment.objects.bulk_create(
        TrainingAssignment(
            requirement=requirement,
            user=user,
            course=training,
            assigned_on=today,
            due_on=today + datetime.timedelta(days=(i % 9) - 4),
        )
        for i, user in enumerate(users[::STAFF_SHARE])
    )
    return diploma.pk, LEARNERS


def measure(client: Client, url: str, **params) -> tuple[float, int]:
    def get():
        response = client.get(url, params)
        if params.get("export"):
            b"".join(response.streaming_content)
        assert response.status_code == 200, (url, response.status_code)

    get()
    with CaptureQueriesContext(connection) as captured:
        get()
    query_count = len(captured)  # now: every request empties the log
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        get()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), query_count


def main() -> None:
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from tests.factories import UserFactory

        start = time.perf_counter()
        diploma_id, n = build()
        print(
            f"datos: {n} inscripciones con avance, certificados y asignaciones "
            f"({time.perf_counter() - start:.1f} s para crearlos) · "
            f"{connection.vendor}"
        )
        client = Client()
        client.force_login(UserFactory(coordinator=True))
        reports = [
            ("avance por curso", "/admin/informes/cursos/"),
            ("participantes del diplomado", f"/admin/informes/cursos/{diploma_id}/"),
            ("cumplimiento por persona", "/admin/informes/cumplimiento/"),
            ("cumplimiento por unidad", "/admin/informes/cumplimiento/unidades/"),
            ("diplomado por territorio", "/admin/informes/territorio/"),
        ]
        for label, url in reports:
            page_ms, page_queries = measure(client, url)
            csv_ms, csv_queries = measure(client, url, export="csv")
            print(
                f"{label}: página {page_ms:.0f} ms ({page_queries} consultas) · "
                f"CSV completo {csv_ms:.0f} ms ({csv_queries} consultas)"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
