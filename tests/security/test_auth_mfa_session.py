"""REQUIRE_MFA_FOR_COORDINATORS means that *this session* passed the second
factor, not only that the account has one switched on."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

from tests.factories import PASSWORD, UserFactory
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/users/",
    "/admin/informes/cursos/",
    "/admin/informes/cursos/?export=csv",
]
REAUTH = "/cuentas/2fa/reauthenticate/"


@pytest.fixture
def mfa_required(settings):
    settings.REQUIRE_MFA_FOR_COORDINATORS = True


def _with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def _current_code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def _sign_in_with_password(client, user):
    """allauth's real login form; stops at the MFA stage if the account has one."""
    return post_form(
        client,
        "/cuentas/login/",
        {"login": user.email, "password": PASSWORD},
    )


def _sign_in_with_code(client, user, secret):
    response = _sign_in_with_password(client, user)
    assert response.status_code == 302
    assert response.url.startswith("/cuentas/2fa/authenticate/")
    response = post_form(
        client,
        response.url,
        {"code": _current_code(secret)},
        action="/cuentas/2fa/authenticate/",
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert "_auth_user_id" in client.session
    return response


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_password_only_session_is_sent_to_confirm_the_code(
    client, coordinator, mfa_required, url
):
    _with_totp(coordinator)
    client.force_login(coordinator)  # any door that skipped the second factor
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(REAUTH)
    assert "next=%2Fadmin%2F" in response.url


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
        {"HTTP_ACCEPT": "application/json"},
    ],
)
def test_password_only_session_gets_no_admin_json(
    client, coordinator, mfa_required, headers
):
    _with_totp(coordinator)
    client.force_login(coordinator)
    for url in ("/admin/users/results/", "/admin/api/main/pages/"):
        response = client.get(url, **headers)
        assert response.status_code == 403
        assert "aplicación de autenticación" in response.json()["error"]


def test_password_only_session_cannot_post_in_the_admin(
    csrf_client, coordinator, mfa_required
):
    _with_totp(coordinator)
    csrf_client.force_login(coordinator)
    person = UserFactory()
    response = csrf_client.post(
        f"/admin/users/edit/{person.pk}/",
        {
            "email": "otro@municipalidad.example",
            "csrfmiddlewaretoken": csrf_token(csrf_client, "/cuentas/perfil/"),
        },
    )
    assert response.status_code == 403
    assert "aplicación de autenticación" in response.json()["error"]
    person.refresh_from_db()
    assert person.email != "otro@municipalidad.example"


def test_allauth_password_login_alone_does_not_open_the_admin(
    csrf_client, coordinator, mfa_required
):
    _with_totp(coordinator)
    response = _sign_in_with_password(csrf_client, coordinator)
    # allauth stops at the code; no session yet.
    assert response.url.startswith("/cuentas/2fa/authenticate/")
    assert "_auth_user_id" not in csrf_client.session
    assert csrf_client.get("/admin/").status_code == 302


def test_real_login_with_code_opens_the_admin(csrf_client, coordinator, mfa_required):
    secret = _with_totp(coordinator)
    _sign_in_with_code(csrf_client, coordinator, secret)
    for url in ADMIN_URLS:
        assert csrf_client.get(url).status_code == 200, url


def test_reauthenticating_with_the_code_opens_the_admin_and_returns(
    csrf_client, coordinator, mfa_required
):
    secret = _with_totp(coordinator)
    csrf_client.force_login(coordinator)
    response = csrf_client.get("/admin/pages/")
    assert response.url == REAUTH + "?next=%2Fadmin%2Fpages%2F"
    page = csrf_client.get(response.url)
    assert "aplicación de autenticación" in page.content.decode()
    response = post_form(csrf_client, response.url, {"code": _current_code(secret)})
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    assert csrf_client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_does_not_open_the_admin(csrf_client, coordinator, mfa_required):
    _with_totp(coordinator)
    csrf_client.force_login(coordinator)
    url = REAUTH + "?next=%2Fadmin%2F"
    response = post_form(csrf_client, url, {"code": "000000"})
    assert response.status_code == 200
    assert csrf_client.get("/admin/").status_code == 302


def test_another_users_mfa_record_does_not_count(
    csrf_client, coordinator, mfa_required
):
    """The records are tied to the user who passed the code."""
    secret = _with_totp(coordinator)
    _sign_in_with_code(csrf_client, coordinator, secret)
    other = UserFactory(coordinator=True)
    _with_totp(other)
    csrf_client.force_login(other)
    assert csrf_client.get("/admin/").url.startswith(REAUTH)


def test_session_without_mfa_is_sent_to_set_it_up(client, coordinator, mfa_required):
    client.force_login(coordinator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/cuentas/2fa/"


def test_superuser_password_only_session_is_sent_to_confirm_too(client, mfa_required):
    admin = UserFactory(is_superuser=True, is_staff=True)
    _with_totp(admin)
    client.force_login(admin)
    assert client.get("/admin/").url.startswith(REAUTH)


def test_setting_off_lets_a_password_only_session_in(client, coordinator, settings):
    settings.REQUIRE_MFA_FOR_COORDINATORS = False
    _with_totp(coordinator)
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_learners_are_never_asked(client, participant, mfa_required):
    client.force_login(participant)
    assert client.get("/cuentas/perfil/").status_code == 200
    assert client.get("/admin/").url.startswith("/cuentas/login/")
