"""Authoring that works the first time (issue 12): a "Publicar" that overtakes
Wagtail's first autosave publishes the page autosave created, instead of failing
on its slug and leaving an orphaned draft; slugs are plain ASCII."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cursos.models import CoursePage, LessonPage, ModulePage, QuizPage
from tests.factories import UserFactory, build_course
from tests.forms import post_form

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def lesson_form(title="Buenas prácticas de transparencia", **overrides):
    data = {
        "title": title,
        # The editor's slugify fills it from the title as the title is typed.
        "slug": slugify(title),
        "estimated_minutes": 12,
        "body": streamfield(
            [("paragraph", rich_text("<p>La información pública es de todos.</p>"))]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def module(db):
    course = build_course(modules=1, lessons=1, title="Diplomado de prueba")
    return ModulePage.objects.child_of(course).get()


@pytest.fixture
def editor(csrf_client, coordinator):
    csrf_client.force_login(coordinator)
    return csrf_client


def add_url(module, model="lessonpage"):
    return f"/admin/pages/add/cursos/{model}/{module.pk}/"


def autosave(client, url, data):
    """What the editor's first autosave sends: the create form, as JSON."""
    response = post_form(client, url, data, action=url, **JSON)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert response.json()["success"] is True
    return response.json()


def test_publish_that_overtakes_the_first_autosave_publishes_that_page(editor, module):
    url = add_url(module)
    saved = autosave(editor, url, lesson_form(body=streamfield([])))
    draft = LessonPage.objects.get(pk=saved["pk"])
    assert not draft.live

    # "Publicar" pressed before the autosave's answer: the form still posts to
    # the create view, with the whole lesson.
    response = post_form(
        editor, url, lesson_form(**{"action-publish": "action-publish"}), action=url
    )
    assert response.status_code == 307
    assert response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    followed = post_form(
        editor,
        url,
        lesson_form(**{"action-publish": "action-publish"}),
        action=url,
        follow=True,
    )
    assert followed.status_code == 200
    assert "ya está en uso" not in followed.content.decode()
    assert "already in use" not in followed.content.decode()

    lessons = LessonPage.objects.child_of(module).filter(
        title="Buenas prácticas de transparencia"
    )
    assert lessons.count() == 1, "no second page, no orphaned draft"
    lesson = lessons.get()
    assert lesson.pk == draft.pk
    assert lesson.live and not lesson.has_unpublished_changes
    assert lesson.slug == "buenas-practicas-de-transparencia"
    assert "La información pública es de todos." in str(lesson.body)


def test_save_draft_that_overtakes_the_first_autosave_saves_that_page(editor, module):
    url = add_url(module)
    saved = autosave(editor, url, lesson_form())
    response = post_form(
        editor, url, lesson_form(estimated_minutes=25), action=url, follow=True
    )
    assert response.status_code == 200
    lesson = LessonPage.objects.child_of(module).get(slug__startswith="buenas")
    assert lesson.pk == saved["pk"] and not lesson.live
    assert lesson.get_latest_revision_as_object().estimated_minutes == 25


def test_a_quiz_published_while_autosave_is_on_its_way(editor, module):
    url = add_url(module, "quizpage")
    form = {
        "title": "Evaluación del módulo",
        "slug": "evaluacion-del-modulo",
        "instructions": rich_text("<p>Responda.</p>"),
        "questions": streamfield([]),
        "estimated_minutes": 15,
        "pass_mark": 70,
        "grading": "mas_alta",
        "review": "completa",
        "reveal": "al_final",
    }
    autosave(editor, url, nested_form_data(form))
    response = post_form(
        editor,
        url,
        nested_form_data({**form, "action-publish": "action-publish"}),
        action=url,
        follow=True,
    )
    # The quiz has no questions: publishing is refused on the edit view of the
    # autosaved quiz, for the missing questions, not for its slug.
    html = response.content.decode()
    assert "ya está en uso" not in html and "already in use" not in html
    assert QuizPage.objects.child_of(module).count() == 1
    assert not QuizPage.objects.child_of(module).get().live


def test_someone_elses_draft_with_the_same_title_is_not_taken(
    editor, module, csrf_client
):
    other = Client(enforce_csrf_checks=True)
    other.force_login(UserFactory(coordinator=True))
    url = add_url(module)
    autosave(other, url, lesson_form())
    response = post_form(
        editor, url, lesson_form(**{"action-publish": "action-publish"}), action=url
    )
    # Wagtail's own answer: the slug is taken by another person's page.
    assert response.status_code == 200
    assert LessonPage.objects.child_of(module).filter(live=True).count() == 1
    assert LessonPage.objects.child_of(module).filter(live=False).count() == 1


def test_an_old_draft_of_the_same_title_is_not_taken(editor, module, coordinator):
    url = add_url(module)
    saved = autosave(editor, url, lesson_form())
    Page.objects.filter(pk=saved["pk"]).update(
        latest_revision_created_at=timezone.now() - datetime.timedelta(days=2)
    )
    response = post_form(
        editor, url, lesson_form(**{"action-publish": "action-publish"}), action=url
    )
    assert response.status_code == 200  # the form again, with Wagtail's message
    assert LessonPage.objects.get(pk=saved["pk"]).live is False
    assert (
        not LessonPage.objects.child_of(module)
        .filter(live=True)
        .exclude(slug="leccion-1")
    )


def test_a_published_page_with_that_slug_is_never_overwritten(editor, module):
    url = add_url(module)
    first = post_form(
        editor, url, lesson_form(**{"action-publish": "action-publish"}), action=url
    )
    assert first.status_code == 302
    again = post_form(
        editor, url, lesson_form(**{"action-publish": "action-publish"}), action=url
    )
    assert again.status_code == 200
    assert (
        LessonPage.objects.child_of(module)
        .filter(slug="buenas-practicas-de-transparencia")
        .count()
        == 1
    )


# ------------------------------------------------------------------ ASCII slugs
def test_the_editor_slugifies_without_unicode(editor, module):
    """The admin's slug field is told to transliterate (its JS slugify turns
    "prácticas" into "practicas" as the title is typed; the browser journey
    checks the result)."""
    html = editor.get(add_url(module)).content.decode()
    assert 'data-controller="w-slug"' in html
    # Django leaves a False attribute out; the controller's default is False.
    # With unicode slugs allowed it reads data-w-slug-allow-unicode-value="True".
    assert "data-w-slug-allow-unicode-value" not in html


def test_a_lesson_published_from_the_admin_keeps_its_ascii_address(editor, module):
    url = add_url(module)
    title = "Buenas prácticas: año de la niñez, acción pública"
    response = post_form(
        editor,
        url,
        lesson_form(title=title, **{"action-publish": "action-publish"}),
        action=url,
    )
    assert response.status_code == 302
    lesson = LessonPage.objects.child_of(module).get(title=title)
    assert lesson.slug == "buenas-practicas-ano-de-la-ninez-accion-publica"
    assert lesson.url.isascii()


def test_a_slug_typed_with_accents_becomes_ascii(editor, module):
    url = add_url(module)
    response = post_form(
        editor,
        url,
        lesson_form(slug="gestión-municipal", **{"action-publish": "action-publish"}),
        action=url,
    )
    assert response.status_code == 302
    assert LessonPage.objects.child_of(module).filter(slug="gestion-municipal").exists()


def test_full_clean_and_save_give_ascii_slugs(module):
    lesson = LessonPage(
        title="Participación ciudadana en la niñez",
        body=[("paragraph", "<p>Texto.</p>")],
    )
    module.add_child(instance=lesson)
    assert lesson.slug == "participacion-ciudadana-en-la-ninez"

    lesson.slug = "información-pública"
    lesson.full_clean()
    assert lesson.slug == "informacion-publica"
    lesson.save()
    assert LessonPage.objects.get(pk=lesson.pk).url_path.endswith(
        "/informacion-publica/"
    )


def test_a_course_title_with_accents_gets_an_ascii_slug(module):
    catalog = CoursePage.objects.get().get_parent()
    course = CoursePage(title="Gestión Municipal y Transparencia", summary="Resumen.")
    catalog.add_child(instance=course)
    assert course.slug == "gestion-municipal-y-transparencia"
