"""The tutor area's pages: home, learners of an edition (sort, filter, pages),
one learner, the queue (oldest first); each list flat in queries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cursos.models import Enrollment, QuizAttempt
from tests.cursos import tutoria_data as data
from tests.factories import add_quiz

pytestmark = pytest.mark.django_db


def as_user(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def count_queries(client, url) -> int:
    client.get(url)  # warm the caches (outline, header flags, session)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def attempt(enrollment, quiz, *, number=1, percent=80, passed=True):
    return QuizAttempt.objects.create(
        enrollment=enrollment,
        quiz=quiz,
        number=number,
        status="enviado",
        submitted_at=timezone.now(),
        snapshot=[],
        max_score=10,
        score=Decimal(percent) / 10,
        percent=percent,
        passed=passed,
    )


def populate(cohort, homework, quiz, n, *, start=0):
    for i in range(start, start + n):
        enrollment = data.learner(cohort, full_name=f"Participante {i:03d}")
        attempt(enrollment, quiz, percent=60 + i % 40, passed=i % 2 == 0)
        data.hand_in(enrollment, homework, days_ago=1 + i % 5, versions=1 + i % 3)


@pytest.fixture
def edition():
    course, cohort = data.edition(title="Diplomado de gestión municipal")
    homework = data.assignment(course)
    quiz = add_quiz(course, title="Evaluación del módulo 1")
    return course, cohort, homework, quiz


def test_home_lists_the_edition_with_state_and_counts(edition):
    _course, cohort, homework, quiz = edition
    tutor = data.tutor(cohort)
    populate(cohort, homework, quiz, 3)
    html = as_user(tutor).get("/tutoria/").content.decode()
    assert "Diplomado de gestión municipal · Primera edición" in html
    assert "En curso" in html
    assert "3 participantes" in html
    assert "3 entregas por calificar" in html


def test_closed_edition_says_until_when_grading_is_open():
    _course, cohort = data.edition(
        starts_on=data.days_ago(90), ends_on=data.days_ago(2), grace=14
    )
    html = as_user(data.tutor(cohort)).get("/tutoria/").content.decode()
    assert "Cerrada" in html and "Calificación abierta hasta el" in html


def test_edition_page_shows_each_learners_figures(edition):
    _course, cohort, homework, quiz = edition
    tutor = data.tutor(cohort)
    ana = data.learner(cohort, full_name="Ana Xiloj")
    attempt(ana, quiz, number=1, percent=50, passed=False)
    attempt(ana, quiz, number=2, percent=90, passed=True)
    data.hand_in(ana, homework)
    Enrollment.objects.filter(pk=ana.pk).update(final_grade=Decimal("87.5"))
    html = as_user(tutor).get(f"/tutoria/ediciones/{cohort.pk}/").content.decode()
    assert "Ana Xiloj" in html
    assert "1/1 aprobadas, promedio 90 %" in html
    assert "1 por calificar, 0 calificadas, 0 devueltas" in html
    assert "87,5" in html  # Spanish decimal comma
    assert "Guatemala" in html


def test_edition_page_sorts_and_filters(edition):
    _course, cohort, _homework, _quiz = edition
    tutor = data.tutor(cohort)
    now = timezone.now()
    zoe = data.learner(cohort, full_name="Zoe Ajú", code=data.TOTONICAPAN)
    ana = data.learner(cohort, full_name="Ana Batz")
    Enrollment.objects.filter(pk=zoe.pk).update(last_activity_at=now)
    Enrollment.objects.filter(pk=ana.pk).update(
        last_activity_at=now - timedelta(days=3)
    )
    client = as_user(tutor)
    url = f"/tutoria/ediciones/{cohort.pk}/"
    by_name = client.get(url + "?orden=nombre").content.decode()
    assert by_name.index("Ana Batz") < by_name.index("Zoe Ajú")
    by_activity = client.get(url + "?orden=actividad").content.decode()
    assert by_activity.index("Zoe Ajú") < by_activity.index("Ana Batz")
    department = zoe.user.department_id
    filtered = client.get(f"{url}?departamento={department}").content.decode()
    assert "Zoe Ajú" in filtered and "Ana Batz" not in filtered
    # Nonsense parameters fall back to the defaults, never a 500.
    for junk in ("?orden=<script>", "?departamento=abc", "?pagina=99999"):
        assert client.get(url + junk).status_code == 200


def test_edition_page_sorts_by_progress(edition):
    course, cohort, _homework, _quiz = edition
    from cursos.services.progress import complete_lesson
    from tests.factories import course_lessons

    tutor = data.tutor(cohort)
    slow = data.learner(cohort, full_name="Aura Lenta")
    fast = data.learner(cohort, full_name="Berta Rápida")
    for lesson in course_lessons(course):
        complete_lesson(enrollment=fast, lesson=lesson)
    html = as_user(tutor).get(f"/tutoria/ediciones/{cohort.pk}/?orden=avance")
    html = html.content.decode()
    assert html.index("Berta Rápida") < html.index("Aura Lenta")
    assert slow.pk  # listed too
    assert "Aura Lenta" in html


def test_edition_page_is_paginated(edition):
    _course, cohort, homework, quiz = edition
    tutor = data.tutor(cohort)
    populate(cohort, homework, quiz, 27)
    client = as_user(tutor)
    first = client.get(f"/tutoria/ediciones/{cohort.pk}/").content.decode()
    assert "Participante 000" in first and "Participante 026" not in first
    assert "Página 1 de 2" in first
    second = client.get(f"/tutoria/ediciones/{cohort.pk}/?pagina=2").content.decode()
    assert "Participante 026" in second


def test_learner_page_shows_outline_quizzes_and_work(edition):
    _course, cohort, homework, quiz = edition
    tutor = data.tutor(cohort)
    ana = data.learner(cohort, full_name="Ana Xiloj")
    attempt(ana, quiz, number=1, percent=70, passed=True)
    work = data.hand_in(ana, homework)
    html = as_user(tutor).get(f"/tutoria/ediciones/{cohort.pk}/participantes/{ana.pk}/")
    assert html.status_code == 200
    html = html.content.decode()
    assert "Lección 1.1" in html and "Evaluación del módulo 1" in html
    assert "Intento 1" in html and "70 %" in html
    assert f"/tutoria/entregas/{work.pk}/" in html
    assert "Por calificar" in html


def test_queue_is_oldest_first_and_skips_graded_and_returned(edition):
    _course, cohort, homework, _quiz = edition
    other = data.assignment(cohort.course, title="Informe de rendición de cuentas")
    tutor = data.tutor(cohort)
    new = data.hand_in(data.learner(cohort, full_name="Reciente"), homework, days_ago=1)
    old = data.hand_in(data.learner(cohort, full_name="Antigua"), homework, days_ago=9)
    mid = data.hand_in(data.learner(cohort, full_name="Media"), other, days_ago=4)
    done = data.hand_in(data.learner(cohort, full_name="Calificada"), homework)
    done.state, done.released_at, done.points = "calificada", timezone.now(), 90
    done.save()
    back = data.hand_in(data.learner(cohort, full_name="Devuelta"), homework)
    back.state = "devuelta"
    back.save()
    html = as_user(tutor).get("/tutoria/pendientes/").content.decode()
    positions = [html.index(f"/tutoria/entregas/{s.pk}/") for s in (old, mid, new)]
    assert positions == sorted(positions)
    assert f"/tutoria/entregas/{done.pk}/" not in html
    assert f"/tutoria/entregas/{back.pk}/" not in html


def test_submission_page_escapes_text_and_keeps_line_breaks(edition):
    _course, cohort, homework, _quiz = edition
    tutor = data.tutor(cohort)
    work = data.hand_in(
        data.learner(cohort), homework, text="Primera línea\n<script>alert(1)</script>"
    )
    html = as_user(tutor).get(f"/tutoria/entregas/{work.pk}/").content.decode()
    assert "Primera línea<br>&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "<details" in html and "Redacte un plan de transparencia" in html


# ------------------------------------------------------------------ budgets
@pytest.mark.parametrize(
    "url",
    [
        "/tutoria/",
        "/tutoria/ediciones/{cohort}/",
        # Sorted by progress: every learner's progress from one records query
        # over the edition, then the page's rows.
        "/tutoria/ediciones/{cohort}/?orden=avance&pagina=2",
        "/tutoria/ediciones/{cohort}/?orden=actividad&departamento=1",
        "/tutoria/pendientes/",
    ],
)
def test_lists_are_flat_in_queries(edition, url):
    _course, cohort, homework, quiz = edition
    tutor = data.tutor(cohort)
    client = as_user(tutor)
    url = url.format(cohort=cohort.pk)
    populate(cohort, homework, quiz, 3)
    small = count_queries(client, url)
    populate(cohort, homework, quiz, 17, start=3)
    large = count_queries(client, url)
    assert small == large, (small, large)
    assert large <= 14


def test_learner_and_submission_pages_are_flat(edition):
    _course, cohort, homework, quiz = edition
    tutor = data.tutor(cohort)
    client = as_user(tutor)
    ana = data.learner(cohort)
    attempt(ana, quiz, number=1)
    few = data.hand_in(ana, homework, versions=1)
    learner_url = f"/tutoria/ediciones/{cohort.pk}/participantes/{ana.pk}/"
    small_learner = count_queries(client, learner_url)
    small_submission = count_queries(client, f"/tutoria/entregas/{few.pk}/")
    for n in range(2, 8):
        attempt(ana, quiz, number=n)
    other = data.assignment(cohort.course, title="Segunda tarea")
    many = data.hand_in(ana, other, versions=8)
    assert count_queries(client, learner_url) == small_learner
    assert count_queries(client, f"/tutoria/entregas/{many.pk}/") == small_submission
    assert small_submission <= 14
