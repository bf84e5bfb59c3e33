"""A real person signs up, confirms the e-mail, sees the profile, logs out and in."""

import re
import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from lms.accounts.models import Department, Municipality, User

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FULL_NAME = "Ixchel K'iche' Núñez-Ordóñez"
EMAIL = "ixchel.nunez@momostenango.example"
PHONE = "7736 5120"
PASSWORD = "Transparencia-Momos-2026"
POST = "Encargado de la Unidad de Información Pública"
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/cuentas/confirm-email/[^\s\"'<>]+")


def assert_territory_loaded():
    """The data migration's rows survived the previous test's flush."""
    assert Department.objects.count() == 22
    assert Municipality.objects.count() == 340


def confirmation_link(to, timeout=5.0):
    """The confirmation URL of the e-mail sent to ``to`` (sent after commit)."""
    deadline = time.monotonic() + timeout
    while True:
        messages = [m for m in mail.outbox if to in m.to]
        if messages or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert len(messages) == 1, [(m.to, m.subject) for m in mail.outbox]
    match = CONFIRM_LINK.search(messages[0].body)
    assert match, messages[0].body
    return match.group(0)


def fill_signup_form(page, *, department, municipality):
    page.get_by_label("Nombre completo").fill(FULL_NAME)
    page.get_by_label("Correo electrónico").fill(EMAIL)
    page.get_by_label("Teléfono").fill(PHONE)
    page.get_by_label("Tipo de institución").select_option(label="Municipalidad")
    page.get_by_label("Departamento").select_option(label=department)
    page.get_by_label("Municipio").select_option(label=municipality)
    page.get_by_label("Cargo", exact=True).select_option(label=POST)
    page.get_by_label("Contraseña", exact=True).fill(PASSWORD)
    page.get_by_label("Contraseña (de nuevo)").fill(PASSWORD)


def test_signup_confirm_profile_logout_login(
    live_server, page, assert_no_axe_violations, screenshot
):
    assert_territory_loaded()

    # Home page.
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("Plataforma de Aprendizaje INFOM"))
    screenshot(page, "01-inicio")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Crear cuenta", exact=True).click()

    # Sign-up page.
    expect(page).to_have_url(live_server.url + "/cuentas/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Crear cuenta")
    municipality_options = page.get_by_label("Municipio").locator("option[value]")
    expect(municipality_options).to_have_count(341)  # 340 + "Elija su municipio"
    screenshot(page, "02-registro")
    assert_no_axe_violations(page)
    fill_signup_form(page, department="Totonicapán", municipality="Momostenango")
    screenshot(page, "03-registro-lleno")
    page.get_by_role("button", name="Crear cuenta").click()

    # Verification needed: allauth says so and sends the link by e-mail.
    expect(page).to_have_url(re.compile(r"/cuentas/confirm-email/$"))
    screenshot(page, "04-verifique-correo")
    user = User.objects.get(email=EMAIL)
    assert user.full_name == FULL_NAME
    assert user.municipality.name == "Momostenango"
    assert user.department.name == "Totonicapán"
    link = confirmation_link(EMAIL)
    assert link.startswith(live_server.url), link

    # Open the link and press the confirm button.
    page.goto(link)
    screenshot(page, "05-confirmar-correo")
    page.get_by_role("button", name="Confirmar").click()
    expect(page.get_by_role("button", name="Salir")).to_be_visible()
    if not page.url.endswith("/cuentas/perfil/"):
        page.goto(live_server.url + "/cuentas/perfil/")

    # Profile: the exact name and Momostenango.
    expect(page).to_have_url(live_server.url + "/cuentas/perfil/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mi perfil")
    expect(page.get_by_label("Nombre completo")).to_have_value(FULL_NAME)
    municipality = page.get_by_label("Municipio")
    expect(municipality).to_have_value(
        str(Municipality.objects.get(name="Momostenango").pk)
    )
    expect(municipality.locator("option:checked")).to_have_text("Momostenango")
    expect(page.get_by_label("Departamento").locator("option:checked")).to_have_text(
        "Totonicapán"
    )
    expect(page.get_by_text(EMAIL, exact=True)).to_be_visible()
    screenshot(page, "06-perfil")
    assert_no_axe_violations(page)

    # Log out with the header's button.
    page.get_by_role("banner").get_by_role("button", name="Salir").click()
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("button", name="Salir")).to_have_count(0)
    screenshot(page, "07-despues-de-salir")

    # Log in again, landing on the profile.
    page.goto(live_server.url + "/cuentas/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingresar")
    screenshot(page, "08-ingresar")
    assert_no_axe_violations(page)
    page.get_by_label("Correo electrónico").fill(EMAIL)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Ingresar").click()
    expect(page).to_have_url(live_server.url + "/cuentas/perfil/")
    expect(page.get_by_label("Nombre completo")).to_have_value(FULL_NAME)
    screenshot(page, "09-perfil-tras-ingresar")


def test_signup_refuses_municipality_of_another_department(
    live_server, new_context, screenshot
):
    # Runs after the journey: the flushed territory rows are back.
    assert_territory_loaded()
    # territorio.js would hide Mixco once Totonicapán is chosen; without
    # JavaScript the grouped list offers every municipality, as a person with
    # scripts off (or an old phone) would see it.
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/cuentas/signup/")
    fill_signup_form(page, department="Totonicapán", municipality="Mixco")
    page.get_by_role("button", name="Crear cuenta").click()

    expect(page).to_have_url(live_server.url + "/cuentas/signup/")
    expect(page.get_by_role("alert")).to_contain_text("Revise los datos marcados")
    municipality = page.get_by_label("Municipio")
    expect(municipality).to_have_attribute("aria-invalid", "true")
    error = page.locator("#id_municipality_error")
    expect(error).to_contain_text(
        "El municipio Mixco no pertenece al departamento Totonicapán."
    )
    expect(municipality).to_have_accessible_description(
        re.compile("no pertenece al departamento")
    )
    # The error sits in the municipality's own field, right above the select.
    field = page.locator(".field--error").filter(has=municipality)
    expect(field).to_contain_text("no pertenece al departamento")
    # What the person typed is kept.
    expect(page.get_by_label("Nombre completo")).to_have_value(FULL_NAME)
    screenshot(page, "10-registro-error-municipio")

    assert not User.objects.filter(email=EMAIL).exists()
    assert User.objects.count() == 0
    assert mail.outbox == []
