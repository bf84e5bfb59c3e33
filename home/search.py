"""Site search: which pages may be found, and why each result matched."""

import html
import re
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

EXCERPT_CHARS = 220
MAX_QUERY_CHARS = 100


def searchable_types():
    """News, activities, institutional and open-data pages and course syllabi.
    Lessons and quizzes are never searched: some belong to enrolled-only courses."""
    from cursos.models import CourseIndexPage, CoursePage

    from .models import (
        EventIndexPage,
        EventPage,
        NewsIndexPage,
        NewsPage,
        StandardPage,
        TransparencyPage,
    )

    return (
        NewsPage,
        EventPage,
        StandardPage,
        TransparencyPage,
        CoursePage,
        CourseIndexPage,
        NewsIndexPage,
        EventIndexPage,
    )


def search_words(query: str) -> str:
    """The query reduced to its words. Punctuation has no meaning to the search and
    some of it (an unbalanced double quote) is syntax to SQLite's FTS5, which the
    search backend passes through unescaped."""
    return " ".join(re.findall(r"\w+", query))


def search_pages(query: str):
    """Live, public pages of the searchable types matching the query's words (lazy
    search results; slice them to run the search). A query without words finds
    nothing."""
    pages = Page.objects.live().public().type(*searchable_types())
    words = search_words(query)
    if not words:
        return pages.none()
    return pages.search(words)


@dataclass
class Result:
    page: Page
    kind: str
    field: str
    excerpt: SafeString


# (attribute, label) in the order a match is looked for.
_FIELDS = (
    ("title", _("título")),
    ("intro", _("introducción")),
    ("summary", _("resumen")),
    ("search_description", _("descripción")),
    ("body", _("contenido")),
    ("description", _("contenido")),
    ("how_to_participate", _("contenido")),
    ("place", _("lugar")),
)


def _text_of(page, attribute) -> str:
    value = getattr(page, attribute, None)
    if value is None:
        return ""
    if hasattr(value, "stream_block"):
        parts = value.stream_block.get_searchable_content(value)
        return " ".join(html.unescape(strip_tags(str(part))) for part in parts)
    return html.unescape(strip_tags(str(value)))


def _terms(query: str) -> list[str]:
    return [t for t in re.split(r"\W+", query.lower()) if len(t) > 1]


def _excerpt(text: str, terms: list[str]) -> SafeString | None:
    lowered = text.lower()
    positions = [lowered.find(t) for t in terms if t in lowered]
    if not positions:
        return None
    first = min(positions)
    start = max(0, first - EXCERPT_CHARS // 3)
    snippet = text[start : start + EXCERPT_CHARS]
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(snippet):
        parts.append(escape(snippet[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(snippet[last:]))
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_CHARS < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 (escaped above)


def explain(page, query: str) -> Result:
    """The first field of the page that contains a word of the query, with an
    excerpt where the words are marked."""
    terms = _terms(query)
    kind = page.specific_class._meta.verbose_name
    for attribute, label in _FIELDS:
        excerpt = _excerpt(_text_of(page, attribute), terms)
        if excerpt:
            return Result(page=page, kind=kind, field=str(label), excerpt=excerpt)
    # Matched through a stemmed form or tags: show the introduction.
    fallback = _text_of(page, "intro") or _text_of(page, "summary")
    return Result(
        page=page,
        kind=kind,
        field=str(_("contenido relacionado")),
        excerpt=escape(fallback[:EXCERPT_CHARS]),
    )
