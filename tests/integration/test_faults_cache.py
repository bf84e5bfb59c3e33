"""Redis (the cache) down during real requests on PostgreSQL, and back again."""

import pytest
from django.conf import settings
from django.core.cache import caches

from lms.cache import ResilientRedisCache
from tests.security.degrade import (
    DEAD_REDIS_CACHES,
    DEAD_REDIS_URL,
    EXPECTED_STEPS,
    walk_the_platform,
)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def live_redis_url() -> str:
    location = settings.CACHES["default"].get("LOCATION", "")
    if not str(location).startswith("redis://"):
        pytest.fail(
            "Esta prueba necesita Redis como caché: defina CACHE_URL "
            "(lo hace `make test-integration`)."
        )
    return location


def test_the_platform_serves_with_the_cache_down(postgresql, settings):
    settings.CACHES = DEAD_REDIS_CACHES
    assert walk_the_platform() == EXPECTED_STEPS


def test_what_changed_while_redis_was_down_is_not_served_stale_afterwards(
    postgresql,
):
    """A key written before the outage and deleted during it (a session logged
    out, a purged page) is gone once Redis answers again."""
    url = live_redis_url()
    live = caches["default"]
    live.set("sesion:prueba", "datos de antes")
    cache = ResilientRedisCache(DEAD_REDIS_URL, {"RETRY_SECONDS": 0})
    cache.delete("sesion:prueba")  # Redis unreachable: remembered
    assert cache.get("sesion:prueba") is None
    assert live.get("sesion:prueba") == "datos de antes"
    # Redis answers again (the same server the rest of the platform uses).
    cache._servers = [url]
    del cache._cache
    assert cache.get("sesion:prueba") is None
    assert live.get("sesion:prueba") is None
    assert cache.ping() is True
