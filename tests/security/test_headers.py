"""Content-Security-Policy and Permissions-Policy (lms.security): production
switches them on, the site has no inline script or style to break."""

import importlib
import re
import sys
from pathlib import Path

import pytest

from lms.security import header_settings

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def production_headers(settings):
    for name, value in header_settings().items():
        setattr(settings, name, value)


def _directives(header: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
    }


def test_public_pages_get_a_policy_without_inline_script_or_style(
    client, production_headers
):
    response = client.get("/")
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_the_wagtail_admin_gets_its_own_policy(client, production_headers):
    from tests.factories import UserFactory

    client.force_login(UserFactory(coordinator=True, is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-src"] == "'self'"  # live preview
    assert policy["frame-ancestors"] == "'self'"
    assert "Permissions-Policy" in response


def test_without_the_settings_no_header_is_added(client):
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert "Permissions-Policy" not in response


def test_production_settings_switch_the_headers_on(monkeypatch):
    for name, value in {
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "a.b",
        "CSRF_TRUSTED_ORIGINS": "https://a.b",
        "DATABASE_URL": "sqlite:///:memory:",
        "CACHE_URL": "locmemcache://",
    }.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("lms.settings.production", None)
    try:
        production = importlib.import_module("lms.settings.production")
    finally:
        sys.modules.pop("lms.settings.production", None)
    for name, value in header_settings().items():
        assert getattr(production, name) == value
    assert production.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert "lms.security.ContentSecurityPolicyMiddleware" in production.MIDDLEWARE


INLINE = [
    (
        re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>"),
        "script",
    ),
    (re.compile(r"<style\b"), "<style>"),
    (re.compile(r"\sstyle=\""), "style="),
    (re.compile(r"\son[a-z]+=\""), "on…= handler"),
]


# "Descargar mis datos" writes this page into a file the person keeps and opens
# offline, so its styles travel inside it; its one view allows inline styles
# (never scripts) and the page escapes everything the person wrote.
SELF_CONTAINED_EXPORT = "accounts/privacy/export.html"


def test_the_self_contained_export_has_styles_but_never_a_script():
    text = (TEMPLATES / SELF_CONTAINED_EXPORT).read_text()
    assert "<style>" in text
    assert not re.search(r"<script|\son[a-z]+\s*=", text, re.IGNORECASE)


def test_no_template_has_inline_script_or_style():
    """CSP without 'unsafe-inline' would block them (the PDF bench template is
    rendered by WeasyPrint, never served)."""
    found = []
    for path in TEMPLATES.rglob("*.html"):
        if "bench" in path.parts:
            continue
        if path.relative_to(TEMPLATES).as_posix() == SELF_CONTAINED_EXPORT:
            continue
        text = path.read_text()
        for pattern, what in INLINE:
            if pattern.search(text):
                found.append(f"{path.relative_to(TEMPLATES)}: {what}")
    assert found == []
