"""A real person signs up, confirms the e-mail, sees the profile, logs out and in."""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import Site

from home.models import HomePage
from lms.accounts.models import (
    COORDINATORS_GROUP,
    STAFF_GROUP,
    Department,
    Municipality,
    User,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FULL_NAME = "Ixchel K'iche' Núñez-Ordóñez"
EMAIL = "ixchel.nunez@momostenango.example"
PHONE = "7736 5120"
PASSWORD = "Transparencia-Momos-2026"
POST = "Encargada o encargado de la Unidad de Información Pública"
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/cuentas/confirm-email/[^\s\"'<>]+")


def assert_migration_data_loaded():
    """The data migrations' rows survived the previous test's flush."""
    assert Department.objects.count() == 22
    assert Municipality.objects.count() == 340
    assert set(Group.objects.values_list("name", flat=True)) >= {
        COORDINATORS_GROUP,
        STAFF_GROUP,
    }
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)


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


def field(page, label):
    """The control whose <label> reads exactly ``label``.

    The visible label also carries the form's marker, "*" (required) or
    "(opcional)"; matching the whole label keeps "Contraseña" apart from
    "Contraseña (de nuevo)" and "Cargo" apart from "Otro cargo".
    """
    return page.get_by_label(
        re.compile("^" + re.escape(label) + r"(?: \*| \(opcional\))?$")
    )


def fill_signup_form(page, *, department, municipality):
    field(page, "Nombre completo").fill(FULL_NAME)
    field(page, "Correo electrónico").fill(EMAIL)
    field(page, "Teléfono").fill(PHONE)
    field(page, "Tipo de institución").select_option(label="Municipalidad")
    field(page, "Departamento").select_option(label=department)
    field(page, "Municipio").select_option(label=municipality)
    field(page, "Cargo").select_option(label=POST)
    field(page, "Contraseña").fill(PASSWORD)
    field(page, "Contraseña (de nuevo)").fill(PASSWORD)


def test_signup_confirm_profile_logout_login(
    live_server, page, assert_no_axe_violations, screenshot
):
    assert_migration_data_loaded()

    # Home page.
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("Plataforma de Aprendizaje INFOM"))
    screenshot(page, "01-inicio")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Crear cuenta", exact=True).click()

    # Sign-up page.
    expect(page).to_have_url(live_server.url + "/cuentas/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Crear cuenta")
    municipality_options = field(page, "Municipio").locator("option[value]")
    expect(municipality_options).to_have_count(341)  # 340 + "Elija su municipio"
    screenshot(page, "02-registro")
    assert_no_axe_violations(page)
    fill_signup_form(page, department="Totonicapán", municipality="Momostenango")
    screenshot(page, "03-registro-lleno")
    page.get_by_role("button", name="Crear cuenta").click()

    # Verification needed: allauth says so and sends the link by e-mail.
    expect(page).to_have_url(re.compile(r"/cuentas/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verifique")
    screenshot(page, "04-verifique-correo")
    assert_no_axe_violations(page)
    user = User.objects.get(email=EMAIL)
    assert user.full_name == FULL_NAME
    assert user.municipality.name == "Momostenango"
    assert user.department.name == "Totonicapán"
    link = confirmation_link(EMAIL)
    assert link.startswith(live_server.url), link

    # Open the link and press the confirm button.
    page.goto(link)
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    screenshot(page, "05-confirmar-correo")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirmar").click()
    expect(page.get_by_role("button", name="Salir")).to_be_visible()
    assert EmailAddress.objects.get(user=user, email=EMAIL).verified
    if not page.url.endswith("/cuentas/perfil/"):
        page.goto(live_server.url + "/cuentas/perfil/")

    # Profile: the exact name and Momostenango.
    expect(page).to_have_url(live_server.url + "/cuentas/perfil/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mi perfil")
    expect(field(page, "Nombre completo")).to_have_value(FULL_NAME)
    municipality = field(page, "Municipio")
    expect(municipality).to_have_value(
        str(Municipality.objects.get(name="Momostenango").pk)
    )
    expect(municipality.locator("option:checked")).to_have_text("Momostenango")
    expect(field(page, "Departamento").locator("option:checked")).to_have_text(
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

    # Log in again, landing on "Mi aprendizaje"; the profile is one link away.
    page.goto(live_server.url + "/cuentas/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingresar")
    screenshot(page, "08-ingresar")
    assert_no_axe_violations(page)
    field(page, "Correo electrónico").fill(EMAIL)
    field(page, "Contraseña").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Ingresar").click()
    expect(page).to_have_url(live_server.url + "/mi-aprendizaje/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mi aprendizaje")
    page.get_by_role("banner").get_by_role("link", name="Mi perfil").click()
    expect(field(page, "Nombre completo")).to_have_value(FULL_NAME)
    screenshot(page, "09-perfil-tras-ingresar")


def test_signup_refuses_municipality_of_another_department(
    live_server, new_context, assert_no_axe_violations, screenshot
):
    # Runs after the journey, whose database was flushed: the data migrations'
    # rows are back, and the Wagtail home page is served again.
    assert_migration_data_loaded()
    # territorio.js would hide Mixco once Totonicapán is chosen; without
    # JavaScript the grouped list offers every municipality, as a person with
    # scripts off (or an old phone) would see it.
    page = new_context(java_script_enabled=False).new_page()
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Plataforma de Aprendizaje INFOM"
    )
    page.goto(live_server.url + "/cuentas/signup/")
    expect(field(page, "Municipio").locator("option[value]")).to_have_count(341)
    fill_signup_form(page, department="Totonicapán", municipality="Mixco")
    page.get_by_role("button", name="Crear cuenta").click()

    expect(page).to_have_url(live_server.url + "/cuentas/signup/")
    expect(page.get_by_role("alert")).to_contain_text("Revise los datos marcados")
    municipality = field(page, "Municipio")
    expect(municipality).to_have_attribute("aria-invalid", "true")
    error = page.locator("#id_municipality_error")
    expect(error).to_contain_text(
        "El municipio Mixco no pertenece al departamento Totonicapán."
    )
    expect(municipality).to_have_accessible_description(
        re.compile("no pertenece al departamento")
    )
    # The error sits in the municipality's own field, right above the select.
    wrapper = page.locator(".field--error").filter(has=municipality)
    expect(wrapper).to_contain_text("no pertenece al departamento")
    # What the person typed is kept.
    expect(field(page, "Nombre completo")).to_have_value(FULL_NAME)
    screenshot(page, "10-registro-error-municipio")
    assert_no_axe_violations(page)

    assert not User.objects.filter(email=EMAIL).exists()
    assert User.objects.count() == 0
    assert mail.outbox == []
