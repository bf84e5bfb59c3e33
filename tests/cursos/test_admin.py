"""Coordinators author courses in the Wagtail admin."""

import pytest
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cursos.models import Cohort, CoursePage, LessonPage, ModulePage
from cursos.services.enrollment import enroll
from tests.factories import UserFactory, build_course, catalog_page
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db


def course_form(title="Curso nuevo", cohorts=None, **overrides):
    data = {
        "title": title,
        "slug": "curso-nuevo",
        "summary": "Resumen del curso.",
        "description": rich_text("<p>Descripción.</p>"),
        "objectives": streamfield([("objetivo", "Explicar la ley.")]),
        "kind": "diplomado",
        "audience": "municipal",
        "estimated_hours": 40,
        "visibility": "abierto",
        "sequential": "on",
        "grants_certificate": "on",
        # The form's initial values (a browser sends them back as shown).
        "weight_quizzes": "0",
        "weight_assignments": "0",
        "weight_final_project": "0",
        "cohorts": inline_formset(cohorts or []),
    }
    data.update(overrides)
    return nested_form_data(data)


COHORT = {
    "name": "Primera edición",
    "enrollment_opens": "2026-11-01 08:00",
    "enrollment_closes": "2027-01-31 18:00",
    "starts_on": "2026-11-15",
    "ends_on": "2027-04-30",
    "capacity": "300",
    "grading_grace_days": "14",
}


def test_coordinator_creates_a_course_with_a_cohort(client, coordinator):
    client.force_login(coordinator)
    parent = catalog_page()
    url = f"/admin/pages/add/cursos/coursepage/{parent.pk}/"
    response = post_form(
        client,
        url,
        course_form(cohorts=[COHORT], **{"action-publish": "action-publish"}),
        action=url,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    course = CoursePage.objects.get(slug="curso-nuevo")
    assert course.live and course.sequential
    assert course.cohorts.get().capacity == 300


def test_a_graded_course_needs_weights_that_sum_100(client, coordinator):
    client.force_login(coordinator)
    parent = catalog_page()
    url = f"/admin/pages/add/cursos/coursepage/{parent.pk}/"
    data = course_form(pass_mark="70", weight_quizzes="40", weight_assignments="30")
    response = post_form(client, url, data, action=url)
    assert response.status_code == 200
    assert "los pesos deben sumar 100 % (suman 70 %)" in response.content.decode()
    assert not CoursePage.objects.filter(slug="curso-nuevo").exists()
    data = course_form(
        pass_mark="70",
        weight_quizzes="40",
        weight_assignments="30",
        weight_final_project="30",
        **{"action-publish": "action-publish"},
    )
    assert post_form(client, url, data, action=url).status_code == 302
    assert CoursePage.objects.get(slug="curso-nuevo").is_graded


def test_cohort_dates_in_the_wrong_order_are_refused_in_spanish(client, coordinator):
    client.force_login(coordinator)
    parent = catalog_page()
    bad = {**COHORT, "enrollment_closes": "2026-10-01 08:00"}
    url = f"/admin/pages/add/cursos/coursepage/{parent.pk}/"
    response = post_form(client, url, course_form(cohorts=[bad]), action=url)
    assert response.status_code == 200
    assert (
        "Las inscripciones deben cerrar después de abrir." in response.content.decode()
    )
    assert not CoursePage.objects.filter(slug="curso-nuevo").exists()


def test_coordinator_writes_a_lesson_with_blocks(client, coordinator):
    client.force_login(coordinator)
    course = build_course(modules=1, lessons=0)
    module = ModulePage.objects.child_of(course).get()
    data = nested_form_data(
        {
            "title": "Los plazos de la ley",
            "slug": "plazos",
            "estimated_minutes": 12,
            "body": streamfield(
                [
                    ("heading", "Diez días hábiles"),
                    ("paragraph", rich_text("<p>La Unidad responde en diez días.</p>")),
                    (
                        "callout",
                        {
                            "kind": "importante",
                            "text": rich_text("<p>Cuente días hábiles.</p>"),
                        },
                    ),
                    (
                        "legal_reference",
                        {
                            "law": "Decreto 57-2008",
                            "article": "Artículo 42",
                            "quote": "Plazo de respuesta.",
                            "is_paraphrase": "on",
                        },
                    ),
                ]
            ),
            "action-publish": "action-publish",
        }
    )
    url = f"/admin/pages/add/cursos/lessonpage/{module.pk}/"
    response = post_form(client, url, data, action=url)
    assert response.status_code == 302, response.content.decode()[:3000]
    lesson = LessonPage.objects.get(slug="plazos")
    html = client.get(lesson.url).content.decode()
    assert "Diez días hábiles" in html
    assert "callout--importante" in html
    assert "Artículo 42" in html


def test_lesson_preview_renders(client, coordinator):
    client.force_login(coordinator)
    course = build_course(modules=1, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    response = client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 200


def test_a_course_with_learners_cannot_be_deleted(client, coordinator, participant):
    client.force_login(coordinator)
    course = build_course()
    enroll(user=participant, course=course)
    # The delete page itself refuses to open (see the hook), so the POST is one
    # sent from a stale page or a script: a token from the course's edit form.
    token = csrf_token(client, f"/admin/pages/{course.pk}/edit/")
    response = client.post(
        f"/admin/pages/{course.pk}/delete/",
        {"csrfmiddlewaretoken": token},
        follow=True,
    )
    assert (
        "No se puede eliminar un curso con personas inscritas"
        in response.content.decode()
    )
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_required_course_cannot_be_deleted(client, coordinator):
    from django.contrib.auth.models import Group

    from cursos.models import RequiredTraining

    client.force_login(coordinator)
    course = build_course()
    RequiredTraining.objects.create(
        course=course,
        group=Group.objects.get(name="Personal INFOM"),
        due_rule="dias",
        due_days=30,
    )
    # The delete page itself refuses to open (see the hook), so the POST is one
    # sent from a stale page or a script: a token from the course's edit form.
    token = csrf_token(client, f"/admin/pages/{course.pk}/edit/")
    response = client.post(
        f"/admin/pages/{course.pk}/delete/",
        {"csrfmiddlewaretoken": token},
        follow=True,
    )
    assert response.status_code == 200
    assert "capacitación obligatoria" in response.content.decode()
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_course_without_learners_can_be_deleted(client, coordinator):
    client.force_login(coordinator)
    course = build_course()
    url = f"/admin/pages/{course.pk}/delete/"
    response = post_form(client, url, action=url)
    assert response.status_code == 302
    assert not CoursePage.objects.filter(pk=course.pk).exists()


def test_a_cohort_with_learners_cannot_be_deleted(client, coordinator):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    course = build_course(
        cohorts=[
            {
                "name": "Edición con gente",
                "enrollment_opens": now - timedelta(days=1),
                "enrollment_closes": now + timedelta(days=5),
                "starts_on": timezone.localdate(now),
            }
        ]
    )
    enroll(user=UserFactory(), course=course)
    cohort = course.cohorts.get()
    client.force_login(coordinator)
    data = course_form(
        title=course.title,
        slug=course.slug,
        kind="libre",
        audience="todos",
        cohorts=[
            {
                "id": cohort.pk,
                "name": cohort.name,
                "enrollment_opens": "2026-11-01 08:00",
                "enrollment_closes": "2027-01-31 18:00",
                "starts_on": "2026-11-15",
                "ends_on": "",
                "capacity": "",
                "DELETE": "1",
            }
        ],
    )
    data["cohorts-INITIAL_FORMS"] = "1"
    url = f"/admin/pages/{course.pk}/edit/"
    response = post_form(client, url, data, action=url)
    assert response.status_code == 200
    assert "tiene personas inscritas" in response.content.decode()
    assert Cohort.objects.filter(pk=cohort.pk).exists()
