"""Listings of the public site make the same number of queries for few and many
items (measured with the page cache off: a cached page makes none)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import HomePage
from tests.factories import (
    build_course,
    event_index,
    news_article,
    news_index,
    site_event,
    site_image,
)

pytestmark = pytest.mark.django_db

LISTING_BUDGET = 14


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _queries(client, url) -> int:
    assert client.get(url).status_code == 200  # warm: renditions, site, menus
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _articles(n):
    image = site_image()
    return [
        news_article(
            cover_image=image,
            categories=["transparencia", "capacitacion"],
            tags=["diplomado", "municipalidades"],
            intro="Socialización del modelo.",
        )
        for _ in range(n)
    ]


@pytest.mark.parametrize(
    "path",
    ["listing", "filtered", "article", "feed", "search"],
)
def test_news_pages_are_flat(client, path):
    def url():
        index = news_index()
        first = index.get_children().live().first()
        return {
            "listing": index.url,
            "filtered": index.url + "?categoria=transparencia&etiqueta=diplomado",
            "article": first.url if first else index.url,
            "feed": index.url + "rss/",
            "search": reverse("search") + "?q=socialización",
        }[path]

    _articles(3)
    small = _queries(client, url())
    _articles(22)
    large = _queries(client, url())
    assert small == large <= LISTING_BUDGET, (small, large)


def test_activities_are_flat(client):
    for days in (-20, 5, 9):
        site_event(days_from_now=days)
    small = _queries(client, event_index().url)
    for days in range(1, 23):
        site_event(days_from_now=days if days % 2 else -days)
    large = _queries(client, event_index().url)
    assert small == large <= LISTING_BUDGET, (small, large)


def test_home_is_flat(client):
    _articles(3)
    site_event(days_from_now=3)
    course = build_course(modules=1, lessons=1)
    home = HomePage.objects.get()
    home.featured_courses.create(course=course)
    home.save_revision().publish()
    small = _queries(client, "/")
    _articles(22)
    for days in range(1, 10):
        site_event(days_from_now=days)
    home = HomePage.objects.get()
    for _ in range(4):
        home.featured_courses.create(course=build_course(modules=1, lessons=1))
    home.save_revision().publish()
    large = _queries(client, "/")
    assert small == large <= LISTING_BUDGET, (small, large)
