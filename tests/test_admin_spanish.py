"""The admin speaks Spanish, all of it: a coordinator walks every admin page
they can reach and no string from Wagtail's, allauth's or Django's English
catalogs is left untranslated.

The walk starts from the admin's entry points and follows every link inside
``/admin/`` and ``/cuentas/``, one page per route shape (ids and query values
do not make a new page). On each page it reads what a person sees or hears:
text nodes (``<script>``/``<style>`` left out) and the ``title``,
``placeholder``, ``aria-label``, ``aria-description`` and ``alt`` attributes.
A fragment fails when it is exactly an English msgid of those catalogs, or
when the page's text contains an English sentence of three words or more from
them; "True"/"False" (a model boolean printed raw) fail too. The content built
here is all Spanish, so it cannot collide with an English msgid.
"""

from __future__ import annotations

import datetime
import re
from collections import deque
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import allauth
import django
import polib
import pytest
import wagtail
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from cursos.models import RequiredTraining
from home.models import NewsCategory
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    news_article,
    site_event,
    site_image,
    standard_page,
)

pytestmark = pytest.mark.django_db

# Words that are spelled the same in Spanish and English: the page shows
# them in Spanish even though they equal an English msgid.
SAME_IN_SPANISH = {
    "No",
    "URL",
    "ID",
    "MFA",
    "TOTP",
    "WebAuthn",
    "Slug",
    "Alias",
    "Roles",
    "Error",
    "Total",
    "Local",
    "Normal",
    "General",
    "Hola",
    "%",
}


def _package_dir(module) -> Path:
    return Path(module.__file__).resolve().parent


def english_catalogs() -> list[Path]:
    """The English source catalogs of every package whose strings the admin
    and the account pages render."""
    roots = [_package_dir(wagtail), _package_dir(allauth)]
    paths = [
        path for root in roots for path in root.glob("**/locale/en/LC_MESSAGES/*.po")
    ]
    django_dir = _package_dir(django)
    paths += [
        django_dir / "conf/locale/en/LC_MESSAGES/django.po",
        *sorted((django_dir / "contrib/admin/locale/en/LC_MESSAGES").glob("*.po")),
        *sorted((django_dir / "contrib/auth/locale/en/LC_MESSAGES").glob("*.po")),
        *sorted((django_dir / "contrib/humanize/locale/en/LC_MESSAGES").glob("*.po")),
    ]
    return paths


def _normalize(text: str) -> str:
    return " ".join(text.split())


_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


@cache
def english_msgids() -> frozenset[str]:
    msgids = set()
    for path in english_catalogs():
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            for text in (entry.msgid, entry.msgid_plural):
                if text:
                    msgids.add(_normalize(_TAG.sub("", text)))
    msgids.discard("")
    return frozenset(msgids)


@cache
def english_sentences() -> re.Pattern:
    """One pattern for every English msgid of three words or more, its
    placeholders standing for any short run of text."""
    alternatives = []
    for msgid in english_msgids():
        parts = _PLACEHOLDER.split(msgid)
        if len(" ".join(parts).split()) < 3:
            continue
        alternatives.append(r".{0,80}?".join(re.escape(part) for part in parts))
    alternatives.sort(key=len, reverse=True)
    return re.compile("|".join(alternatives))


class VisibleText(HTMLParser):
    ATTRIBUTES = ("title", "placeholder", "aria-label", "aria-description", "alt")
    HIDDEN = {"script", "style"}
    # Wagtail renders the side panel's issue counter as "None" inside a
    # ``hidden`` div that its JavaScript fills with a number before showing it.
    JS_FILLED = "data-side-panel-toggle-counter"

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fragments: list[str] = []
        self.links: list[str] = []
        self._hidden = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.HIDDEN or self.JS_FILLED in attributes:
            self._hidden += 1
            self._stack.append(tag)
        for name in self.ATTRIBUTES:
            if attributes.get(name):
                self.fragments.append(_normalize(attributes[name]))
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if self._stack and tag == self._stack[-1]:
            self._stack.pop()
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.fragments.append(_normalize(data))


def english_on_page(html: str) -> tuple[set[str], list[str]]:
    parser = VisibleText()
    parser.feed(html)
    found = set()
    msgids = english_msgids()
    for fragment in parser.fragments:
        if fragment in SAME_IN_SPANISH or not re.search(r"[A-Za-z]", fragment):
            continue
        if fragment in msgids or fragment in {"True", "False"}:
            found.add(fragment)
    text = " ".join(parser.fragments)
    found.update(match.group(0) for match in english_sentences().finditer(text))
    return found, parser.links


# ---------------------------------------------------------------- the walk
IN_SCOPE = ("/admin/", "/cuentas/")
NEVER_FOLLOW = re.compile(
    r"logout|/salir|export=|/download|/descargar|/preview|/serve/|/jsi18n/|"
    r"/documentos/|\.(csv|xlsx|pdf|png|jpe?g|svg|zip)$"
)


def route_shape(url: str) -> tuple[str, tuple[str, ...]]:
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/N", parts.path)
    keys = tuple(sorted({key for key, _ in parse_qsl(parts.query)} - {"p"}))
    return path, keys


def crawl(
    client, starts: list[str], limit: int = 600, scope: tuple[str, ...] = IN_SCOPE
) -> dict[str, set[str]]:
    """Every page reached from ``starts``; maps each URL to the English found."""
    queue = deque(starts)
    seen_shapes: set = set()
    report: dict[str, set[str]] = {}
    while queue and len(report) < limit:
        url = queue.popleft()
        shape = route_shape(url)
        if shape in seen_shapes:
            continue
        seen_shapes.add(shape)
        response = client.get(url)
        if response.status_code in (301, 302):
            target = urljoin(url, response["Location"])
            if urlsplit(target).path.startswith(scope):
                queue.append(target)
            continue
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        found, links = english_on_page(response.content.decode())
        report[url] = found
        for href in links:
            target = urljoin(url, href.split("#")[0])
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path.startswith(scope) and not NEVER_FOLLOW.search(local):
                queue.append(local)
    return report


@pytest.fixture
def demo_like(completed_enrollment):
    """Every kind of thing a coordinator works on: a course with modules,
    lessons and a quiz, news and events, an institutional page, a certificate,
    a required training, an image, a document, a category."""
    course = build_course(
        title="Gestión Municipal y Transparencia", modules=2, lessons=2
    )
    add_quiz(course, title="Evaluación del módulo 1")
    NewsCategory.objects.get_or_create(
        slug="transparencia", defaults={"name": "Transparencia"}
    )
    image = site_image("Fotografía de la jornada")
    news_article(categories=["transparencia"], tags=["datos"], cover_image=image)
    news_article(publish=False)
    site_event()
    standard_page(title="Acerca de la plataforma")
    document = get_document_model()(title="Guía de acceso a la información")
    document.file.save("guia.pdf", ContentFile(b"%PDF-1.4 prueba"), save=True)
    staff_group, _ = Group.objects.get_or_create(name="Personal INFOM")
    RequiredTraining.objects.create(
        course=course,
        group=staff_group,
        due_rule="fecha",
        due_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    return course


ADMIN_STARTS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=curso",
    "/admin/snippets/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/settings/",
    "/admin/reports/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/redirects/",
    "/admin/forms/",
    "/admin/account/",
    "/admin/collections/",
    "/admin/sites/",
    "/cuentas/email/",
    "/cuentas/password/change/",
    "/cuentas/2fa/",
    "/cuentas/2fa/totp/activate/",
]
ANONYMOUS_STARTS = [
    "/cuentas/login/",
    "/cuentas/signup/",
    "/cuentas/password/reset/",
    "/cuentas/password/reset/done/",
    "/cuentas/confirm-email/",
]


def _english_report(report: dict[str, set[str]]) -> str:
    lines = "\n".join(
        f"{url}: {sorted(found)}" for url, found in sorted(report.items()) if found
    )
    print(lines)  # noqa: T201 (shown with the failure: where each string was seen)
    return lines


def test_every_admin_page_a_coordinator_reaches_is_in_spanish(client, demo_like):
    coordinator = UserFactory(coordinator=True)
    client.force_login(coordinator)
    report = crawl(client, ADMIN_STARTS)
    print(f"\nadmin pages crawled: {len(report)}")  # noqa: T201
    assert len(report) >= 60, sorted(report)
    # The walk reached the add and edit forms of every page type and snippet.
    crawled = " ".join(report)
    for model in (
        "coursepage",
        "modulepage",
        "lessonpage",
        "quizpage",
        "newspage",
        "eventpage",
        "standardpage",
    ):
        assert f"/{model}/" in crawled, f"no add form for {model}"
    assert "/edit/" in crawled
    assert "/admin/snippets/home/newscategory/add/" in crawled
    assert "/admin/snippets/certificados/certificatetemplate/add/" in crawled
    assert _english_report(report) == ""


def test_mfa_pages_with_an_authenticator_are_in_spanish(client, coordinator):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(coordinator, generate_totp_secret())
    RecoveryCodes.activate(coordinator)
    client.force_login(coordinator)
    report = crawl(
        client,
        [
            "/cuentas/2fa/",
            "/cuentas/2fa/totp/deactivate/",
            "/cuentas/2fa/recovery-codes/",
            "/cuentas/2fa/recovery-codes/generate/",
            "/cuentas/reauthenticate/",
        ],
        limit=40,
        scope=("/cuentas/",),
    )
    print(f"\nMFA pages crawled: {len(report)}")  # noqa: T201
    assert len(report) >= 4, sorted(report)
    assert _english_report(report) == ""


def test_account_pages_before_signing_in_are_in_spanish(client, db):
    report = crawl(client, ANONYMOUS_STARTS, limit=40, scope=("/cuentas/",))
    print(f"\naccount pages crawled: {len(report)}")  # noqa: T201
    assert len(report) >= 4, sorted(report)
    assert _english_report(report) == ""


def test_the_check_finds_english_when_it_is_there():
    found, _ = english_on_page(
        '<main><h1>Mostrar filtros</h1><p title="Show filters">Search all pages…</p>'
        "<p>Autosave is <span>paused</span></p><td>True</td>"
        "<script>var x = 'Show filters';</script></main>"
    )
    assert found == {"Show filters", "Search all pages…", "Autosave is paused", "True"}
