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
def client():
    """The default test client enforces CSRF like a browser's server does, so a
    test cannot forget; post through tests.forms.post_form so the token comes
    from the form on the page the person would press."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def csrf_client(client):
    """Same as ``client`` (kept for tests that name it explicitly)."""
    return client


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's admin client, enforcing CSRF as well."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client
