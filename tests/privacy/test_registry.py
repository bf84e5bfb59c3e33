"""Every model that holds a person has an entry in the personal-data registry,
and each entry exports what the person has in it (JSON and readable page)."""

import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps

from lms.accounts.privacy import AUTHORING, NOT_PERSONAL, PERSONAL, entries, entry_for
from lms.accounts.privacy.exports import personal_data, render_html, render_json
from lms.accounts.privacy.walk import personal_models, stale_entries, unregistered
from tests.privacy.data import EMAIL, NAME, OLD_NAME, person_everywhere

pytestmark = pytest.mark.django_db


def test_every_model_holding_a_person_has_a_registry_entry():
    assert unregistered() == [], (
        "Add an entry to the personal-data registry (an app's privacy.py) for: "
        + ", ".join(unregistered())
    )
    assert stale_entries() == []


def test_the_walk_reaches_models_through_personal_models():
    found = personal_models()
    assert found["cursos.QuizAttempt"] == "cursos.Enrollment"
    assert found["cursos.SubmissionFile"] == "cursos.SubmissionVersion"
    assert found["certificados.CertificateVersion"] == "certificados.Certificate"
    # Authoring records stop the walk: blocks of an owned page are not personal.
    assert "cursos.CoursePage" not in found
    assert entry_for("wagtailcore.Page").kind == AUTHORING


@isolate_apps("lms.accounts")
def test_a_new_model_with_a_user_and_no_entry_fails_the_walk():
    class Diary(models.Model):
        owner = models.ForeignKey(get_user_model(), on_delete=models.CASCADE)

        class Meta:
            app_label = "accounts"

        def __str__(self):
            return "diario"

    class DiaryPage(models.Model):
        diary = models.ForeignKey(Diary, on_delete=models.CASCADE)

        class Meta:
            app_label = "accounts"

        def __str__(self):
            return "página"

    everything = [*apps.get_models(), Diary, DiaryPage]
    assert unregistered(everything) == ["accounts.Diary"]
    # Once Diary were registered as personal, its pages would be reached too.
    assert "accounts.DiaryPage" not in personal_models(everything)


def test_entries_are_well_formed():
    for entry in entries():
        assert entry.kind in (PERSONAL, AUTHORING, NOT_PERSONAL)
        if entry.kind == NOT_PERSONAL:
            assert entry.reason
        else:
            assert entry.export is not None, entry.model


def test_export_holds_every_registry_model_of_a_person_everywhere(
    django_capture_on_commit_callbacks,
):
    person = person_everywhere()
    data = personal_data(user=person.user)
    sections = {s["modelo"].lower(): s for s in data["secciones"]}
    expected = {e.model.lower() for e in entries() if e.kind != NOT_PERSONAL}
    # Every model the walk reaches is among them (the walk test checks it),
    # plus those marked personal without a foreign key (the outbox).
    assert personal_models_lower() <= expected | {"accounts.user"}
    assert "outbox.outboxmessage" in expected
    empty = sorted(
        label for label in expected if not sections.get(label, {}).get("filas")
    )
    assert empty == [], f"no rows exported for: {empty}"
    # Real values, not just sections.
    profile = sections["accounts.user"]["filas"][0]
    assert profile["nombre_completo"] == NAME
    assert profile["correo"] == EMAIL
    attempt = sections["cursos.quizattempt"]["filas"][0]
    assert attempt["respuestas"] == [
        {
            "pregunta": "¿Qué protege el hábeas data?",
            "respuesta": ["Los datos personales"],
        }
    ]
    assert attempt["puntos"] == "1.00" or attempt["puntos"] == "1"
    files = sections["cursos.submissionfile"]["filas"]
    assert files[0]["archivo"] == "diagnostico-xiomara.pdf"
    certificate = sections["certificados.certificate"]["filas"][0]
    assert certificate["enlace_de_verificacion"] == person.certificate.verification_url
    if person.certificate.status == "emitido":
        assert certificate["credencial_digital"].endswith(
            f"/certificados/{person.certificate.pk}/credencial/"
        )
    else:
        assert certificate["credencial_digital"] is None
    versions = sections["certificados.certificateversion"]["filas"]
    assert [v["nombre"] for v in versions] == [OLD_NAME, NAME]
    posts = sections["comunidad.post"]["filas"]
    assert posts[0]["mensaje"].startswith("Soy Xiomara")

    # The file forms agree with the data: JSON parses back, the page has a
    # heading per section and the person's values.
    parsed = json.loads(render_json(data))
    assert [s["titulo"] for s in parsed["secciones"]] == [
        s["titulo"] for s in data["secciones"]
    ]
    page = render_html(data).decode()
    for section in data["secciones"]:
        assert f">{section['titulo']}</h2>" in page.replace("&quot;", '"')
    assert NAME in page and "diagnostico-xiomara.pdf" in page
    # Headings in Spanish with their accents, from the JSON's ASCII keys; the
    # date the copy was made as a person writes it, not as ISO 8601.
    assert ">Teléfono</th>" in page and ">Código INE municipio</th>" in page
    assert ">Código de verificación</th>" in page and "Telefono" not in page
    assert data["generado"] not in page
    assert re.search(r"usted el \d{2}/\d{2}/\d{4} \d{2}:\d{2}\.", page)
    # Correct answers never leave the server.
    assert '"correct"' not in render_json(data).decode()


def personal_models_lower():
    return {label.lower() for label in personal_models()}


def test_export_holds_nothing_of_another_person():
    person = person_everywhere()
    text = render_json(personal_data(user=person.user)).decode()
    # The other person's post and name appear only as what they did to me
    # (the tutor of my enrollment), never their e-mail.
    from tests.factories import UserFactory

    stranger = UserFactory(full_name="Persona Ajena Del Todo")
    assert stranger.email not in text
    assert "Persona Ajena" not in text
    assert "Le respondo." not in text
