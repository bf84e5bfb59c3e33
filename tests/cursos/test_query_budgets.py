"""Query budgets from QUALITY.md: flat as the data grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import build_course, course_lessons

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    client.get(url)  # warm the caches (outline, navigation, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def lesson_queries(client, participant, lessons_per_module, modules) -> int:
    course = build_course(modules=modules, lessons=lessons_per_module)
    lessons = course_lessons(course)
    enrollment = enroll(user=participant, course=course)
    for lesson in lessons[: len(lessons) // 2]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    client.force_login(participant)
    return count_queries(client, lessons[len(lessons) // 2].url)


def test_lesson_page_queries_are_flat_from_10_to_100_lessons(client, participant):
    small = lesson_queries(client, participant, lessons_per_module=5, modules=2)
    large = lesson_queries(client, participant, lessons_per_module=10, modules=10)
    assert small == large
    assert large <= 10, large


def test_dashboard_queries_are_flat_from_1_to_20_enrollments(client, participant):
    client.force_login(participant)
    course = build_course(modules=1, lessons=3)
    enroll(user=participant, course=course)
    one = count_queries(client, "/mi-aprendizaje/")
    for _ in range(19):
        other = build_course(modules=1, lessons=3)
        enrollment = enroll(user=participant, course=other)
        complete_lesson(enrollment=enrollment, lesson=course_lessons(other)[0])
    twenty = count_queries(client, "/mi-aprendizaje/")
    assert one == twenty
    assert twenty <= 10, twenty


def test_catalog_and_course_page_queries_are_flat(client, participant):
    client.force_login(participant)
    course = build_course(modules=1, lessons=2)
    enroll(user=participant, course=course)
    catalog_small = count_queries(client, "/cursos/")
    course_small = count_queries(client, course.url)
    for _ in range(8):
        other = build_course(modules=3, lessons=4)
        enroll(user=participant, course=other)
    big = build_course(modules=10, lessons=10)
    enroll(user=participant, course=big)
    assert count_queries(client, "/cursos/") == catalog_small
    assert count_queries(client, big.url) == course_small
    assert catalog_small <= 10 and course_small <= 10


def test_lesson_page_transfer_weight_stays_under_50_kb(client, participant):
    """HTML + CSS + JS of a lesson page in a 100-lesson course, gzip-compressed."""
    import gzip
    import re

    from django.contrib.staticfiles import finders

    course = build_course(modules=10, lessons=10)
    enroll(user=participant, course=course)
    client.force_login(participant)
    html = client.get(course_lessons(course)[55].url).content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    total = len(gzip.compress(html))
    for asset in assets:
        with open(finders.find(asset.decode()), "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert assets, "the page links its stylesheet"
    assert total <= 50 * 1024, total


def test_lesson_page_weight_is_flat_from_10_to_100_lessons(client, participant):
    """The outline beside a lesson is a short map (the current module's items
    around the lesson, the modules near it with counts), not the whole course:
    the page weighs the same for 10 and for 100 lessons."""
    import gzip

    pages = {}
    for per_module, modules in ((5, 2), (10, 10)):
        course = build_course(modules=modules, lessons=per_module)
        lessons = course_lessons(course)
        enrollment = enroll(user=participant, course=course)
        middle = len(lessons) // 2
        for lesson in lessons[:middle]:
            complete_lesson(enrollment=enrollment, lesson=lesson)
        client.force_login(participant)
        html = client.get(lessons[middle].url).content.decode()
        current = lessons[middle]
        assert f'href="{current.url}" aria-current="page"' in html
        assert f'rel="prev">← {lessons[middle - 1].title}' in html
        assert f'rel="next">{lessons[middle + 1].title} →' in html
        assert f'href="{course.url}#temario">Ver el temario completo</a>' in html
        assert html.count('<li class="outline__item') <= 5
        pages[len(lessons)] = html.encode()
    small, large = pages[10], pages[100]
    assert len(large) - len(small) <= 1024, (len(small), len(large))
    assert len(gzip.compress(large)) - len(gzip.compress(small)) <= 256
