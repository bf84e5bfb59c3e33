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
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in the test thread; Django
# would otherwise refuse ORM calls made from that thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

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


@pytest.fixture(scope="session")
def playwright_instance():
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


@pytest.fixture
def new_context(browser):
    """Factory for extra browser contexts (e.g. with JavaScript turned off)."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", VIEWPORT)
        options.setdefault("locale", LOCALE)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


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


def check_axe(page):
    """Run axe-core on the current page and fail listing every violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response["violations"]
    assert not violations, (
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
