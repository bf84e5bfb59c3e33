import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached pages never leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def participant(db):
    return UserFactory()


@pytest.fixture
def coordinator(db):
    return UserFactory(coordinator=True)


@pytest.fixture
def csrf_client():
    """A client that enforces CSRF like a browser's server does; post through
    tests.forms.post_form so the token comes from the form on the page."""
    return Client(enforce_csrf_checks=True)
