"""``{% cached_url %}`` (home.templatetags.site_tags): the header's links,
reversed once per process, are the ones ``{% url %}`` gives, under any script
prefix and URLconf."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

HEADER = Path(__file__).resolve().parents[2] / "templates/includes/header.html"


def header_route_names() -> list[str]:
    with open(HEADER, encoding="utf-8") as source:
        return re.findall(r"\{% cached_url '([^']+)'", source.read())


def render(text: str) -> str:
    return Template("{% load site_tags %}" + text).render(Context())


def test_the_header_takes_every_link_from_cached_url():
    with open(HEADER, encoding="utf-8") as source:
        assert "{% url " not in source.read()
    assert len(header_route_names()) == 8


@pytest.mark.parametrize("name", header_route_names())
def test_each_header_link_is_what_url_gives(name):
    assert render(f"{{% cached_url '{name}' %}}") == reverse(name)
    assert render(f"{{% cached_url '{name}' as link %}}{{{{ link }}}}") == reverse(name)


def test_a_script_prefix_is_part_of_the_link():
    """Served under a sub-path (SCRIPT_NAME), the links carry it, and the
    links reversed before under no prefix are not reused."""
    plain = render("{% cached_url 'cursos:dashboard' %}")
    try:
        set_script_prefix("/infom/")
        prefixed = render("{% cached_url 'cursos:dashboard' %}")
    finally:
        set_script_prefix("/")
    assert prefixed == "/infom" + plain
    assert render("{% cached_url 'cursos:dashboard' %}") == plain


@override_settings(ROOT_URLCONF="tests.home.urls_other")
def test_another_urlconf_is_reversed_anew():
    assert render("{% cached_url 'search' %}") == "/otra/busqueda/"


def test_an_unknown_name_fails_as_url_does():
    with pytest.raises(NoReverseMatch):
        render("{% cached_url 'no-existe' %}")


@pytest.mark.django_db
def test_the_search_link_is_marked_current_on_the_search_page(client):
    html = client.get(reverse("search")).content.decode()
    assert f'<a href="{reverse("search")}" aria-current="page">Buscar</a>' in html
