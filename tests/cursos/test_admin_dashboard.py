"""The admin home as the coordinator's dashboard: who sees it, what each panel
counts (cursos.dashboard), where it links, and a query count that stays the same
for 5 and for 200 learners."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Workflow

from certificados.models import Certificate
from cursos import dashboard
from cursos.models import (
    Cohort,
    Enrollment,
    ExtraAttempt,
    QuestionResult,
    QuizAttempt,
    QuizPage,
    RequiredTraining,
    TrainingAssignment,
)
from cursos.services.enrollment import enroll
from cursos.services.quizzes import start_attempt, submit_attempt
from lms.accounts.models import STAFF_GROUP, User
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_lessons,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def _now():
    return timezone.now()


def diploma(title="Diplomado Gestión Municipal y Transparencia"):
    now = _now()
    course = build_course(title=title, kind="diplomado", modules=1, lessons=2)
    add_quiz(course, max_attempts=2, title="Evaluación del módulo 1")
    Cohort.objects.create(
        course=course,
        name="Edición 2026-1",
        enrollment_opens=now - datetime.timedelta(days=30),
        enrollment_closes=now + datetime.timedelta(days=30),
        starts_on=(now - datetime.timedelta(days=20)).date(),
        ends_on=(now + datetime.timedelta(days=100)).date(),
    )
    return course


def set_activity(enrollment, days_ago):
    when = _now() - datetime.timedelta(days=days_ago)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_activity_at=when, enrolled_at=when - datetime.timedelta(days=1)
    )


def fail_all_attempts(enrollment, quiz):
    for _ in range(quiz.max_attempts):
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        submit_attempt(attempt=attempt, answers=wrong_answers(attempt))


# ------------------------------------------------------------------ who sees it
def test_coordinator_sees_the_panels_instead_of_the_site_summary(client, coordinator):
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()
    for heading in (
        "Ediciones en curso",
        "Participantes en riesgo",
        "Personal del INFOM con capacitaciones vencidas",
        "Evaluaciones para revisar",
        "Certificados pendientes",
        "Borradores por revisar",
    ):
        assert heading in html
    assert "Nada pendiente" in html
    assert "w-summary" not in html  # "65 Pages · 6 Images" is gone
    assert 'aria-labelledby="participantes-en-riesgo-heading"' in html


def test_editor_without_reports_permission_keeps_wagtails_home(client):
    editor = UserFactory()
    editor.groups.add(Group.objects.get_or_create(name="Editores")[0])
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    client.force_login(editor)
    response = client.get(HOME)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Participantes en riesgo" not in html
    assert "Ediciones en curso" not in html


def test_learners_cannot_reach_the_dashboard(client, participant):
    client.force_login(participant)
    response = client.get(HOME)
    assert response.status_code in (302, 403)
    assert "Participantes en riesgo" not in response.content.decode()


# ------------------------------------------------------------------ editions
def test_editions_in_progress_counts_and_links(client, coordinator):
    course = diploma()
    cohort = course.cohorts.get()
    ended = Cohort.objects.create(
        course=course,
        name="Edición 2025",
        enrollment_opens=_now() - datetime.timedelta(days=400),
        enrollment_closes=_now() - datetime.timedelta(days=380),
        starts_on=(_now() - datetime.timedelta(days=370)).date(),
        ends_on=(_now() - datetime.timedelta(days=200)).date(),
    )
    active, idle, finished = (UserFactory() for _ in range(3))
    enroll(user=active, course=course, cohort=cohort)
    set_activity(enroll(user=idle, course=course, cohort=cohort), 10)
    done = enroll(user=finished, course=course, cohort=cohort)
    Enrollment.objects.filter(pk=done.pk).update(completed_at=_now())

    (row,) = dashboard.editions_in_progress()
    assert row.cohort == cohort and row.cohort != ended
    assert (row.enrolled, row.active_week, row.completed, row.certified) == (
        3,
        2,
        1,
        0,
    )
    assert row.url == f"/admin/informes/cursos/{course.pk}/?cohort={cohort.pk}"
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()
    assert f'href="/admin/informes/cursos/{course.pk}/?cohort={cohort.pk}"' in html
    assert "Edición 2025" not in html


# ------------------------------------------------------------------ at risk
def test_learners_at_risk_rules(client, coordinator):
    course = diploma()
    cohort = course.cohorts.get()
    quiz = QuizPage.objects.descendant_of(course).get()
    people = {
        name: enroll(user=UserFactory(full_name=name), course=course, cohort=cohort)
        for name in (
            "Inactiva Quince",
            "Activa Tres",
            "Agotó Intentos",
            "Con Intento Extra",
            "Terminó Inactiva",
        )
    }
    set_activity(people["Inactiva Quince"], 15)
    set_activity(people["Activa Tres"], 3)
    fail_all_attempts(people["Agotó Intentos"], quiz)
    fail_all_attempts(people["Con Intento Extra"], quiz)
    ExtraAttempt.objects.create(enrollment=people["Con Intento Extra"], quiz=quiz)
    set_activity(people["Terminó Inactiva"], 40)
    Enrollment.objects.filter(pk=people["Terminó Inactiva"].pk).update(
        completed_at=_now() - datetime.timedelta(days=39)
    )

    at_risk = dashboard.learners_at_risk()
    names = {row.enrollment.user.full_name: row for row in at_risk.rows}
    assert set(names) == {"Inactiva Quince", "Agotó Intentos"}
    assert names["Inactiva Quince"].inactive
    assert not names["Inactiva Quince"].out_of_attempts
    assert names["Agotó Intentos"].out_of_attempts
    assert at_risk.total == 2
    (per_course,) = at_risk.courses
    assert per_course.count == 2
    assert per_course.url == f"/admin/informes/cursos/{course.pk}/?state=en-riesgo"

    # The report the panel links to lists exactly the same learners.
    client.force_login(coordinator)
    html = client.get(per_course.url).content.decode()
    assert "Inactiva Quince" in html and "Agotó Intentos" in html
    for name in ("Activa Tres", "Con Intento Extra", "Terminó Inactiva"):
        assert name not in html
    home = client.get(HOME).content.decode()
    assert "Reprobó una evaluación y no le quedan intentos" in home
    assert "Sin actividad desde hace 14 días o más" in home


def test_open_attempt_or_a_pass_is_not_out_of_attempts():
    course = diploma()
    quiz = QuizPage.objects.descendant_of(course).get()
    passed = enroll(user=UserFactory(), course=course)
    attempt = start_attempt(enrollment=passed, quiz=quiz)
    submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    attempt = start_attempt(enrollment=passed, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    trying = enroll(user=UserFactory(), course=course)
    attempt = start_attempt(enrollment=trying, quiz=quiz)
    submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    start_attempt(enrollment=trying, quiz=quiz)  # second and last, still open
    assert dashboard.learners_at_risk().total == 0


# ------------------------------------------------------------------ overdue staff
def test_overdue_staff(client, coordinator):
    today = timezone.localdate()
    group = Group.objects.get(name=STAFF_GROUP)
    course = build_course(title="Inducción", modules=1, lessons=1, audience="infom")
    RequiredTraining.objects.create(
        course=course, group=group, due_on=today - datetime.timedelta(days=4)
    )
    late = UserFactory(
        full_name="Eva Vencida",
        institution_type="infom",
        institution_name="Recursos Humanos",
        groups_by_name=(STAFF_GROUP,),
    )
    on_time = UserFactory(full_name="Fito Cumplido", groups_by_name=(STAFF_GROUP,))
    done = enroll(user=on_time, course=course)
    Enrollment.objects.filter(pk=done.pk).update(completed_at=_now())

    overdue = dashboard.overdue_trainings()
    assert overdue.total == 1
    (row,) = overdue.rows
    assert row.user == late and row.days_overdue == 4
    assert overdue.url == "/admin/informes/cumplimiento/?status=vencida"
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()
    assert "Eva Vencida" in html and "Fito Cumplido" not in html
    assert 'href="/admin/informes/cumplimiento/?status=vencida"' in html


# ------------------------------------------------------------------ quizzes
def quiz_with_learners(learners, passing, *, title):
    course = build_course(title=f"Curso de {title}", modules=1, lessons=1)
    quiz = add_quiz(course, title=title, max_attempts=None)
    for n in range(learners):
        enrollment = enroll(user=UserFactory(), course=course)
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        answers = right_answers(attempt) if n < passing else wrong_answers(attempt)
        submit_attempt(attempt=attempt, answers=answers)
    return quiz


def test_quizzes_with_a_low_pass_rate_once_enough_learners(client, coordinator):
    hard = quiz_with_learners(10, 4, title="Evaluación difícil")
    quiz_with_learners(9, 1, title="Evaluación con pocos datos")
    quiz_with_learners(10, 8, title="Evaluación que va bien")

    alerts = dashboard.quizzes_needing_review()
    assert [alert.quiz for alert in alerts] == [hard]
    (alert,) = alerts
    assert alert.low_pass_rate and round(alert.pass_rate) == 40
    assert alert.learners == 10
    # Every question was answered right by 4 of 10 (40 %): not under 30 %.
    assert alert.hard_questions == []
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()
    assert f'href="/admin/informes/evaluaciones/{hard.pk}/preguntas/"' in html
    assert "Evaluación con pocos datos" not in html
    assert "menos del 50 %" in html and "al menos 10 participantes" in html


def test_quiz_with_one_question_almost_nobody_gets_right():
    quiz = quiz_with_learners(10, 10, title="Evaluación con trampa")
    key = quiz.questions[0].id
    QuestionResult.objects.filter(quiz=quiz, question_key=key).exclude(
        pk__in=QuestionResult.objects.filter(quiz=quiz, question_key=key).values("pk")[
            :2
        ]
    ).update(correct=False)

    (alert,) = dashboard.quizzes_needing_review()
    assert alert.quiz == quiz and not alert.low_pass_rate
    ((prompt, share),) = alert.hard_questions
    assert prompt == quiz.questions[0].value["prompt"] and round(share) == 20


# ------------------------------------------------------------------ certificates
def test_pending_and_failed_certificates(client, coordinator, completed_enrollment):
    certificate = completed_enrollment.certificate
    assert certificate.status == Certificate.Status.ISSUED
    assert dashboard.pending_certificates().pending == 0

    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.PENDING,
        created_at=_now() - datetime.timedelta(minutes=45),
    )
    pending = dashboard.pending_certificates()
    assert (pending.pending, pending.stuck) == (1, 1)
    assert pending.rows[0].is_stuck
    assert pending.url == "/admin/registro-certificados/?status=pendiente"
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()
    assert "No se generó: se reintentará" in html
    assert certificate.holder_name in html
    listing = client.get(pending.url).content.decode()
    assert certificate.holder_name in listing


# ------------------------------------------------------------------ drafts
def test_drafts_of_diploma_content_and_pages_in_review(client, coordinator):
    course = diploma()
    other = build_course(title="Curso libre", modules=1, lessons=1)
    lesson = course_lessons(course)[0]
    lesson.title = "Lección reescrita"
    lesson.save_revision()
    free_lesson = course_lessons(other)[0]
    free_lesson.save_revision()

    rows = dashboard.drafts_waiting()
    assert [(row.page.pk, row.in_review) for row in rows] == [(lesson.pk, False)]
    assert rows[0].url == f"/admin/pages/{lesson.pk}/edit/"

    workflow = Workflow.objects.create(name="Revisión de contenidos")
    from wagtail.models import GroupApprovalTask, WorkflowTask

    task = GroupApprovalTask.objects.create(name="Aprobación")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    reviewed = course_lessons(course)[1]
    workflow.start(reviewed, coordinator)

    rows = dashboard.drafts_waiting()
    assert (rows[0].page.pk, rows[0].in_review) == (reviewed.pk, True)
    assert rows[0].workflow == "Revisión de contenidos"
    assert rows[0].task == "Aprobación"
    client.force_login(coordinator)
    html = client.get(HOME).content.decode()
    assert f'href="/admin/pages/{reviewed.pk}/edit/"' in html
    assert f'href="/admin/pages/{lesson.pk}/edit/"' in html
    assert "Borrador sin publicar" in html


# ------------------------------------------------------------------ query budget
def populate(course, quiz, group, count, start):
    """``count`` learners: a quarter inactive, a quarter out of attempts, a
    quarter active, a quarter finished with a certificate pending for an hour;
    and as many staff with an overdue training. All in bulk."""
    now = _now()
    cohort = course.cohorts.get()
    users = User.objects.bulk_create(
        User(email=f"carga{start + n}@ejemplo.gt", full_name=f"Carga {start + n}")
        for n in range(count)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=user,
            course=course,
            cohort=cohort,
            last_activity_at=now - datetime.timedelta(days=20 if n % 4 == 0 else 1),
            completed_at=now if n % 4 == 3 else None,
        )
        for n, user in enumerate(users, start)
    )
    attempts = QuizAttempt.objects.bulk_create(
        QuizAttempt(
            enrollment=enrollment,
            quiz=quiz,
            number=number,
            snapshot=[],
            max_score=1,
            status="enviado",
            submitted_at=now,
            percent=10,
            passed=False,
        )
        for n, enrollment in enumerate(enrollments, start)
        if n % 4 == 1
        for number in (1, 2)
    )
    QuestionResult.objects.bulk_create(
        QuestionResult(
            attempt=attempt,
            quiz=quiz,
            question_key=block.id,
            correct=False,
            points=0,
            max_points=1,
        )
        for attempt in attempts
        for block in quiz.questions
    )
    Certificate.objects.bulk_create(
        Certificate(
            enrollment=enrollment,
            code=uuid.uuid4().hex,
            holder_name=enrollment.user.full_name,
            course_title=course.title,
            hours=4,
            completed_on=timezone.localdate(now),
        )
        for n, enrollment in enumerate(enrollments, start)
        if n % 4 == 3
    )
    Certificate.objects.filter(status="pendiente").update(
        created_at=now - datetime.timedelta(hours=1)
    )
    requirement = RequiredTraining.objects.get(group=group)
    TrainingAssignment.objects.bulk_create(
        TrainingAssignment(
            requirement=requirement,
            user=user,
            course=requirement.course,
            assigned_on=timezone.localdate(now) - datetime.timedelta(days=40),
            due_on=timezone.localdate(now) - datetime.timedelta(days=10),
        )
        for user in users
    )


def test_dashboard_queries_do_not_grow_with_learners(
    client, coordinator, django_assert_num_queries
):
    course = diploma()
    quiz = QuizPage.objects.descendant_of(course).get()
    group = Group.objects.get(name=STAFF_GROUP)
    induction = build_course(title="Inducción", modules=1, lessons=1)
    RequiredTraining.objects.create(
        course=induction, group=group, due_on=timezone.localdate()
    )
    course_lessons(course)[0].save_revision()
    client.force_login(coordinator)

    populate(course, quiz, group, 5, 0)
    client.get(HOME)  # warm the outline and session caches
    with CaptureQueriesContext(connection) as small:
        html = client.get(HOME).content.decode()
    assert "3 participantes en riesgo" in html  # 2 inactive + 1 out of attempts
    assert "5 capacitaciones vencidas" in html

    populate(course, quiz, group, 195, 5)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(HOME).content.decode()
    assert "100 participantes en riesgo" in html
    assert "200 capacitaciones vencidas" in html
    assert "50 certificados en preparación" in html
    assert "Evaluación del módulo 1" in html  # 0 % pass rate, 50 learners
