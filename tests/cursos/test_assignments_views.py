"""The assignment page, the submit view and the file download, through the
client as each role."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cursos.models import Submission, SubmissionVersion
from cursos.services.assignments import grade, submit
from lms.security import ASSIGNMENT_SUBMIT_MAX_BYTES, RequestSizeLimitMiddleware
from tests.cursos.assignments_support import (
    PDF,
    PNG,
    add_assignment,
    edition_course,
    enrolled,
    tutor_of,
    upload,
)
from tests.factories import UserFactory
from tests.forms import csrf_token_of_form, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    course, cohort = edition_course()
    assignment = add_assignment(course, rubric=True, max_points=100, max_file_mb=1)
    enrollment = enrolled(course, cohort)
    return course, cohort, assignment, enrollment


def _hand_in(enrollment, assignment, token, text="Texto de la versión"):
    return submit(
        enrollment=enrollment,
        assignment=assignment,
        files=[upload("informe.pdf")],
        text=text,
        token=token,
    )


# ------------------------------------------------------------------ page
def test_page_shows_rules_rubric_and_form_to_the_learner(client, world):
    course, cohort, assignment, enrollment = world
    assignment.due_days_after_start = 14
    assignment.save_revision().publish()
    client.force_login(enrollment.user)
    html = client.get(assignment.url).content.decode()
    due = cohort.starts_on + timedelta(days=14)
    assert f"Entrega: {due.day} de " in html and "23:59" in html
    assert "Diagnóstico" in html and "Excelente" in html  # the rubric
    assert "Sin entregar" in html
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="archivos" multiple accept=".pdf' in html
    assert 'name="token"' in html


def test_page_for_someone_not_enrolled_has_no_form(client, world):
    _course, _cohort, assignment, _enrollment = world
    html = client.get(assignment.url).content.decode()
    assert "inscríbase en el curso" in html
    assert "cursos:assignment-submit" not in html and 'name="archivos"' not in html
    client.force_login(UserFactory())
    html = client.get(assignment.url).content.decode()
    assert 'name="archivos"' not in html


def test_page_says_why_not_when_graded(client, world):
    _course, cohort, assignment, enrollment = world
    submission = _hand_in(enrollment, assignment, "v1")
    grade(
        submission=submission,
        grader=tutor_of(cohort),
        rubric_scores=[2, 1],
        feedback="Muy bien.\n<b>Siga así</b>",
    )
    client.force_login(enrollment.user)
    html = client.get(assignment.url).content.decode()
    assert "ya fue calificada" in html
    assert 'name="archivos"' not in html
    assert "100 de 100 puntos" in html
    assert "Muy bien.<br>&lt;b&gt;Siga así&lt;/b&gt;" in html
    assert "su nivel" in html


def test_draft_grade_is_not_shown(client, world):
    _course, cohort, assignment, enrollment = world
    submission = _hand_in(enrollment, assignment, "v1")
    grade(
        submission=submission,
        grader=tutor_of(cohort),
        rubric_scores=[0, 0],
        feedback="Borrador secreto",
        release=False,
    )
    client.force_login(enrollment.user)
    html = client.get(assignment.url).content.decode()
    assert "Borrador secreto" not in html and "de 100 puntos" not in html


def test_page_query_count_is_flat_in_the_number_of_versions(client, world):
    _course, _cohort, assignment, enrollment = world
    client.force_login(enrollment.user)
    _hand_in(enrollment, assignment, "v1")
    client.get(assignment.url)  # warm the outline cache
    with CaptureQueriesContext(connection) as one:
        assert client.get(assignment.url).status_code == 200
    for n in range(2, 8):
        _hand_in(enrollment, assignment, f"v{n}")
    with CaptureQueriesContext(connection) as seven:
        html = client.get(assignment.url).content.decode()
    assert "Versión 7" in html
    assert len(seven) == len(one)


# ------------------------------------------------------------------ submit
def test_submit_through_the_form_then_redirect(client, world):
    _course, _cohort, assignment, enrollment = world
    client.force_login(enrollment.user)
    page = client.get(assignment.url).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    url = reverse("cursos:assignment-submit", args=[assignment.pk])
    data = {"token": token, "texto": "Mi diagnóstico", "archivos": upload()}
    response = post_form(client, assignment.url, data, action=url)
    assert response.status_code == 302 and response["Location"] == assignment.url
    # A double click: the same form posted again makes no second version.
    data["archivos"] = upload()
    post_form(client, assignment.url, data, action=url)
    assert SubmissionVersion.objects.count() == 1
    html = client.get(assignment.url).content.decode()
    assert "Su entrega quedó registrada (versión 1)." in html
    assert "Entregada" in html and "Mi diagnóstico" in html and "trabajo.pdf" in html


def test_bad_file_is_answered_with_the_page_and_the_text_kept(client, world):
    _course, _cohort, assignment, enrollment = world
    client.force_login(enrollment.user)
    url = reverse("cursos:assignment-submit", args=[assignment.pk])
    data = {
        "token": "abc",
        "texto": "Lo que escribí <script>",
        "archivos": upload("foto.pdf", PNG),
    }
    response = post_form(client, assignment.url, data, action=url)
    assert response.status_code == 400
    html = response.content.decode()
    assert "no es un PDF válido" in html
    assert "Lo que escribí &lt;script&gt;" in html
    assert not Submission.objects.exists()


def _raw_post(client, assignment, fields: list[tuple[str, object]], **extra):
    """POST with the CSRF token first, in the order a browser sends the form."""
    page = client.get(assignment.url).content.decode()
    url = reverse("cursos:assignment-submit", args=[assignment.pk])
    token = csrf_token_of_form(page, assignment.url, url)
    data = {"csrfmiddlewaretoken": token}
    for key, value in fields:
        data[key] = value
    return client.post(url, data, **extra)


def test_declared_length_over_the_assignment_limit_is_413_before_reading(client, world):
    _course, _cohort, assignment, enrollment = world
    client.force_login(enrollment.user)
    too_much = assignment.max_files * 1024 * 1024 + 300 * 1024
    response = _raw_post(
        client,
        assignment,
        [("token", "x"), ("archivos", upload())],
        CONTENT_LENGTH=str(too_much),
    )
    assert response.status_code == 413
    assert "pesa más de lo que esta tarea recibe" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_single_file_over_the_limit_stops_the_upload(client, world):
    _course, _cohort, assignment, enrollment = world
    client.force_login(enrollment.user)
    big = SimpleUploadedFile("grande.pdf", PDF + b"0" * (1024 * 1024 + 10))
    response = _raw_post(client, assignment, [("token", "x"), ("archivos", big)])
    assert response.status_code == 413
    assert "«grande.pdf» pesa más de 1 MB" in response.content.decode()
    assert not Submission.objects.exists()


def test_submit_route_passes_the_request_size_middleware_up_to_the_model_maximum():
    middleware = RequestSizeLimitMiddleware(lambda request: None)
    path = reverse("cursos:assignment-submit", args=[1])
    assert middleware.limit_for(path) == ASSIGNMENT_SUBMIT_MAX_BYTES
    assert ASSIGNMENT_SUBMIT_MAX_BYTES >= 10 * 50 * 1024 * 1024
    # Everything else keeps the global limit.
    assert middleware.limit_for("/mi-aprendizaje/") < ASSIGNMENT_SUBMIT_MAX_BYTES
    assert middleware.limit_for("/mi-aprendizaje/tareas/1/") < (
        ASSIGNMENT_SUBMIT_MAX_BYTES
    )


def test_submit_without_csrf_token_is_refused(client, world):
    _course, _cohort, assignment, enrollment = world
    client.force_login(enrollment.user)
    url = reverse("cursos:assignment-submit", args=[assignment.pk])
    response = client.post(url, {"token": "x", "texto": "hola"})
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_closed_edition_page_and_post(client, world):
    _course, cohort, assignment, enrollment = world
    today = timezone.localdate()
    type(cohort).objects.filter(pk=cohort.pk).update(
        starts_on=today - timedelta(days=40), ends_on=today - timedelta(days=2)
    )
    client.force_login(enrollment.user)
    html = client.get(assignment.url).content.decode()
    assert "ya no se reciben entregas" in html and 'name="archivos"' not in html


# ------------------------------------------------------------------ download
def test_download_permissions(client, world):
    _course, cohort, assignment, enrollment = world
    submission = _hand_in(enrollment, assignment, "v1")
    stored = submission.versions.get().files.get()
    url = reverse("cursos:submission-file", args=[stored.pk])
    assert url not in ("/media/",) and not url.startswith("/media/")

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/cuentas/login/" in anonymous["Location"]

    client.force_login(enrollment.user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == upload("informe.pdf").read()
    assert 'attachment; filename="informe.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert "private" in response["Cache-Control"]

    for person, status in (
        (UserFactory(), 404),  # another learner
        (tutor_of(edition_course()[1]), 404),  # a tutor of another edition
        (tutor_of(cohort), 200),
        (UserFactory(coordinator=True), 200),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status
    assert (
        client.get(reverse("cursos:submission-file", args=[999999])).status_code == 404
    )


# ------------------------------------------------------------------ outline
def test_outline_shows_the_assignment_and_counts_it_when_handed_in(client, world):
    course, _cohort, assignment, enrollment = world
    client.force_login(enrollment.user)
    html = client.get(course.url).content.decode()
    assert assignment.title in html and "tarea · 60 min" in html
    _hand_in(enrollment, assignment, "v1")
    html = client.get(assignment.url).content.decode()
    assert 'class="outline__item is-done is-current"' in html
    final = add_assignment(
        course, module=1, title="Proyecto integrador", is_final_project=True
    )
    html = client.get(final.url).content.decode()
    assert "proyecto final · 60 min" in html
    assert "Proyecto final" in html
