"""Rate limits key on the client's real address behind the trusted proxies; a
client writing X-Forwarded-For itself cannot dodge them."""

import pytest
from django.test import RequestFactory

from certificados.ratelimit import allow
from lms.net import client_ip
from tests.factories import UserFactory
from tests.forms import csrf_token

PROXY = "10.0.0.5"


def _request(remote=PROXY, xff=None):
    extra = {"REMOTE_ADDR": remote}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("count", "remote", "xff", "expected"),
    [
        (0, "203.0.113.9", None, "203.0.113.9"),
        (0, "203.0.113.9", "198.51.100.1", "203.0.113.9"),  # header ignored
        (1, PROXY, "198.51.100.7", "198.51.100.7"),
        (1, PROXY, "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # forged left part
        (2, PROXY, "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, PROXY, "198.51.100.7", PROXY),  # did not pass every proxy
        (1, PROXY, "no-es-una-ip", PROXY),
        (1, PROXY, "", PROXY),
    ],
)
def test_client_ip(settings, count, remote, xff, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(_request(remote, xff)) == expected


@pytest.mark.parametrize("count", [0, 1])
def test_project_limiter_cannot_be_dodged_with_forged_headers(settings, count):
    settings.TRUSTED_PROXY_COUNT = count
    results = [
        allow(
            _request(xff=f"192.0.2.{n}, 198.51.100.7" if count else f"192.0.2.{n}"),
            "prueba",
            3,
        )
        for n in range(6)
    ]
    assert results == [True, True, True, False, False, False]


def test_project_limiter_separates_real_clients(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        assert allow(_request(xff="198.51.100.7"), "prueba", 3)
    assert not allow(_request(xff="198.51.100.7"), "prueba", 3)
    assert allow(_request(xff="198.51.100.8"), "prueba", 3)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [0, 1])
def test_allauth_login_limit_cannot_be_dodged_with_forged_headers(
    csrf_client, settings, count
):
    """allauth's per-IP login limit counts one client
    however it varies X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = count
    settings.ACCOUNT_RATE_LIMITS = {"login": "3/m/ip"}
    user = UserFactory()
    token = csrf_token(csrf_client)
    statuses = []
    for n in range(5):
        forged = f"192.0.2.{n}"
        xff = f"{forged}, 198.51.100.7" if count else forged
        response = csrf_client.post(
            "/cuentas/login/",
            {"login": user.email, "password": "mala", "csrfmiddlewaretoken": token},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=xff,
        )
        statuses.append(response.status_code)
    assert statuses[:3] == [200, 200, 200]
    assert 429 in statuses[3:]


@pytest.mark.django_db
def test_allauth_separates_real_clients_behind_the_proxy(csrf_client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    user = UserFactory()
    token = csrf_token(csrf_client)

    def attempt(real):
        return csrf_client.post(
            "/cuentas/login/",
            {"login": user.email, "password": "mala", "csrfmiddlewaretoken": token},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=real,
        ).status_code

    assert [attempt("198.51.100.7") for _ in range(3)][-1] == 429
    assert attempt("198.51.100.8") == 200
