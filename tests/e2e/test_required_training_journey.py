"""A staff member sees required trainings first in "Mi aprendizaje", overdue
first, with the reminders sent; a coordinator reads the compliance report and its
chart. With and without JavaScript; axe-core on the learner's page."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from cursos.models import RequiredTraining, TrainingAssignment, TrainingReminder
from lms.accounts.models import STAFF_GROUP
from tests.e2e.signing_in import sign_in
from tests.factories import UserFactory, build_course

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("javascript", [True, False], ids=["con-js", "sin-js"])
def test_staff_member_and_coordinator(
    live_server, new_context, assert_no_axe_violations, screenshot, javascript
):
    today = timezone.localdate()
    group = Group.objects.get(name=STAFF_GROUP)
    overdue = build_course(title="Inducción al Gobierno Abierto", audience="infom")
    upcoming = build_course(title="Atención de solicitudes", audience="infom")
    RequiredTraining.objects.create(
        course=overdue, group=group, due_on=today - datetime.timedelta(days=3)
    )
    RequiredTraining.objects.create(
        course=upcoming, group=group, due_on=today + datetime.timedelta(days=20)
    )
    person = UserFactory(
        email="eva@infom.gob.gt",
        full_name="Eva García",
        institution_type="infom",
        institution_name="Recursos Humanos",
        groups_by_name=(STAFF_GROUP,),
    )
    assignment = TrainingAssignment.objects.get(user=person, course=overdue)
    TrainingReminder.objects.create(
        assignment=assignment,
        kind="dia",
        due_on=assignment.due_on,
        run=uuid.uuid4(),
        sent_at=timezone.now() - datetime.timedelta(days=3),
    )
    suffix = "js" if javascript else "sin-js"

    page = new_context(java_script_enabled=javascript).new_page()
    sign_in(page, live_server.url, person.email)
    page.get_by_role("link", name="Mi aprendizaje").click()
    required = page.locator("section[aria-labelledby=obligatorias]")
    cards = required.locator("li.card")
    expect(cards.nth(0)).to_contain_text("Inducción al Gobierno Abierto")
    expect(cards.nth(0)).to_contain_text("Vencida")
    expect(cards.nth(0).get_by_role("link", name="Empezar")).to_be_visible()
    expect(cards.nth(1)).to_contain_text("Pendiente")
    cards.nth(0).get_by_text("1 recordatorio enviado").click()
    expect(cards.nth(0)).to_contain_text("vencía ese día")
    assert_no_axe_violations(page)
    screenshot(page, f"obligatorias-mi-aprendizaje-{suffix}")

    coordinator = UserFactory(coordinator=True, email="coord@infom.gob.gt")
    admin = new_context(java_script_enabled=javascript).new_page()
    sign_in(admin, live_server.url, coordinator.email)
    admin.goto(f"{live_server.url}/admin/informes/cumplimiento/unidades/")
    expect(admin.get_by_text("Capacitaciones vencidas por unidad")).to_be_visible()
    expect(admin.locator("svg[role=img]")).to_be_visible()
    expect(admin.get_by_role("cell", name="Recursos Humanos")).to_be_visible()
    screenshot(admin, f"obligatorias-informe-unidades-{suffix}")
