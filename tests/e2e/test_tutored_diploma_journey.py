"""The tutored diploma with JavaScript off: a learner hands in the final project,
the tutor returns it with feedback, the learner hands in a new version, the
tutor grades it with the rubric, and the learner sees the grade and gets the
certificate."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from reportlab.pdfgen import canvas

from certificados.models import Certificate
from cursos.models import CoursePage, Enrollment, Submission
from tests.cursos.tutoria_data import RUBRIC, assignment, edition, tutor
from tests.e2e.signing_in import sign_in
from tests.factories import UserFactory, municipality

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def a_pdf(path) -> str:
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    document.drawString(72, 720, "Plan municipal de transparencia")
    document.save()
    path.write_bytes(buffer.getvalue())
    return str(path)


def graded_final_project():
    course, cohort = edition(title="Diplomado de prueba")
    CoursePage.objects.filter(pk=course.pk).update(
        pass_mark=70, weight_final_project=100
    )
    course.refresh_from_db()
    course.save_revision().publish()
    project = assignment(course, rubric=True, title="Plan municipal de transparencia")
    project.is_final_project = True
    project.save_revision().publish()
    return course, cohort, project


def test_final_project_returned_resubmitted_graded_and_certified(
    live_server, new_context, assert_no_axe_violations, screenshot, tmp_path
):
    course, cohort, project = graded_final_project()
    # A course of only the final project: its lessons are done beforehand.
    learner = UserFactory(
        full_name="Rosa Ajanel Chox", municipality=municipality("0701")
    )
    enrollment = Enrollment.objects.create(user=learner, course=course, cohort=cohort)
    from cursos.services.progress import complete_lesson
    from tests.factories import course_lessons

    for lesson in course_lessons(course):
        complete_lesson(enrollment=enrollment, lesson=lesson)
    the_tutor = tutor(cohort, full_name="Sofía Herrera Juárez")

    # The learner hands in the final project (a PDF and a text).
    student = new_context(java_script_enabled=False).new_page()
    sign_in(student, live_server.url, learner.email, project.url)
    expect(student.get_by_role("heading", name=project.title)).to_be_visible()
    assert_no_axe_violations(student)
    student.get_by_label("Su respuesta").fill("Primera versión de mi plan.")
    student.get_by_label("Archivos", exact=True).set_input_files(
        a_pdf(tmp_path / "plan.pdf")
    )
    student.get_by_role("button", name="Entregar").click()
    expect(student.get_by_text("Entregada").first).to_be_visible()

    # The tutor finds it in the queue and returns it with feedback.
    desk = new_context(java_script_enabled=False).new_page()
    sign_in(desk, live_server.url, the_tutor.email, "/tutoria/pendientes/")
    expect(desk.get_by_role("heading", name="Entregas por calificar")).to_be_visible()
    assert_no_axe_violations(desk)
    desk.get_by_role("link", name=project.title).first.click()
    expect(desk.get_by_text("plan.pdf")).to_be_visible()
    assert_no_axe_violations(desk)
    screenshot(desk, "tutoria-entrega")
    desk.locator(
        "section", has=desk.get_by_role("heading", name="Devolver para corregir")
    ).get_by_role("textbox").fill(
        "Falta indicar qué dependencia se encarga de cada acción."
    )
    desk.get_by_role("button", name="Devolver para corregir").click()
    expect(desk.get_by_text("Devuelta para corregir").first).to_be_visible()

    # The learner reads the feedback and hands in a second version.
    student.goto(f"{live_server.url}{project.url}")
    expect(student.get_by_text("Falta indicar qué dependencia")).to_be_visible()
    student.get_by_label("Su respuesta").fill("Segunda versión, con responsables.")
    student.get_by_role("button", name="Entregar").click()
    expect(student.get_by_text("Versión 2").first).to_be_visible()

    # The tutor grades it with the rubric and releases the grade.
    desk.goto(f"{live_server.url}/tutoria/pendientes/")
    desk.get_by_role("link", name=project.title).first.click()
    best = [criterion["value"]["levels"][-1]["name"] for criterion in RUBRIC]
    for name in best:
        desk.get_by_label(name).check()
    desk.get_by_label("Comentarios").fill("Plan completo y viable.")
    desk.get_by_role("button", name="Publicar calificación").click()
    submission = Submission.objects.get(enrollment=enrollment)
    assert submission.state == Submission.State.GRADED
    assert submission.points == 100

    # The learner sees the grade, the course grade and the certificate.
    student.goto(f"{live_server.url}{project.url}")
    expect(student.get_by_text("Plan completo y viable.")).to_be_visible()
    student.goto(f"{live_server.url}/mi-aprendizaje/cursos/{course.pk}/calificaciones/")
    expect(student.get_by_role("heading", name="Calificaciones")).to_be_visible()
    expect(student.get_by_text("Aprobado").first).to_be_visible()
    assert_no_axe_violations(student)
    screenshot(student, "calificaciones")
    enrollment.refresh_from_db()
    assert enrollment.result == Enrollment.Result.APPROVED
    assert enrollment.final_grade == 100
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.kind == Certificate.Kind.APPROVAL
    student.goto(f"{live_server.url}/mi-aprendizaje/")
    expect(
        student.get_by_role("link", name="Descargar el certificado (PDF)").first
    ).to_be_visible()
    assert_no_axe_violations(student)


def test_tutor_pages_pass_axe(live_server, new_context, assert_no_axe_violations):
    course, cohort, project = graded_final_project()
    the_tutor = tutor(cohort)
    enrollment = Enrollment.objects.create(
        user=UserFactory(), course=course, cohort=cohort
    )
    Submission.objects.create(
        enrollment=enrollment,
        assignment=project,
        versions_count=0,
        first_submitted_at=timezone.now() - timedelta(days=1),
        submitted_at=timezone.now() - timedelta(days=1),
    )
    desk = new_context().new_page()
    sign_in(desk, live_server.url, the_tutor.email, "/tutoria/")
    expect(
        desk.get_by_role("heading", name="Tutoría", exact=False).first
    ).to_be_visible()
    assert_no_axe_violations(desk)
    for path in (
        f"/tutoria/ediciones/{cohort.pk}/",
        f"/tutoria/ediciones/{cohort.pk}/participantes/{enrollment.pk}/",
        f"/tutoria/ediciones/{cohort.pk}/calificaciones/",
    ):
        desk.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(desk)
