"""The anonymous page cache: 0 queries on a warm hit, purged by publishing,
unpublishing and moving, never used for signed-in people."""

import pytest

from home.models import NewsPage
from lms.page_cache import HEADER
from tests.factories import (
    UserFactory,
    news_article,
    news_index,
    site_image,
    standard_page,
)

pytestmark = pytest.mark.django_db


def test_warm_hit_makes_no_query(client, django_assert_num_queries):
    article = news_article()
    for url in ("/", news_index().url, article.url):
        assert client.get(url)[HEADER] == "MISS"
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response.status_code == 200 and response[HEADER] == "HIT"


def test_query_strings_are_cached_separately(client):
    news_article(categories=["transparencia"])
    all_news = client.get(news_index().url).content
    filtered = client.get(news_index().url + "?categoria=capacitacion").content
    assert all_news != filtered


def test_publishing_purges_the_page_its_listing_and_home(client):
    article = news_article(title="Título anterior")
    for url in (article.url, news_index().url, "/"):
        client.get(url)
    article = NewsPage.objects.get(pk=article.pk)
    article.title = "Título nuevo"
    article.save_revision().publish()
    for url in (article.url, news_index().url, "/"):
        html = client.get(url).content.decode()
        assert "Título nuevo" in html and "Título anterior" not in html, url


def test_publishing_an_article_rebuilds_its_siblings_related_list(client):
    first = news_article(categories=["capacitacion"])
    client.get(first.url)
    second = news_article(categories=["capacitacion"], title="Nueva relacionada")
    assert second.title in client.get(first.url).content.decode()


def test_publishing_an_unrelated_page_keeps_other_pages_cached(client):
    article = news_article()
    page = standard_page()
    client.get(article.url)
    page.intro = "Otra introducción."
    page.save_revision().publish()
    assert client.get(article.url)[HEADER] == "HIT"


def test_unpublishing_purges(client):
    article = news_article()
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert article.title not in client.get(news_index().url).content.decode()


def test_moving_purges(client):
    parent = standard_page()
    page = standard_page()
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.move(parent, pos="last-child")
    page.refresh_from_db()
    response = client.get(old_url)
    assert response.status_code == 301  # Wagtail's automatic redirect
    assert response.url == page.url
    assert client.get(page.url).status_code == 200


def test_signed_in_people_are_never_served_from_the_cache(client):
    article = news_article()
    client.get(article.url)  # anonymous copy stored
    client.force_login(UserFactory())
    response = client.get(article.url)
    assert HEADER not in response
    assert "Salir" in response.content.decode()


def test_pages_that_set_cookies_are_not_stored(client):
    client.get("/cuentas/ingresar/")
    response = client.get("/cuentas/ingresar/")
    assert HEADER not in response


def test_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = news_article()
    client.get(article.url)
    assert HEADER not in client.get(article.url)


def test_a_page_made_private_leaves_the_cache_at_once(client):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    article = news_article()
    assert client.get(article.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Personal INFOM"))
    response = client.get(article.url)
    assert response.status_code == 302  # to the login page
    assert HEADER not in response


def test_made_up_urls_do_not_fill_the_cache(client):
    from django.core.cache import cache

    from lms.page_cache import _path_token_key

    article = news_article()
    client.get(article.url)
    for n in range(20):
        path = f"/no-existe-{n}/"
        assert client.get(path).status_code == 404
        assert cache.get(_path_token_key(path)) is None  # nothing written
        response = client.get(article.url, {"utm": n})
        assert response.status_code == 200 and HEADER not in response


def test_the_host_is_part_of_the_key(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "otro.example"]
    article = news_article(cover_image=site_image())
    client.get(article.url)
    other = client.get(article.url, HTTP_HOST="otro.example")
    assert other[HEADER] == "MISS"
    assert "http://otro.example/" in other.content.decode()


def test_renaming_a_page_purges_it(client):
    page = standard_page(title="Antes")
    old_url = page.url
    client.get(old_url)
    page.slug = "nuevo-nombre"
    page.save_revision().publish()
    assert client.get(old_url).status_code in (301, 404)
