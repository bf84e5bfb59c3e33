"""The anonymous page cache stores only URLs whose parameters name something that
exists: made-up page numbers and filters are answered, never stored."""

import pytest

from home.models import NewsCategory
from lms.page_cache import HEADER
from tests.factories import news_article, news_index, site_event

pytestmark = pytest.mark.django_db


def _cache_keys() -> set:
    """Every key in the cache: locmem (make test) or Redis (make test-integration)."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    backend = caches["default"]
    if isinstance(backend, RedisCache):
        client = backend._cache.get_client(None, write=False)
        return set(client.keys(backend.make_key("*")))
    return set(backend._cache)


def test_300_out_of_range_page_numbers_leave_no_entry_in_the_cache(client):
    index = news_index()
    news_article()
    url = index.url
    assert client.get(url)[HEADER] == "MISS"  # the page itself is cacheable
    before = _cache_keys()

    for number in range(2, 302):
        response = client.get(url, {"pagina": number})
        assert response.status_code == 200
        assert HEADER not in response
        assert "Esa página de la lista no existe" in response.content.decode()

    assert _cache_keys() == before


def test_made_up_filters_and_non_numbers_are_answered_but_not_stored(client):
    index = news_index()
    news_article()
    client.get(index.url)
    before = _cache_keys()

    for query in (
        {"categoria": "no-existe"},
        {"etiqueta": "tampoco"},
        {"pagina": "dos"},
        {"pagina": "0"},
        {"pagina": "1", "categoria": "inventada"},
    ):
        response = client.get(index.url, query)
        assert response.status_code == 200
        assert HEADER not in response

    assert _cache_keys() == before


def test_real_parameters_are_still_cached(client):
    NewsCategory.objects.get_or_create(
        slug="transparencia", defaults={"name": "Transparencia"}
    )
    news_article(categories=["transparencia"], tags=["datos"])
    url = news_index().url
    for query in (
        {"pagina": "1"},
        {"categoria": "transparencia"},
        {"etiqueta": "datos"},
    ):
        assert client.get(url, query)[HEADER] == "MISS"
        assert client.get(url, query)[HEADER] == "HIT"


def test_pages_that_read_no_parameters_do_not_store_them(client):
    event = site_event()
    assert client.get(event.url)[HEADER] == "MISS"
    assert client.get("/")[HEADER] == "MISS"
    before = _cache_keys()

    for number in range(1, 30):
        assert HEADER not in client.get(event.url, {"pagina": number})
        assert HEADER not in client.get("/", {"pagina": number})

    assert _cache_keys() == before
