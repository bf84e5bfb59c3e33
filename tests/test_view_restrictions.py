"""lms.view_restrictions: lesson and quiz pages check Wagtail's "Privacidad"
exactly as Wagtail does (same restrictions, a restricted course still asks for
its password or a login), without compiling queries on each page."""

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from cursos.services.enrollment import enroll
from tests.factories import UserFactory, add_quiz, build_course, course_lessons

pytestmark = pytest.mark.django_db


def wagtails_own(page) -> set[int]:
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


def restriction(page, kind, **fields):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=kind, **fields
    )


def test_same_restrictions_as_wagtail_on_every_page_of_a_course():
    course = build_course(modules=2, lessons=2)
    add_quiz(course, module=1)
    pages = [p.specific for p in course.get_descendants()]
    module = pages[0]
    on_course = restriction(course, PageViewRestriction.LOGIN)
    on_module = restriction(module, PageViewRestriction.PASSWORD, password="clave")
    for page in pages:
        mine = {r.pk for r in page.get_view_restrictions()}
        assert mine == wagtails_own(page)
        assert on_course.pk in mine
        assert (on_module.pk in mine) == page.path.startswith(module.path)


def test_iterating_costs_no_query_and_refining_still_works(django_assert_num_queries):
    course = build_course(modules=1, lessons=1)
    lesson = course_lessons(course)[0]
    made = restriction(course, PageViewRestriction.LOGIN)
    lesson.get_view_restrictions()  # compiled here
    with django_assert_num_queries(2):
        restrictions = lesson.get_view_restrictions()
    with django_assert_num_queries(0):
        assert [r.pk for r in restrictions] == [made.pk]
        assert restrictions.exists()
    assert list(restrictions.order_by("-page__depth")) == [made]  # the admin's use


def test_a_restricted_course_still_asks_for_a_login_and_a_password():
    course = build_course(modules=1, lessons=1)
    lesson = course_lessons(course)[0]
    learner = UserFactory()
    enroll(user=learner, course=course)
    restriction(course, PageViewRestriction.LOGIN)
    response = Client().get(lesson.url)
    assert response.status_code == 302 and "login" in response["Location"]
    client = Client()
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200
    PageViewRestriction.objects.all().delete()
    restriction(course, PageViewRestriction.PASSWORD, password="clave-del-curso")
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert b"password" in response.content.lower()
    assert b"clave-del-curso" not in response.content


def test_pages_without_restrictions_are_served():
    course = build_course(modules=1, lessons=1)
    lesson = course_lessons(course)[0]
    learner = UserFactory()
    enroll(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert lesson.title.encode() in response.content
