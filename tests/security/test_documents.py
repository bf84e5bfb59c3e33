"""Documents are served only to people who may read a page that uses them
(lms.documents, the `before_serve_document` hook)."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex

from cursos.models import Enrollment
from tests.factories import (
    UserFactory,
    build_course,
    course_lessons,
    news_article,
    standard_page,
)

pytestmark = pytest.mark.django_db


def _document(title="Formato de solicitud"):
    document = get_document_model()(title=title)
    document.file.save("formato.pdf", ContentFile(b"%PDF-1.4 prueba"), save=True)
    return document


def _block(document):
    return ("document", {"document": document, "description": "Formato"})


def _use_in(page, document):
    """Put the document in the page's body and publish it (the reference index
    is updated as Wagtail does on save)."""
    page.body = [_block(document)]
    page.save_revision().publish()
    ReferenceIndex.create_or_update_for_object(page)
    return page


def _download(client, document):
    return client.get(document.url)


@pytest.fixture
def enrolled_only_lesson_document():
    course = build_course(modules=1, lessons=1, visibility="inscritos")
    lesson = course_lessons(course)[0]
    document = _document()
    _use_in(lesson, document)
    return course, document


def test_a_document_on_a_public_page_is_served_to_anyone(client):
    document = _document()
    _use_in(standard_page(), document)

    response = _download(client, document)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 prueba"


def test_a_document_in_an_open_course_lesson_is_public(client):
    course = build_course(modules=1, lessons=1, visibility="abierto")
    document = _document()
    _use_in(course_lessons(course)[0], document)

    assert _download(client, document).status_code == 200


def test_an_enrolled_only_lesson_document_sends_anonymous_visitors_to_sign_in(
    client, enrolled_only_lesson_document
):
    _, document = enrolled_only_lesson_document

    response = _download(client, document)

    assert response.status_code == 302
    assert response["Location"].startswith("/cuentas/login/?next=")


def test_an_enrolled_only_lesson_document_is_refused_to_who_is_not_enrolled(
    client, enrolled_only_lesson_document
):
    course, document = enrolled_only_lesson_document
    other_course = build_course(modules=1, lessons=1, visibility="inscritos")
    another_learner = UserFactory()
    Enrollment.objects.create(user=another_learner, course=other_course)
    for user in (UserFactory(), another_learner):
        client.force_login(user)

        response = _download(client, document)

        assert response.status_code == 403
        assert "Acceso no permitido" in response.content.decode()


def test_an_enrolled_only_lesson_document_is_served_to_its_learners_and_coordinators(
    client, enrolled_only_lesson_document, django_assert_max_num_queries
):
    course, document = enrolled_only_lesson_document
    learner = UserFactory()
    Enrollment.objects.create(user=learner, course=course)
    client.force_login(learner)
    assert _download(client, document).status_code == 200
    with django_assert_max_num_queries(10):  # warm: session, user, document + 4
        assert _download(client, document).status_code == 200

    client.force_login(UserFactory(coordinator=True))
    assert _download(client, document).status_code == 200


def test_the_query_count_of_a_download_does_not_grow_with_the_uses(client):
    """Constant per download: one use or ten enrolled-only lessons."""
    learner = UserFactory()

    def queries_for(lessons):
        course = build_course(modules=1, lessons=lessons, visibility="inscritos")
        Enrollment.objects.create(user=learner, course=course)
        document = _document()
        for lesson in course_lessons(course):
            _use_in(lesson, document)
        client.force_login(learner)
        assert _download(client, document).status_code == 200  # warm caches
        with CaptureQueriesContext(connection) as captured:
            assert _download(client, document).status_code == 200
        return len(captured)

    assert queries_for(1) == queries_for(10)


def test_a_document_used_only_on_a_draft_is_not_public(client):
    document = _document()
    draft = news_article(publish=False)
    draft.body = [_block(document)]
    draft.save()
    ReferenceIndex.create_or_update_for_object(draft)
    assert ReferenceIndex.get_references_to(document).exists()

    assert _download(client, document).status_code == 302
    client.force_login(UserFactory())
    assert _download(client, document).status_code == 403


def test_a_document_used_nowhere_is_served_only_to_admin_users(client):
    document = _document()
    client.force_login(UserFactory())
    assert _download(client, document).status_code == 403

    client.force_login(UserFactory(coordinator=True))
    assert _download(client, document).status_code == 200


def test_the_syllabus_page_of_an_enrolled_only_course_is_public(client):
    course = build_course(modules=1, lessons=1, visibility="inscritos")
    document = _document()
    course.description = (
        f'<p><a linktype="document" id="{document.pk}">Programa</a></p>'
    )
    course.save_revision().publish()
    ReferenceIndex.create_or_update_for_object(course)

    assert _download(client, document).status_code == 200
