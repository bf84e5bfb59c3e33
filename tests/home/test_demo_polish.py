"""The demo as a newcomer meets it: links carry the address it is served on,
texts count the diploma's modules the way its syllabus does, and the home
page's title does not repeat the site's name."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from cursos.demo import DIPLOMA, module_counts, with_counts
from cursos.models import CoursePage, ModulePage

pytestmark = pytest.mark.django_db


def test_counts_are_computed_from_the_diploma_data():
    assert module_counts() == {
        "modulos": "seis",
        "Modulos": "Seis",
        "modulos_n": "6",
        "modulos_tematicos": "cinco",
    }
    shorter = {**DIPLOMA, "modules": DIPLOMA["modules"][:3]}
    assert with_counts("{Modulos} módulos", module_counts(shorter)) == (
        "Cuatro módulos"
    )
    assert with_counts(["{modulos}", ("{modulos_n}",)]) == ["seis", ("6",)]


def test_the_seeded_demo(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("seed_demo", stdout=StringIO())

    # Links carry the demo's port.
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8000/</loc>" in sitemap
    assert "http://localhost/" not in sitemap
    home = client.get("/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/">' in home

    # The home title names the site once.
    title = re.search(r"<title>(.*?)</title>", home, re.S).group(1).strip()
    assert title.count("Plataforma de Aprendizaje INFOM") == 1, title

    # Texts and syllabus agree on the number of modules.
    diploma = CoursePage.objects.get(slug=DIPLOMA["slug"])
    modules = ModulePage.objects.child_of(diploma).live().count()
    assert modules == 6
    page = client.get(diploma.url).content.decode()
    assert f"{modules} módulos" in page
    assert "organizado en seis módulos" in page
    texts = [client.get(url).content.decode() for url in _demo_urls(sitemap)]
    for text in texts:
        assert "cinco módulos del" not in text
        assert not re.search(r"\{modulos\w*\}|\{Modulos\}", text)
    assert any("seis módulos" in text for text in texts)


def _demo_urls(sitemap):
    return [
        url.replace("http://127.0.0.1:8000", "")
        for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    ]
