"""Every way into a session is allauth's: no route may log someone in or reset
a password outside allauth's flow (MFA, rate limits, verified e-mail)."""

import inspect
import re

import pytest
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail.admin.views import account as wagtail_account

from tests.factories import PASSWORD, UserFactory
from tests.forms import csrf_token

pytestmark = pytest.mark.django_db

FORBIDDEN_VIEW_CLASSES = (
    auth_views.LoginView,
    auth_views.PasswordResetView,
    auth_views.PasswordResetDoneView,
    auth_views.PasswordResetConfirmView,
    auth_views.PasswordResetCompleteView,
    wagtail_account.LoginView,
    wagtail_account.PasswordResetView,
    wagtail_account.PasswordResetDoneView,
    wagtail_account.PasswordResetConfirmView,
    wagtail_account.PasswordResetCompleteView,
)
# A module that signs people in by calling django.contrib.auth.login itself.
CALLS_AUTH_LOGIN = re.compile(
    r"from django\.contrib\.auth import[^\n]*\blogin\b|\bauth\.login\(|\bauth_login\("
)


def _view_of(callback):
    callback = inspect.unwrap(callback)
    return getattr(callback, "view_class", None) or callback


def _is_allauth(view) -> bool:
    return view.__module__.split(".")[0] == "allauth"


def _signs_in_outside_allauth(view) -> bool:
    if _is_allauth(view):
        return False
    if inspect.isclass(view) and issubclass(view, FORBIDDEN_VIEW_CLASSES):
        return True
    module = inspect.getmodule(view)
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return False
    return bool(CALLS_AUTH_LOGIN.search(source))


def _sample(pattern) -> str:
    """A concrete path this pattern matches (converters filled with samples)."""
    if isinstance(pattern, RoutePattern):
        return re.sub(
            r"<(?:(\w+):)?\w+>",
            lambda m: "1" if m.group(1) == "int" else "abc",
            str(pattern),
        )
    if isinstance(pattern, RegexPattern):
        text = pattern.regex.pattern.lstrip("^").rstrip("$")
        assert not re.search(r"[()\[\]*+?\\{]", text), f"cannot sample {text!r}"
        return text
    raise AssertionError(f"unknown pattern type {pattern!r}")


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + _sample(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix, entry


def _sign_in_routes():
    found = []
    for prefix, entry in _walk(get_resolver().url_patterns):
        view = _view_of(entry.callback)
        if _signs_in_outside_allauth(view):
            found.append(("/" + prefix + _sample(entry.pattern), view))
    return found


def test_the_walk_finds_wagtails_doors():
    """The detector sees the doors Wagtail mounts (so it is not blind)."""
    paths = {path for path, _view in _sign_in_routes()}
    assert "/_util/login/" in paths
    assert "/admin/login/" in paths
    assert "/admin/password_reset/" in paths
    assert "/admin/password_reset/confirm/abc/abc/" in paths


def test_no_route_signs_in_outside_allauth():
    reachable = []
    for path, view in _sign_in_routes():
        answered_by = _view_of(resolve(path).func)
        if _signs_in_outside_allauth(answered_by):
            reachable.append(f"{path} → {view.__module__}.{view.__name__}")
    assert reachable == [], "routes that sign in outside allauth: " + ", ".join(
        reachable
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/_util/login/?next=/admin/pages/", "/cuentas/login/?next=/admin/pages/"),
        ("/_util/login/", "/cuentas/login/"),
        ("/admin/login/?next=/admin/", "/cuentas/login/?next=/admin/"),
        ("/admin/password_reset/", "/cuentas/password/reset/"),
        ("/admin/password_reset/done/", "/cuentas/password/reset/"),
        ("/admin/password_reset/confirm/MQ/abc-123/", "/cuentas/password/reset/"),
        ("/admin/password_reset/complete/", "/cuentas/password/reset/"),
    ],
)
def test_wagtail_doors_end_in_allauth(client, path, expected):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == expected
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize(
    "path", ["/_util/login/", "/admin/login/", "/admin/password_reset/"]
)
def test_posting_a_password_to_wagtails_doors_logs_nobody_in(csrf_client, path):
    coordinator = UserFactory(coordinator=True)
    token = csrf_token(csrf_client)
    response = csrf_client.post(
        path,
        {
            "username": coordinator.email,
            "email": coordinator.email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code in (302, 405)
    assert "_auth_user_id" not in csrf_client.session
    assert csrf_client.get("/admin/").status_code == 302


def test_wagtail_reset_sends_no_mail(csrf_client, mailoutbox):
    person = UserFactory()
    token = csrf_token(csrf_client)
    csrf_client.post(
        "/admin/password_reset/",
        {"email": person.email, "csrfmiddlewaretoken": token},
    )
    assert mailoutbox == []
