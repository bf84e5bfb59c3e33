"""Grading through the submission page's forms, with a CSRF-enforcing client:
points or rubric, draft or release, return for revision, the coordinator's
change of a released grade, and the closed grading period."""

from decimal import Decimal

import pytest
from django.test import Client

from cursos.models import Submission
from tests.cursos import tutoria_data as data
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db


def as_user(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.fixture
def setup():
    course, cohort = data.edition()
    tutor = data.tutor(cohort)
    plain = data.assignment(course, title="Tarea por puntos")
    rubric = data.assignment(course, rubric=True, title="Tarea con rúbrica")
    ana = data.learner(cohort, full_name="Ana Xiloj")
    return {
        "cohort": cohort,
        "tutor": tutor,
        "client": as_user(tutor),
        "plain": data.hand_in(ana, plain, days_ago=3),
        "rubric": data.hand_in(ana, rubric, days_ago=2),
    }


def url(submission):
    return f"/tutoria/entregas/{submission.pk}/"


def test_publish_a_grade_in_points(setup):
    work = setup["plain"]
    response = post_form(
        setup["client"],
        url(work),
        {"points": "85.5", "feedback": "Buen trabajo.", "accion": "publicar"},
        follow=True,
    )
    work.refresh_from_db()
    assert work.state == Submission.State.GRADED
    assert work.points == Decimal("85.5") and work.released_at is not None
    assert work.feedback == "Buen trabajo." and work.graded_by == setup["tutor"]
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url(work)
    assert "Calificación publicada" in html
    # The next work waiting is one click away.
    assert "Siguiente pendiente" in html and url(setup["rubric"]) in html
    # A released grade is not graded again here.
    assert 'value="publicar"' not in html


def test_save_a_draft_the_learner_does_not_see(setup):
    work = setup["plain"]
    post_form(
        setup["client"],
        url(work),
        {"points": "70", "feedback": "Falta el diagnóstico.", "accion": "borrador"},
    )
    work.refresh_from_db()
    assert work.points == Decimal("70") and work.released_at is None
    assert work.state == Submission.State.SUBMITTED
    queue = setup["client"].get("/tutoria/pendientes/").content.decode()
    assert url(work) in queue and "Borrador" in queue
    page = setup["client"].get(url(work)).content.decode()
    assert 'value="70.00"' in page or 'value="70"' in page  # kept in the form


def test_grade_with_the_rubric(setup):
    work = setup["rubric"]
    page = setup["client"].get(url(work)).content.decode()
    assert "Diagnóstico" in page and "Excelente" in page and "50 puntos" in page
    assert 'type="radio"' in page and 'name="points"' not in page
    post_form(
        setup["client"],
        url(work),
        {"criterio_0": "1", "criterio_1": "1", "feedback": "", "accion": "publicar"},
    )
    work.refresh_from_db()
    assert work.points == Decimal("80") and work.rubric_scores == [1, 1]
    assert work.released_at is not None


@pytest.mark.parametrize(
    ("key", "payload", "message"),
    [
        ("plain", {"points": "150"}, "no pueden pasar de"),
        ("plain", {"points": "-1"}, "no pueden ser negativos"),
        ("plain", {"points": "ochenta"}, "Escriba un número"),
        ("plain", {"points": ""}, "Escriba los puntos"),
        # NUL bytes never reach the view (the site's 400 page answers).
        ("plain", {"points": "80", "feedback": "a\x00b"}, None),
        ("rubric", {"criterio_0": "1"}, "Elija un nivel en este criterio"),
        ("rubric", {"criterio_0": "7", "criterio_1": "0"}, "Elija uno de los niveles"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(setup, key, payload, message):
    work = setup[key]
    response = post_form(
        setup["client"], url(work), {"feedback": "", **payload, "accion": "publicar"}
    )
    assert response.status_code == 400
    if message:
        assert message in response.content.decode()
    work.refresh_from_db()
    assert work.points is None and work.state == Submission.State.SUBMITTED


def test_unknown_action_is_refused(setup):
    work = setup["plain"]
    response = post_form(setup["client"], url(work), {"accion": "borrar"})
    assert response.status_code == 400
    assert "no está disponible" in response.content.decode()


def test_return_for_revision_needs_a_comment(setup):
    work = setup["plain"]
    response = post_form(
        setup["client"], url(work), {"accion": "devolver", "devolver-feedback": "  "}
    )
    assert response.status_code == 400
    assert "Explique qué debe corregir" in response.content.decode()
    work.refresh_from_db()
    assert work.state == Submission.State.SUBMITTED
    post_form(
        setup["client"],
        url(work),
        {"accion": "devolver", "devolver-feedback": "Agregue el presupuesto."},
    )
    work.refresh_from_db()
    assert work.state == Submission.State.RETURNED
    assert work.feedback == "Agregue el presupuesto."


def test_grading_closed_edition_is_read_only_for_the_tutor():
    course, cohort = data.edition(
        starts_on=data.days_ago(120), ends_on=data.days_ago(30), grace=14
    )
    tutor = data.tutor(cohort)
    work = data.hand_in(data.learner(cohort), data.assignment(course), days_ago=40)
    client = as_user(tutor)
    html = client.get(url(work)).content.decode()
    assert "La calificación de esta edición cerró el" in html
    assert "Publicar calificación" not in html
    token = csrf_token(client, "/cuentas/perfil/")
    response = client.post(
        url(work), {"csrfmiddlewaretoken": token, "points": "90", "accion": "publicar"}
    )
    assert response.status_code == 403
    work.refresh_from_db()
    assert work.points is None


def test_coordinator_changes_a_released_grade_with_a_reason(setup, coordinator):
    work = setup["plain"]
    post_form(setup["client"], url(work), {"points": "60", "accion": "publicar"})
    # The tutor has no form to change it, and posting is refused.
    tutor_page = setup["client"].get(url(work)).content.decode()
    assert "Cambiar calificación publicada" not in tutor_page
    token = csrf_token(setup["client"], url(work))
    refused = setup["client"].post(
        url(work),
        {
            "csrfmiddlewaretoken": token,
            "accion": "cambiar",
            "cambiar-points": "99",
            "cambiar-reason": "x",
        },
    )
    assert refused.status_code == 400
    client = as_user(coordinator)
    missing = post_form(
        client, url(work), {"accion": "cambiar", "cambiar-points": "75"}
    )
    assert missing.status_code == 400
    assert "Escriba el motivo del cambio" in missing.content.decode()
    work.refresh_from_db()
    assert work.points == Decimal("60")
    post_form(
        client,
        url(work),
        {
            "accion": "cambiar",
            "cambiar-points": "75",
            "cambiar-feedback": "Revisado.",
            "cambiar-reason": "Se sumó mal el diagnóstico.",
        },
    )
    work.refresh_from_db()
    assert work.points == Decimal("75") and work.feedback == "Revisado."


def test_late_badge_and_versions_shown(setup):
    work = setup["plain"]
    Submission.objects.filter(pk=work.pk).update(late=True)
    html = setup["client"].get(url(work)).content.decode()
    assert "Entregada tarde" in html
    assert "Versión 1" in html
    queue = setup["client"].get("/tutoria/pendientes/").content.decode()
    assert "Tarde" in queue


def test_post_without_token_is_refused(setup):
    response = setup["client"].post(
        url(setup["plain"]), {"points": "90", "accion": "publicar"}
    )
    assert response.status_code == 403


def test_files_link_to_the_download_route_the_tutor_may_use(setup, settings, tmp_path):
    from cursos.services.assignments import submit
    from tests.cursos.assignments_support import upload

    settings.MEDIA_ROOT = tmp_path
    cohort = setup["cohort"]
    homework = data.assignment(cohort.course, title="Tarea con archivo")
    enrollment = data.learner(cohort, full_name="Bea Sic")
    work = submit(
        enrollment=enrollment,
        assignment=homework,
        files=[upload("plan-municipal.pdf")],
        text="Adjunto mi plan.",
        token="t-1",
    )
    file = work.versions.get().files.get()
    html = setup["client"].get(url(work)).content.decode()
    link = f"/mi-aprendizaje/entregas/archivos/{file.pk}/"
    assert f'href="{link}"' in html and "plan-municipal.pdf" in html
    assert setup["client"].get(link).status_code == 200
