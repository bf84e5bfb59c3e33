"""The open-data page and files on real data: every department and
municipality present, files parsed back equal across formats, no count of 1
anywhere public, 0 queries warm."""

import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from cursos.services.enrollment import enroll
from home.models import HomePage, TransparencyPage
from lms.accounts.models import User
from tests.factories import UserFactory, _publish, build_course, municipality

BASE = "/datos-abiertos/archivos/"
TABLES = (
    "departamentos",
    "municipios",
    "instituciones",
    "cargos",
    "ediciones",
    "meses",
)


@pytest.fixture
def transparency(db):
    return _publish(
        HomePage.objects.get(),
        TransparencyPage(
            title="Datos abiertos", slug="datos-abiertos", intro="Cifras."
        ),
    )


def csv_rows(content: bytes) -> list[dict]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def xlsx_rows(content: bytes) -> list[dict]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    header, *body = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in body]


def parsed(client, table):
    as_csv = csv_rows(client.get(f"{BASE}{table}.csv").content)
    as_json = json.loads(client.get(f"{BASE}{table}.json").content)["filas"]
    as_xlsx = xlsx_rows(client.get(f"{BASE}{table}.xlsx").content)
    return as_csv, as_json, as_xlsx


def normal(value):
    """A cell as text, the same in the three formats (CSV has only text)."""
    return "" if value is None else str(value)


@pytest.fixture
def population(db):
    """Department 01 (Guatemala): 12 officials in four municipalities; 7 in
    Quetzaltenango (09); one single official in Alta Verapaz (16)."""
    course = build_course(modules=1, lessons=1, title="Diplomado de prueba")
    people = [
        UserFactory(municipality=municipality("0101"), post=User.Post.UIP)
        for _ in range(6)
    ]
    people += [
        UserFactory(municipality=municipality("0102"), post=User.Post.DAFIM)
        for _ in range(4)
    ]
    people += [UserFactory(municipality=municipality("0103"), post=User.Post.DMP)]
    people += [UserFactory(municipality=municipality("0115"), post=User.Post.DMP)]
    people += [
        UserFactory(municipality=municipality("0901"), post=User.Post.SECRETARY)
        for _ in range(7)
    ]
    lonely = UserFactory(
        full_name="Ana Única Secreta",
        municipality=municipality("1601"),
        post=User.Post.MAYOR,
    )
    for person in [*people, lonely]:
        enroll(user=person, course=course)
    # Staff and coordinators are not learners.
    enroll(user=UserFactory(coordinator=True), course=course)
    return course, people, lonely


def test_every_department_and_municipality_is_listed_with_zeros(client, population):
    departments, _json, _xlsx = parsed(client, "departamentos")
    by_code = {row["codigo_ine"]: row for row in departments if row["codigo_ine"]}
    assert len(by_code) == 22
    assert by_code["17"]["inscritas"] == "0"  # Petén: no one, published as 0
    assert by_code["01"]["inscritas"] == "12"
    total = next(r for r in departments if r["departamento"] == "Total nacional")
    assert total["inscritas"] == "20"  # the coordinator is not counted
    municipalities, _json, _xlsx = parsed(client, "municipios")
    codes = {row["codigo_ine"] for row in municipalities if row["codigo_ine"]}
    assert len(codes) == 340
    by_code = {row["codigo_ine"]: row for row in municipalities if row["codigo_ine"]}
    assert by_code["0101"]["inscritas"] == "6"
    assert by_code["0102"]["inscritas"] == "<5"
    assert by_code["1703"]["inscritas"] == "0"


def test_formats_agree_cell_by_cell(client, population):
    for table in TABLES:
        as_csv, as_json, as_xlsx = parsed(client, table)
        assert len(as_csv) == len(as_json) == len(as_xlsx) > 0 or table in (
            "ediciones",
            "meses",
        )
        for a, b, c in zip(as_csv, as_json, as_xlsx, strict=True):
            for column, value in b.items():
                assert normal(a[column]) == normal(value) == normal(c[column]), (
                    table,
                    column,
                )


def test_a_single_person_never_appears_as_a_count_of_1(
    client, population, transparency
):
    _course, _people, lonely = population
    documents = [client.get(transparency.url).content.decode()]
    documents.append(client.get(transparency.url + "diccionario/").content.decode())
    for table in TABLES:
        documents.append(client.get(f"{BASE}{table}.csv").content.decode("utf-8"))
        documents.append(client.get(f"{BASE}{table}.json").content.decode())
        for row in xlsx_rows(client.get(f"{BASE}{table}.xlsx").content):
            documents.append(json.dumps(row, ensure_ascii=False, default=str))
    everything = "\n".join(documents)
    assert lonely.full_name not in everything and lonely.email not in everything
    # Alta Verapaz (16) and its municipality 1601 hold one person: never a 1.
    departments = csv_rows(client.get(f"{BASE}departamentos.csv").content)
    alta = next(r for r in departments if r["codigo_ine"] == "16")
    assert alta["inscritas"] == "<5"
    data = json.loads(client.get(f"{BASE}municipios.json").content)["filas"]
    for row in data:
        for column in ("inscritas", "activas", "completaron", "aprobaron"):
            assert row[column] not in (1, 2, 3, 4), (row, column)
    for row in json.loads(client.get(f"{BASE}cargos.json").content)["filas"]:
        assert row["inscritas"] not in (1, 2, 3, 4)
    html = documents[0]
    table = html[html.index('id="tabla-departamentos"') :]
    assert not re.search(r"<td>[1-4]</td>", table)
    assert "<td>&lt;5</td>" in table


def test_files_carry_licence_and_cutoff(client, population):
    response = client.get(f"{BASE}departamentos.json")
    assert response["Content-Type"].startswith("application/json")
    assert "creativecommons.org/licenses/by/4.0" in response["Link"]
    meta = json.loads(response.content)["metadatos"]
    assert meta["licencia"] == "CC BY 4.0"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", meta["fecha_corte"])
    rows = csv_rows(client.get(f"{BASE}departamentos.csv").content)
    assert {row["fecha_corte"] for row in rows} == {meta["fecha_corte"]}
    workbook = load_workbook(
        io.BytesIO(client.get(f"{BASE}departamentos.xlsx").content)
    )
    about = dict(workbook["Metadatos"].iter_rows(values_only=True))
    assert about["licencia"] == "CC BY 4.0"
    assert "CC BY 4.0" in workbook.properties.description
    dictionary = json.loads(client.get(f"{BASE}diccionario.json").content)
    fields = {f["campo"] for f in dictionary["campos"]}
    assert {"inscritas", "certificadas", "municipios_cubiertos"} <= fields
    assert "<5" in dictionary["simbolos"]
    assert csv_rows(client.get(f"{BASE}diccionario.csv").content)[0]["campo"]


def test_unknown_files_are_404(client, db):
    for url in ("personas.csv", "departamentos.exe", "diccionario.xlsx"):
        assert client.get(BASE + url).status_code == 404
    assert client.get(BASE + "x.csv\x00").status_code == 400


def test_old_addresses_redirect_to_the_department_files(client, transparency):
    response = client.get(transparency.url + "csv/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith(f"{BASE}departamentos.csv")
    response = client.get(transparency.url + "json/")
    assert response["Location"].endswith(f"{BASE}departamentos.json")


def test_page_shows_tile_map_table_links_and_the_explanation(
    client, population, transparency
):
    html = client.get(transparency.url).content.decode()
    assert html.count("<rect") == 22
    assert '<svg class="tile-map"' in html and 'role="img"' in html
    assert '<title id="mapa-certificadas-t">' in html
    for table in TABLES:
        for fmt in ("csv", "json", "xlsx"):
            assert f'href="{BASE}{table}.{fmt}"' in html
    assert f'href="{BASE}diccionario.json"' in html
    assert "¿Qué significa «&lt;5»?" in html
    assert 'rel="license"' in html


def test_warm_requests_make_no_queries(client, population, transparency):
    urls = [transparency.url, transparency.url + "diccionario/"]
    urls += [f"{BASE}{t}.{f}" for t in TABLES for f in ("csv", "json", "xlsx")]
    for url in urls:
        assert client.get(url).status_code == 200
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.get("X-Page-Cache") == "HIT", url
        assert len(queries) == 0, url


@pytest.mark.parametrize("people", [3, 30])
def test_cold_build_query_count_is_flat(people, db, django_assert_num_queries):
    from home.opendata.aggregate import fetch_counts

    course = build_course(modules=1, lessons=1)
    for i in range(people):
        enroll(
            user=UserFactory(
                municipality=municipality(["0101", "1601", "0801"][i % 3])
            ),
            course=course,
        )
    with django_assert_num_queries(5):
        fetch_counts()


def test_formula_text_is_neutralised(client, db):
    from lms.accounts.models import Department

    Department.objects.create(code="99", name='=HYPERLINK("http://x")')
    rows = csv_rows(client.get(f"{BASE}departamentos.csv").content)
    row = next(r for r in rows if r["codigo_ine"] == "99")
    assert row["departamento"].startswith("'=")
    sheet = load_workbook(
        io.BytesIO(client.get(f"{BASE}departamentos.xlsx").content)
    ).worksheets[0]
    names = [r[1] for r in sheet.iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://x")' in names


def test_the_daily_task_computes_the_snapshot_the_page_then_reads(db, population):
    from django.core.cache import cache

    from home.opendata.snapshot import LATEST_KEY, published_dataset
    from home.tasks import refresh_open_data

    cutoff = refresh_open_data()
    assert cache.get(LATEST_KEY).cutoff.isoformat() == cutoff
    assert published_dataset().cutoff.isoformat() == cutoff
