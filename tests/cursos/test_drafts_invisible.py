"""Drafts that were never published never count (issue 12).

A coordinator's half-written lesson, quiz, module or course (Wagtail's autosave
makes such drafts as soon as a title is typed) must not show in the outline or
the catalog, change a learner's "n de m" or progress %, hold back a course's
completion and certificate, appear in the coordinator reports and their filters,
or feed the admin dashboard and the public counters. Each test builds the
published state, measures it, adds never-published pages, and measures again.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from certificados.models import Certificate
from cursos import dashboard
from cursos.models import (
    Cohort,
    CoursePage,
    LessonPage,
    ModulePage,
    QuizPage,
    RequiredTraining,
)
from cursos.quiz_blocks import QuizQuestionsBlock
from cursos.selectors import catalog, course_outline, progress_for
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.quizzes import start_attempt, submit_attempt
from home.models import HomePage
from home.opendata.snapshot import unsuppressed_dataset
from home.selectors import public_counters
from lms.accounts.models import STAFF_GROUP
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    catalog_page,
    course_lessons,
    question,
    right_answers,
)

pytestmark = pytest.mark.django_db

DRAFT_LESSON = "Lección en borrador nunca publicada"
DRAFT_QUIZ = "Evaluación en borrador nunca publicada"
DRAFT_MODULE = "Módulo en borrador nunca publicado"
DRAFT_COURSE = "Curso en borrador nunca publicado"


def _draft(parent, page):
    """Save ``page`` under ``parent`` the way the editor's autosave does: a
    revision, never published."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    page.refresh_from_db()
    assert not page.live and page.first_published_at is None
    return page


def _draft_quiz(parent):
    return _draft(
        parent,
        QuizPage(
            title=DRAFT_QUIZ,
            slug="evaluacion-borrador",
            questions=QuizQuestionsBlock().to_python([question(prompt="¿Borrador?")]),
        ),
    )


def add_drafts(course):
    """A never-published lesson and quiz in every module, a never-published
    module with a lesson, and a never-published course with a module."""
    for module in ModulePage.objects.child_of(course):
        _draft(module, LessonPage(title=DRAFT_LESSON, slug="leccion-borrador"))
        _draft_quiz(module)
    module = _draft(course, ModulePage(title=DRAFT_MODULE, slug="modulo-borrador"))
    _draft(module, LessonPage(title=DRAFT_LESSON, slug="leccion-borrador"))
    draft_course = _draft(
        catalog_page(),
        CoursePage(
            title=DRAFT_COURSE,
            slug="curso-borrador",
            kind="diplomado",
            summary="Aún en preparación.",
        ),
    )
    _draft(draft_course, ModulePage(title=DRAFT_MODULE, slug="modulo-borrador"))
    return draft_course


@pytest.fixture
def diploma():
    """A published diploma: two modules of two lessons, a quiz in the first, an
    edition in progress."""
    now = timezone.now()
    course = build_course(
        title="Diplomado Gestión Municipal", kind="diplomado", modules=2, lessons=2
    )
    add_quiz(course, title="Evaluación del módulo 1")
    Cohort.objects.create(
        course=course,
        name="Edición 2026",
        enrollment_opens=now - datetime.timedelta(days=30),
        enrollment_closes=now + datetime.timedelta(days=30),
        starts_on=(now - datetime.timedelta(days=10)).date(),
    )
    return course


def _learner_half_way(course):
    """A learner who completed the first lesson and passed the quiz."""
    enrollment = enroll(user=UserFactory(full_name="Ana Ixcot"), course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    attempt = start_attempt(
        enrollment=enrollment, quiz=QuizPage.objects.descendant_of(course).get()
    )
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    return enrollment


def _outline_titles(course):
    outline = course_outline(CoursePage.objects.get(pk=course.pk))
    return [m.title for m in outline.modules], [i.title for i in outline.items]


# ------------------------------------------------------------------ learners
def test_outline_and_progress_ignore_drafts(diploma):
    enrollment = _learner_half_way(diploma)
    before = _outline_titles(diploma)
    progress = progress_for(enrollment=enrollment, course=diploma)
    assert (progress.done, progress.required, progress.percent) == (2, 5, 40)

    add_drafts(diploma)

    assert _outline_titles(diploma) == before
    progress = progress_for(enrollment=enrollment, course=diploma)
    assert (progress.done, progress.required, progress.percent) == (2, 5, 40)


def test_course_page_lists_only_published_items(client, diploma):
    add_drafts(diploma)
    html = client.get(diploma.url).content.decode()
    assert "Lección 2.2" in html
    assert DRAFT_LESSON not in html
    assert DRAFT_QUIZ not in html
    assert DRAFT_MODULE not in html


def test_catalog_leaves_out_a_draft_course(client, diploma):
    add_drafts(diploma)
    cards = catalog(catalog_page=catalog_page(), user=UserFactory())
    assert [card.course.title for card in cards] == [diploma.title]
    assert DRAFT_COURSE not in client.get(catalog_page().url).content.decode()


def test_a_draft_never_holds_back_completion_and_certificate(
    diploma, django_capture_on_commit_callbacks
):
    enrollment = _learner_half_way(diploma)
    add_drafts(diploma)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in course_lessons(diploma)[1:]:
            complete_lesson(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert Certificate.objects.get(enrollment=enrollment).status == "emitido"


# ------------------------------------------------------------------ public
def test_home_features_and_counters_ignore_a_draft_course(client, diploma):
    _learner_half_way(diploma)
    draft_course = add_drafts(diploma)
    home = HomePage.objects.get()
    home.featured_courses.create(course=diploma, sort_order=0)
    home.featured_courses.create(course=draft_course, sort_order=1)
    home.save_revision().publish()

    html = client.get("/").content.decode()
    assert diploma.title in html
    assert DRAFT_COURSE not in html
    counters = public_counters()
    assert (counters.learners, counters.certificates) == (1, 0)
    assert unsuppressed_dataset().values[("N", "inscritas")] == 1


# ------------------------------------------------------------------ reports
def test_courses_report_leaves_out_a_draft_course(client, coordinator, diploma):
    add_drafts(diploma)
    client.force_login(coordinator)
    html = client.get("/admin/informes/cursos/").content.decode()
    assert diploma.title in html
    assert DRAFT_COURSE not in html
    csv_text = client.get("/admin/informes/cursos/", {"export": "csv"})
    body = b"".join(csv_text.streaming_content).decode("utf-8-sig")
    assert diploma.title in body
    assert DRAFT_COURSE not in body


def test_participants_report_keeps_quizzes_and_progress(client, coordinator, diploma):
    _learner_half_way(diploma)
    client.force_login(coordinator)
    url = f"/admin/informes/cursos/{diploma.pk}/"

    def row():
        response = client.get(url, {"export": "csv"})
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
        assert len(lines) == 2, lines
        return lines[1]

    before = row()
    assert "1 / 1" in before
    assert ",40," in before
    add_drafts(diploma)
    assert row() == before
    html = client.get(url).content.decode()
    assert DRAFT_QUIZ not in html


def test_quiz_reports_leave_out_draft_quizzes_and_courses(client, coordinator, diploma):
    add_drafts(diploma)
    client.force_login(coordinator)
    html = client.get("/admin/informes/evaluaciones/").content.decode()
    assert "Evaluación del módulo 1" in html
    assert DRAFT_QUIZ not in html
    assert DRAFT_COURSE not in html  # nor in the course filter
    territory = client.get("/admin/informes/territorio/").content.decode()
    assert diploma.title in territory
    assert DRAFT_COURSE not in territory


# ------------------------------------------------------------------ dashboard
def test_dashboard_editions_ignore_a_draft_course(diploma):
    draft_course = add_drafts(diploma)
    Cohort.objects.create(
        course=draft_course,
        name="Edición del borrador",
        enrollment_opens=timezone.now() - datetime.timedelta(days=3),
        enrollment_closes=timezone.now() + datetime.timedelta(days=3),
        starts_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    editions = dashboard.editions_in_progress()
    assert [row.cohort.name for row in editions] == ["Edición 2026"]


# ------------------------------------------------------------------ required
def test_required_training_of_a_draft_course_is_not_shown(client, diploma):
    draft_course = add_drafts(diploma)
    group = Group.objects.get(name=STAFF_GROUP)
    RequiredTraining.objects.create(
        course=draft_course,
        group=group,
        due_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    person = UserFactory(groups_by_name=(STAFF_GROUP,))
    client.force_login(person)
    html = client.get("/mi-aprendizaje/").content.decode()
    assert DRAFT_COURSE not in html
    assert dashboard.overdue_trainings().total == 0


def test_compliance_report_leaves_out_a_draft_course(client, coordinator, diploma):
    draft_course = add_drafts(diploma)
    RequiredTraining.objects.create(
        course=draft_course,
        group=Group.objects.get(name=STAFF_GROUP),
        due_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    UserFactory(full_name="Berta Chitay", groups_by_name=(STAFF_GROUP,))
    client.force_login(coordinator)
    for url in (
        "/admin/informes/cumplimiento/",
        "/admin/informes/cumplimiento/unidades/",
    ):
        html = client.get(url).content.decode()
        assert DRAFT_COURSE not in html
    assert (
        "Berta Chitay"
        not in client.get("/admin/informes/cumplimiento/").content.decode()
    )


def test_bulk_issue_offers_no_edition_of_a_draft_course(client, coordinator, diploma):
    draft_course = add_drafts(diploma)
    draft_edition = Cohort.objects.create(
        course=draft_course,
        name="Edición de un curso en borrador",
        enrollment_opens=timezone.now(),
        enrollment_closes=timezone.now() + datetime.timedelta(days=30),
        starts_on=timezone.localdate(),
    )
    client.force_login(coordinator)
    page = client.get("/admin/certificados-acciones/masivo/")
    html = page.content.decode()
    assert "Edición 2026" in html
    assert draft_edition.name not in html
