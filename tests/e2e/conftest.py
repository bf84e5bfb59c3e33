"""Browser tests: Debian's Chromium driven by Playwright against live_server.

Run them with ``make e2e`` (``.venv/bin/pytest -m e2e tests/e2e``). They need
``/usr/bin/chromium``; Playwright's own browser downloads are never used.

Every e2e test must carry
``@pytest.mark.django_db(transaction=True, serialized_rollback=True)``:
live_server needs a transactional database, which is flushed after each test,
and ``serialized_rollback`` restores the data-migration rows (departments,
municipalities, groups, the Wagtail root and HomePage) for the next test.
"""

import os
import weakref
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
LOCALE = "es-GT"
SCREENSHOT_DIR = Path("/tmp")


@pytest.fixture(scope="session", autouse=True)
def _django_allow_async_unsafe():
    """Playwright's sync API runs an asyncio event loop in the test thread.

    Django then refuses ORM calls from that thread (SynchronousOnlyOperation)
    unless DJANGO_ALLOW_ASYNC_UNSAFE is set. It is set only while e2e tests
    run (an autouse fixture of this directory), not at import time: the
    ordinary suite also imports this conftest when it deselects e2e, and must
    keep Django's guard against ORM calls from async code.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session", autouse=True)
def _serial_live_server():
    """The live server answers one request at a time.

    On SQLite the test database lives in memory and the server's threads share
    one connection, so two requests writing at once (the page editor's autosave
    and "Publicar", or a preview refresh) fail with "database table is
    locked". A browser waits for a serial server as it would for a slow one;
    Django closes each connection after its response when the server is not
    threaded. Set before the session-scoped live_server starts.
    """
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class SerialWSGIServer(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # LiveServerThread.run() already gives its own thread the shared
            # connections, and this server answers in that thread.
            super().__init__(*args, **kwargs)

    previous = LiveServerThread.server_class
    LiveServerThread.server_class = SerialWSGIServer
    yield
    LiveServerThread.server_class = previous


@pytest.fixture(autouse=True)
def _production_security_headers(settings):
    """The live server answers with production's Content-Security-Policy and
    Permissions-Policy (lms.security), so a page they would break fails here."""
    from lms.security import header_settings

    for name, value in header_settings().items():
        setattr(settings, name, value)


def _is_csp_violation(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture(scope="session")
def playwright_instance(_django_allow_async_unsafe):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} no existe: instale el paquete 'chromium' de Debian "
            "(make /usr/bin/chromium). Las pruebas e2e no descargan navegadores.",
            pytrace=False,
        )
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


# JavaScript-disabled contexts, which axe-core cannot run in (see check_axe).
_NO_JAVASCRIPT = weakref.WeakSet()


@pytest.fixture
def new_context(browser):
    """Factory for extra browser contexts (e.g. with JavaScript turned off)."""
    contexts = []
    violations = []

    def watch(page):
        # Chromium reports every CSP refusal on the console.
        page.on(
            "console",
            lambda message: (
                violations.append(f"{page.url}: {message.text}")
                if _is_csp_violation(message.text)
                else None
            ),
        )

    def make(**options):
        options.setdefault("viewport", VIEWPORT)
        options.setdefault("locale", LOCALE)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.on("page", watch)
        if options.get("java_script_enabled") is False:
            _NO_JAVASCRIPT.add(context)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert violations == [], (
        "La política de seguridad de contenidos (CSP) bloqueó algo:\n"
        + "\n".join(violations)
    )


@pytest.fixture
def page(new_context):
    """A fresh page in its own context (no cookies shared between tests)."""
    return new_context().new_page()


def _format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation.get('impact')}]: {violation['help']}"
            f" ({violation.get('helpUrl', '')})"
        )
        for node in violation.get("nodes", []):
            lines.append(f"    target: {node.get('target')}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary}")
            html = node.get("html")
            if html:
                lines.append(f"      html: {html[:200]}")
    return "\n".join(lines)


def _axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]


def _axe_violations_without_javascript(page, browser):
    """axe-core on a copy of a JavaScript-disabled page.

    axe.run()'s promise never settles in a context with JavaScript disabled
    (the suite hung there; nothing times out page.evaluate), so the page's
    HTML is served again, at the same URL and with the same stylesheets, in a
    context where only axe's injected script runs: every <script> request of
    the page is aborted, so the DOM stays the one the person without
    JavaScript got.
    """
    html, url = page.content(), page.url
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    try:
        context.set_default_timeout(10_000)
        context.route(
            url,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=html
            ),
        )
        context.route("**/*.js", lambda route: route.abort())
        copy = context.new_page()
        copy.goto(url)
        return _axe_violations(copy)
    finally:
        context.close()


def check_axe(page):
    """Run axe-core on the current page and fail listing every violation."""
    if page.context in _NO_JAVASCRIPT:
        violations = _axe_violations_without_javascript(page, page.context.browser)
    else:
        violations = _axe_violations(page)
    assert len(violations) == 0, (
        f"axe encontró {len(violations)} violación(es) en {page.url}:\n"
        + _format_violations(violations)
    )


def take_screenshot(page, name):
    """Full-page screenshot to /tmp/e2e-<name>.png, for a human to look at."""
    path = SCREENSHOT_DIR / f"e2e-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def assert_no_axe_violations():
    """``assert_no_axe_violations(page)``: axe-core finds nothing on the page."""
    return check_axe


@pytest.fixture
def screenshot():
    """``screenshot(page, "name")`` writes /tmp/e2e-name.png."""
    return take_screenshot
