"""Life in an edition without JavaScript: a learner asks a question in a
module's forum, the tutor answers and marks it resolved, the learner sees it in
"Avisos"; the tutor takes attendance on a 375 px phone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from comunidad.models import Attendance, LiveSession, Notification, Thread
from cursos.models import ModulePage
from tests.cursos.tutoria_data import edition, learner, tutor
from tests.e2e.signing_in import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 375, "height": 740}


def test_question_answered_resolved_and_notified(
    live_server, new_context, assert_no_axe_violations, screenshot
):
    course, cohort = edition(title="Diplomado de prueba")
    module = ModulePage.objects.child_of(course).first()
    student = learner(cohort, full_name="Rosa Ajanel Chox").user
    the_tutor = tutor(cohort, full_name="Sofía Herrera Juárez")
    forum = f"/ediciones/{cohort.pk}/foros/{module.pk}/"

    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, live_server.url, student.email, forum)
    expect(
        page.get_by_role("heading", name="Foro del módulo", exact=False)
    ).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Título").fill("¿Cuál es el plazo para responder?")
    page.get_by_label("Mensaje").fill(
        "Una vecina pidió información el lunes. ¿Cuántos días tenemos?"
    )
    page.get_by_role("button", name="Publicar").click()
    expect(
        page.get_by_role("heading", name="¿Cuál es el plazo para responder?")
    ).to_be_visible()
    assert_no_axe_violations(page)
    thread = Thread.objects.get()

    desk = new_context(java_script_enabled=False).new_page()
    sign_in(
        desk,
        live_server.url,
        the_tutor.email,
        f"/ediciones/{cohort.pk}/hilos/{thread.pk}/",
    )
    desk.get_by_label("Su respuesta").fill(
        "Diez días hábiles, prorrogables por diez más (Decreto 57-2008)."
    )
    desk.get_by_role("button", name="Publicar respuesta").click()
    expect(desk.get_by_text("Diez días hábiles").first).to_be_visible()
    desk.get_by_role("button", name="Marcar como resuelta").click()
    expect(desk.get_by_text("resuelta").first).to_be_visible()
    screenshot(desk, "foro-hilo")

    page.goto(f"{live_server.url}/avisos/")
    expect(page.get_by_role("heading", name="Avisos")).to_be_visible()
    assert Notification.objects.filter(user=student, kind="respuesta").exists()
    expect(page.get_by_text("¿Cuál es el plazo para responder?").first).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="¿Cuál es el plazo para responder?").first.click()
    expect(page.get_by_text("Diez días hábiles").first).to_be_visible()
    for path in ("/calendario/", f"/ediciones/{cohort.pk}/anuncios/"):
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)


def test_tutor_takes_attendance_on_a_phone(
    live_server, new_context, assert_no_axe_violations, screenshot
):
    _course, cohort = edition(title="Diplomado de prueba")
    the_tutor = tutor(cohort)
    people = [learner(cohort, full_name=f"Participante {n} Prueba") for n in "ABC"]
    now = timezone.now()
    session = LiveSession.objects.create(
        cohort=cohort,
        topic="Solicitudes de información",
        starts_at=now - timedelta(hours=3),
        ends_at=now - timedelta(hours=1),
        place="Sede por confirmar",
        mode=LiveSession.Mode.IN_PERSON,
    )
    phone = new_context(java_script_enabled=False, viewport=PHONE).new_page()
    sign_in(
        phone,
        live_server.url,
        the_tutor.email,
        f"/ediciones/{cohort.pk}/sesiones/{session.pk}/asistencia/",
    )
    expect(phone.get_by_text("Participante A Prueba")).to_be_visible()
    assert_no_axe_violations(phone)
    screenshot(phone, "asistencia-375")
    for person, status in zip(
        people, ("Presente", "Ausente", "Justificada"), strict=True
    ):
        # The radios are drawn as big labels (touch targets): a person taps them.
        group = phone.get_by_role("group", name=person.user.full_name)
        group.locator("label", has_text=status).click()
        expect(group.get_by_label(status, exact=False).first).to_be_checked()
    phone.get_by_role("button", name="Guardar", exact=False).first.click()
    saved = dict(
        Attendance.objects.filter(session=session).values_list(
            "enrollment_id", "status"
        )
    )
    assert saved == {
        people[0].pk: "presente",
        people[1].pk: "ausente",
        people[2].pk: "justificada",
    }
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"la página se desborda: {width}px"
