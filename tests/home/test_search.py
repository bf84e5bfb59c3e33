"""Site search: what can be found, what never is, and why a result matched."""

import pytest
from django.urls import reverse

from cursos.models import LessonPage
from tests.factories import build_course, news_article, site_event, standard_page

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get(reverse("search"), {"q": q, **params})


def test_finds_an_article_by_a_word_of_its_body_and_says_where(client):
    article = news_article(
        title="Avances de la estrategia",
        body=[("paragraph", "<p>Las mesas técnicas con sociedad civil avanzan.</p>")],
    )
    news_article(title="Otra noticia")
    html = search(client, "sociedad").content.decode()
    assert "1 resultado para «sociedad»" in html
    assert article.title in html and "Otra noticia" not in html
    assert "Coincide en contenido" in html
    assert "<mark>sociedad</mark>" in html


def test_finds_activities_institutional_pages_and_course_syllabi(client):
    event = site_event(description="<p>Taller sobre presupuesto participativo.</p>")
    page = standard_page(intro="Qué es el presupuesto participativo municipal.")
    course = build_course(title="Presupuesto participativo", modules=1, lessons=1)
    html = search(client, "presupuesto").content.decode()
    assert event.title in html and page.title in html and course.title in html


def test_never_finds_lessons_drafts_or_unpublished_pages(client):
    course = build_course(modules=1, lessons=1, visibility="inscritos")
    lesson = LessonPage.objects.descendant_of(course).get()
    lesson.body = [("paragraph", "<p>palabrasecreta de la lección.</p>")]
    lesson.save_revision().publish()
    draft = news_article(publish=False, intro="palabrasecreta en borrador")
    live = news_article(intro="Texto publicado.")
    revision = live.get_latest_revision_as_object()
    revision.intro = "palabrasecreta en un cambio sin publicar"
    revision.save_revision()
    gone = news_article(intro="palabrasecreta retirada")
    gone.unpublish()
    html = search(client, "palabrasecreta").content.decode()
    assert "0 resultados" in html
    for page in (lesson, draft, live, gone):
        assert page.title not in html


def test_markup_in_the_query_is_escaped(client):
    news_article(intro="Transparencia municipal.")
    html = search(client, "<script>alert(1)</script> transparencia").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_too_long_query_is_refused_in_spanish(client):
    response = search(client, "x" * 101)
    assert response.status_code == 400
    assert "demasiado larga" in response.content.decode()


def test_results_are_paginated(client):
    for _ in range(12):
        news_article(intro="Socialización del modelo.")
    first = search(client, "socialización").content.decode()
    second = search(client, "socialización", pagina=2).content.decode()
    assert "12 resultados" in first and "Página 1 de 2" in first
    assert "Página 2 de 2" in second
    assert "?q=socializaci%C3%B3n&amp;pagina=2" in first


def test_empty_search_shows_the_form_only(client):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert "resultados" not in response.content.decode()


def test_entities_are_not_escaped_twice(client):
    news_article(intro="Agua & saneamiento municipal.")
    html = search(client, "saneamiento").content.decode()
    assert "Agua &amp; <mark>saneamiento</mark>" in html
    assert "&amp;amp;" not in html


@pytest.mark.parametrize(
    "query",
    [
        '"><img src=x onerror=alert(1)>',
        '"transparencia',
        "transparencia*",
        "a\"b'c",
        "(",
        "NEAR",
    ],
)
def test_search_syntax_in_the_query_is_only_text(client, query):
    """Quotes, stars and brackets are FTS5 syntax on SQLite; in a visitor's query
    they are only text (found in CI: an unbalanced quote was a 500)."""
    news_article(title="Transparencia municipal", intro="Transparencia municipal.")
    response = search(client, query)
    assert response.status_code == 200
    html = response.content.decode()
    if "transparencia" in query:
        assert "1 resultado" in html


def test_a_query_without_words_finds_nothing_and_says_so(client):
    news_article(intro="Transparencia municipal.")
    response = search(client, '"><')
    assert response.status_code == 200
    assert "0 resultados" in response.content.decode()
