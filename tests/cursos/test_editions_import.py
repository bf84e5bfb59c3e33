"""Coordinators enroll people from a CSV file: a preview of every row, then one
transaction for all of it; new accounts are invited once, after the commit."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from cursos.enrollment_import import (
    ALREADY,
    CREATE,
    ENROLL,
    ERROR,
    ImportFileError,
    decode,
    preview,
)
from cursos.models import Cohort, Enrollment
from cursos.services.editions import EditionError, confirm_import
from cursos.services.enrollment import enroll
from lms.accounts.models import User
from tests.factories import UserFactory, build_course
from tests.forms import csrf_token_of_form, post_form

pytestmark = pytest.mark.django_db

GT = ZoneInfo("America/Guatemala")
NOW = datetime.datetime(2027, 1, 10, 10, tzinfo=GT)
EDITION = {
    "name": "Edición de enero",
    "enrollment_opens": datetime.datetime(2027, 1, 1, 8, tzinfo=GT),
    "enrollment_closes": datetime.datetime(2027, 1, 31, 18, tzinfo=GT),
    "starts_on": datetime.date(2027, 2, 3),
    "ends_on": datetime.date(2027, 5, 31),
}
HEADER = "correo,nombre_completo,departamento,municipio,cargo\n"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def cohort():
    course = build_course(modules=1, lessons=1, cohorts=[EDITION])
    return Cohort.objects.get(course=course)


def rows_of(text, cohort):
    return preview(text=text, cohort=cohort).rows


def test_good_rows_say_what_will_happen(cohort):
    existing = UserFactory(email="existe@muni.example")
    enrolled = UserFactory(email="ya@muni.example")
    enroll(user=enrolled, course=cohort.course, cohort=cohort)
    text = HEADER + (
        "nueva@muni.example,Ana Lucía Xocop,Sacatepéquez,Antigua Guatemala,uip\n"
        "Existe@Muni.example,,,,\n"
        "ya@muni.example,,,,\n"
        "otra@muni.example,Juan Pérez Tzul,03,0306,Síndica o síndico\n"
        "mas@muni.example,Rosa Tun,sacatepequez,SANTIAGO SACATEPEQUEZ,DAFIM\n"
    )
    rows = rows_of(text, cohort)
    assert [r.action for r in rows] == [CREATE, ENROLL, ALREADY, CREATE, CREATE]
    assert rows[0].municipality.code == "0301" and rows[0].post == "uip"
    assert rows[1].full_name == existing.full_name
    assert rows[3].municipality.code == "0306" and rows[3].post == "sindico"
    assert rows[4].municipality.code == "0306" and rows[4].post == "dafim"


def test_bad_rows_each_say_why(cohort):
    text = HEADER + (
        "a@muni.example,Ana Xocop,Atlántida,Antigua Guatemala,uip\n"
        "b@muni.example,Ana Xocop,Sacatepéquez,Totonicapán,uip\n"
        "no-es-correo,Ana Xocop,Sacatepéquez,Antigua Guatemala,uip\n"
        "c@muni.example,Ana Xocop,Sacatepéquez,Antigua Guatemala,uip\n"
        "C@muni.example,Ana Xocop,Sacatepéquez,Antigua Guatemala,uip\n"
        "d@muni.example,Ana 123,Sacatepéquez,Antigua Guatemala,astronauta\n"
    )
    rows = rows_of(text, cohort)
    assert [r.action for r in rows] == [ERROR, ERROR, ERROR, CREATE, ERROR, ERROR]
    assert "departamento desconocido" in rows[0].error
    assert "no está en Sacatepéquez" in rows[1].error
    assert "correo no válido" in rows[2].error
    assert "repetido" in rows[4].error and "fila 5" in rows[4].error
    assert "cargo desconocido" in rows[5].error and "nombre" in rows[5].error
    assert not preview(text=text, cohort=cohort).can_confirm


def test_a_missing_column_refuses_the_file(cohort):
    with pytest.raises(ImportFileError, match="Faltan columnas: cargo"):
        preview(text="correo,nombre_completo,departamento,municipio\n", cohort=cohort)


def test_bom_and_semicolons_are_read():
    data = (
        "\ufeffcorreo;nombre_completo;departamento;municipio;cargo\n"
        "a@muni.example;Ana Xocop;Sacatepéquez;Antigua Guatemala;uip\n"
    ).encode()
    text = decode(data)
    course = build_course(modules=1, lessons=1, cohorts=[EDITION])
    rows = rows_of(text, Cohort.objects.get(course=course))
    assert [r.action for r in rows] == [CREATE]


def test_not_utf8_and_too_big_are_refused():
    with pytest.raises(ImportFileError, match="UTF-8"):
        decode("correo\nJosé".encode("latin-1"))
    with pytest.raises(ImportFileError, match="MB"):
        decode(b"x" * (1024 * 1024 + 1))


def test_too_many_rows_are_refused(cohort):
    text = HEADER + "".join(
        f"p{n}@muni.example,Ana Xocop,03,0301,uip\n" for n in range(2001)
    )
    with pytest.raises(ImportFileError, match="más de 2000 filas"):
        preview(text=text, cohort=cohort)


def test_capacity_blocks_the_confirmation(cohort):
    Cohort.objects.filter(pk=cohort.pk).update(capacity=1)
    cohort.refresh_from_db()
    text = HEADER + (
        "a@muni.example,Ana Xocop,03,0301,uip\nb@muni.example,Rosa Tun,03,0301,uip\n"
    )
    result = preview(text=text, cohort=cohort)
    assert "1 cupos libres" in result.problem and not result.can_confirm


def test_confirm_writes_everything_and_invites_once(
    cohort, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="existe@muni.example")
    text = HEADER + (
        "nueva@muni.example,Ana Lucía Xocop,Sacatepéquez,Antigua Guatemala,uip\n"
        "existe@muni.example,,,,\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        counts = confirm_import(
            actor=coordinator, cohort=cohort, rows=rows_of(text, cohort)
        )
    assert counts == {"creadas": 1, "inscritas": 2, "ya_inscritas": 0}
    new = User.objects.get(email="nueva@muni.example")
    assert new.full_name == "Ana Lucía Xocop" and not new.has_usable_password()
    assert new.municipality.code == "0301"
    assert Enrollment.objects.filter(cohort=cohort).count() == 2
    assert [m.to for m in mailoutbox] == [["nueva@muni.example"]]
    assert "/cuentas/password/reset/key/" in mailoutbox[0].body
    # Again: nothing new, nobody invited twice.
    with django_capture_on_commit_callbacks(execute=True):
        counts = confirm_import(
            actor=coordinator, cohort=cohort, rows=rows_of(text, cohort)
        )
    assert counts == {"creadas": 0, "inscritas": 0, "ya_inscritas": 2}
    assert len(mailoutbox) == 1


def test_the_invitation_link_lets_the_person_set_a_password(
    client, cohort, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    import re

    text = HEADER + "nueva@muni.example,Ana Lucía Xocop,03,0301,uip\n"
    with django_capture_on_commit_callbacks(execute=True):
        confirm_import(actor=coordinator, cohort=cohort, rows=rows_of(text, cohort))
    link = re.search(r"http\S+/cuentas/password/reset/key/\S+", mailoutbox[0].body)
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = post_form(
        client,
        form_url,
        {"password1": "Una-clave-nueva-2027", "password2": "Una-clave-nueva-2027"},
        action=None,
    )
    assert response.status_code == 302
    assert User.objects.get(email="nueva@muni.example").has_usable_password()


def test_a_row_failing_at_confirm_time_writes_nothing(
    cohort, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    text = HEADER + (
        "uno@muni.example,Ana Lucía Xocop,03,0301,uip\n"
        "dos@muni.example,Rosa Tun Ajú,03,0301,uip\n"
    )
    rows = rows_of(text, cohort)
    # Between preview and confirmation someone fills the edition.
    Cohort.objects.filter(pk=cohort.pk).update(capacity=1)
    cohort.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(EditionError, match="Fila 3"):
            confirm_import(actor=coordinator, cohort=cohort, rows=rows)
    assert not User.objects.filter(email__in=["uno@muni.example", "dos@muni.example"])
    assert not Enrollment.objects.filter(cohort=cohort).exists()
    assert mailoutbox == []


def test_a_learner_may_not_confirm_an_import(cohort, participant):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        confirm_import(actor=participant, cohort=cohort, rows=[])


# ------------------------------------------------------------------ through the admin
def upload(client, cohort, content: bytes):
    page = f"/admin/ediciones/{cohort.pk}/inscribir/"
    action = f"/admin/ediciones/{cohort.pk}/importar/"
    return post_form(
        client,
        page,
        {"archivo": SimpleUploadedFile("personas.csv", content, "text/csv")},
        action=action,
    )


def test_upload_preview_then_confirm(
    client, cohort, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    content = (
        "\ufeff" + HEADER + "nueva@muni.example,Ana Lucía Xocop,03,0301,uip\n"
        "malo,Ana Xocop,03,0301,uip\n"
    ).encode()
    response = upload(client, cohort, content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Crear cuenta e inscribir" in html and "correo no válido" in html
    assert "Confirmar e inscribir" not in html
    good = (HEADER + "nueva@muni.example,Ana Lucía Xocop,03,0301,uip\n").encode()
    response = upload(client, cohort, good)
    html = response.content.decode()
    assert "Confirmar e inscribir" in html
    confirm = f"/admin/ediciones/{cohort.pk}/importar/confirmar/"
    # The preview answers a POST: take the confirm form's token from its HTML.
    import re

    token = csrf_token_of_form(html, confirm, confirm)
    digest = re.search(r'name="digest" value="([^"]+)"', html).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            confirm, {"csrfmiddlewaretoken": token, "digest": digest}
        )
    assert response.status_code == 302
    assert Enrollment.objects.filter(cohort=cohort).count() == 1
    assert len(mailoutbox) == 1
    # The preview is spent: confirming again does nothing.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            confirm, {"csrfmiddlewaretoken": token, "digest": digest}
        )
    assert response["Location"] == f"/admin/ediciones/{cohort.pk}/inscribir/"
    assert len(mailoutbox) == 1


def test_a_file_missing_a_column_is_answered_in_spanish(client, cohort, coordinator):
    client.force_login(coordinator)
    response = upload(client, cohort, b"correo,nombre\nx@y.example,Ana\n")
    assert response.status_code == 400
    assert "Faltan columnas" in response.content.decode()
