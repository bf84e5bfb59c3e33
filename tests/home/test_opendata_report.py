"""Coordinators' unsuppressed open-data report."""

import csv
import io

import pytest

from cursos.services.enrollment import enroll
from lms.accounts.models import User
from tests.factories import UserFactory, build_course, municipality

URL = "/admin/informes/datos-abiertos/"


def csv_of(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def lonely(db):
    course = build_course(modules=1, lessons=1)
    person = UserFactory(municipality=municipality("1601"), post=User.Post.MAYOR)
    enroll(user=person, course=course)
    return person


def test_coordinators_see_true_counts_per_municipality_and_post(client, lonely):
    client.force_login(UserFactory(coordinator=True))
    html = client.get(URL).content.decode()
    assert "Cobán" in html
    rows = csv_of(client.get(URL + "?export=csv"))
    row = next(r for r in rows if r["Código INE"] == "1601")
    assert row["Inscritas"] == "1"  # unsuppressed, unlike the public files
    rows = csv_of(client.get(URL + "?cuadro=cargos&export=csv"))
    mayors = next(r for r in rows if r["Código"] == "alcaldia_concejo")
    assert mayors["Inscritas"] == "1" and mayors["Municipios cubiertos"] == "0"


def test_unknown_table_falls_back_to_municipalities(client, lonely):
    client.force_login(UserFactory(coordinator=True))
    response = client.get(URL + "?cuadro=<script>")
    assert response.status_code == 200
    assert "Por municipio" in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "learner", "staff"])
def test_report_is_for_coordinators_only(client, lonely, role):
    if role == "learner":
        client.force_login(lonely)
    elif role == "staff":
        client.force_login(
            UserFactory(institution_type=User.InstitutionType.INFOM, is_staff=False)
        )
    response = client.get(URL)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/" not in response["Location"] or "login" in response["Location"]
