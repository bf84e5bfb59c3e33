"""Redis (the cache) unreachable: the platform serves from the database, rate
limits hold per process, and /salud/ says what is down. SQLite; the cache is a
ResilientRedisCache pointed at a closed loopback port."""

import logging

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import PASSWORD, UserFactory
from tests.forms import csrf_token, post_form
from tests.security.degrade import (
    DEAD_REDIS_CACHES,
    EXPECTED_STEPS,
    walk_the_platform,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_cache(settings):
    settings.CACHES = DEAD_REDIS_CACHES
    return cache


def test_pages_login_quiz_and_verification_work_without_the_cache(dead_cache, caplog):
    with caplog.at_level(logging.ERROR, logger="lms.cache"):
        steps = walk_the_platform()
    assert steps == EXPECTED_STEPS
    unreachable = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(unreachable) == 1, "the outage is logged once, not per call"


def test_health_names_the_cache_as_down_and_answers_200(dead_cache, client):
    response = client.get("/salud/")
    assert response.status_code == 200
    body = response.json()
    assert body["estado"] == "degradado"
    assert body["base_de_datos"] == "ok"
    assert body["cache"] == "caido"


def test_verification_rate_limit_still_holds_per_process(dead_cache, client):
    statuses = [
        client.get(f"/certificados/verificar/{'A' * 32}/").status_code
        for _ in range(35)
    ]
    assert statuses[:30] == [404] * 30
    assert statuses[-1] == 429


def test_allauth_login_rate_limit_still_holds_and_others_may_log_in(dead_cache):
    victim, other = UserFactory(), UserFactory()
    client = Client(enforce_csrf_checks=True)
    token = csrf_token(client)

    def attempt(password):
        data = {"login": victim.email, "password": password}
        return client.post("/cuentas/login/", {**data, "csrfmiddlewaretoken": token})

    statuses = [attempt("equivocada").status_code for _ in range(5)]
    assert statuses == [200] * 5
    # allauth allows 5 failures per account: now even the right password is
    # refused, although the counter lives in this process while Redis is down.
    blocked = attempt(PASSWORD)
    assert blocked.status_code == 200
    assert "_auth_user_id" not in client.session
    fresh = Client(enforce_csrf_checks=True)
    response = post_form(
        fresh, "/cuentas/login/", {"login": other.email, "password": PASSWORD}
    )
    assert response.status_code == 302, "nobody else is locked out"


def test_writes_while_down_are_skipped_and_reads_are_misses(dead_cache):
    dead_cache.set("clave", "valor")
    assert dead_cache.get("clave", "por-omision") == "por-omision"
    assert dead_cache.add("clave", "valor") is False
    assert dead_cache.get_many(["clave"]) == {}
    with pytest.raises(ValueError):
        dead_cache.incr("clave")
    assert dead_cache.get_or_set("clave", "calculado") == "calculado"
    # Rate-limit keys live in process memory meanwhile.
    assert dead_cache.add("ratelimit:prueba", 1, 60) is True
    assert dead_cache.incr("ratelimit:prueba") == 2
