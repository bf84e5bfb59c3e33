"""A visitor reads the open data: the tile map and its table, "<5" explained,
the data dictionary, a file downloaded; axe-core 0 violations on both pages."""

import pytest
from playwright.sync_api import expect

from cursos.services.enrollment import enroll
from home.models import HomePage, TransparencyPage
from tests.factories import UserFactory, _publish, build_course, municipality

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_reads_the_open_data(
    live_server, new_context, assert_no_axe_violations, screenshot
):
    course = build_course(modules=1, lessons=1)
    for code in ["0101"] * 6 + ["0901"] * 5 + ["1601"]:
        enroll(user=UserFactory(municipality=municipality(code)), course=course)
    page_obj = _publish(
        HomePage.objects.get(),
        TransparencyPage(title="Datos abiertos", slug="datos-abiertos"),
    )
    page = new_context().new_page()
    page.goto(live_server.url + page_obj.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Datos abiertos")
    expect(page.get_by_role("img", name="Personas certificadas por departamento"))
    table = page.get_by_role("table", name="Formación por departamento")
    expect(table.get_by_role("row", name="Alta Verapaz")).to_contain_text("<5")
    assert_no_axe_violations(page)
    screenshot(page, "datos-abiertos")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV — Formación por municipio").click()
    assert download.value.suggested_filename == "municipios.csv"

    page.get_by_role("link", name="Cómo se calculan las cifras").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Diccionario de datos")
    assert_no_axe_violations(page)
    screenshot(page, "datos-abiertos-diccionario")
