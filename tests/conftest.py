import pytest
from django.core.cache import cache

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
