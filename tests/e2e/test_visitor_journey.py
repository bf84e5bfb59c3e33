"""A visitor without an account goes from the home page to an article, to an
activity and to the diploma's page, and searches the site; with and without
JavaScript, axe-core 0 violations on each kind of public page."""

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from tests.factories import (
    build_course,
    news_article,
    news_index,
    site_event,
    site_image,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _public_site():
    diploma = build_course(
        title="Diplomado Gestión Municipal y Transparencia",
        kind="diplomado",
        audience="municipal",
        modules=1,
        lessons=1,
    )
    home = HomePage.objects.get()
    home.featured_courses.create(course=diploma)
    home.save_revision().publish()
    article = news_article(
        title="Mesas técnicas con sociedad civil",
        intro="Organizaciones de sociedad civil participan en mesas técnicas.",
        categories=["gobierno-abierto"],
        tags=["sociedad civil"],
        cover_image=site_image("Ilustración: personas alrededor de una mesa"),
        body=[
            ("heading", "Qué información quieren conocer"),
            (
                "paragraph",
                "<p>Las municipalidades indican qué información compartir.</p>",
            ),
        ],
    )
    news_article(title="Lanzamiento del diplomado", categories=["capacitacion"])
    event = site_event(
        days_from_now=12,
        title="Socialización del modelo de Gobierno Abierto",
        place="Salón municipal",
    )
    return diploma, article, event


@pytest.mark.parametrize("javascript", [True, False], ids=["con-js", "sin-js"])
def test_visitor_reads_the_campaign_and_finds_the_diploma(
    live_server, new_context, assert_no_axe_violations, screenshot, javascript
):
    diploma, article, event = _public_site()
    suffix = "js" if javascript else "sin-js"
    page = new_context(java_script_enabled=javascript).new_page()

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Últimas noticias")).to_be_visible()
    expect(page.locator(".counters")).to_contain_text("personas inscritas")
    assert_no_axe_violations(page)
    screenshot(page, f"sitio-inicio-{suffix}")

    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Noticias"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noticias")
    assert_no_axe_violations(page)
    screenshot(page, f"sitio-noticias-{suffix}")

    page.get_by_role("link", name="Gobierno Abierto", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Noticias: Gobierno Abierto"
    )
    expect(page.get_by_role("link", name="Lanzamiento del diplomado")).to_have_count(0)

    page.get_by_role("link", name=article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(
        page.get_by_role("heading", name="Qué información quieren conocer")
    ).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, f"sitio-noticia-{suffix}")

    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Actividades"
    ).click()
    expect(page.get_by_role("heading", name="Próximas actividades")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, f"sitio-actividades-{suffix}")

    page.get_by_role("link", name=event.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    with page.expect_download() as download:
        page.get_by_role("link", name="Añadir a mi calendario (.ics)").click()
    assert download.value.suggested_filename == f"{event.slug}.ics"
    assert_no_axe_violations(page)
    screenshot(page, f"sitio-actividad-{suffix}")

    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Buscar"
    ).click()
    page.get_by_label("¿Qué busca?").fill("sociedad civil")
    page.get_by_role("button", name="Buscar").click()
    expect(page.get_by_role("link", name=article.title)).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, f"sitio-busqueda-{suffix}")

    page.get_by_role("link", name="Inicio", exact=True).first.click()
    page.get_by_role("link", name=diploma.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(diploma.title)
    expect(page.get_by_role("heading", name="Temario")).to_be_visible()
    assert news_index().url in page.content()  # breadcrumbs and menu stay
