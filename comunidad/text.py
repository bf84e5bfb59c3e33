"""Plain text written by people (posts, announcements) shown as HTML safely.

Everything is escaped; blank lines make paragraphs and single line breaks make
``<br>``; only ``http://`` and ``https://`` addresses become links (marked
``nofollow noopener ugc``, opened in the same tab). Nothing else is ever a
link: no ``javascript:``, ``data:``, ``mailto:`` or bare domain.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# An address starts with the scheme itself (so "javascript:http://" is never a
# match from its start) and runs until whitespace, a quote or an angle bracket.
URL = re.compile(r"""\bhttps?://[^\s<>"'`\x00-\x1f\x7f]+""", re.IGNORECASE)
TRAILING = ".,;:!?¡¿»«"
PARAGRAPHS = re.compile(r"\n\s*\n")


def _split_trailing(url: str) -> tuple[str, str]:
    """Punctuation that ends a sentence is not part of the address; a closing
    parenthesis only when the address opened none."""
    tail = ""
    while url:
        last = url[-1]
        if last in TRAILING or (
            last in ")]" and url.count("(" if last == ")" else "[") < url.count(last)
        ):
            tail = last + tail
            url = url[:-1]
            continue
        break
    return url, tail


def _line(text: str) -> str:
    out = []
    position = 0
    for match in URL.finditer(text):
        address, tail = _split_trailing(match.group(0))
        if len(address) <= len("https://"):
            continue
        out.append(escape(text[position : match.start()]))
        shown = escape(address)
        out.append(
            f'<a href="{shown}" rel="nofollow noopener ugc">{shown}</a>{escape(tail)}'
        )
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def render_plain(text: str | None) -> SafeString:
    """``text`` as safe HTML paragraphs with clickable http(s) addresses."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.strip()
    if not text:
        return mark_safe("")  # noqa: S308 (empty)
    paragraphs = []
    for block in PARAGRAPHS.split(text):
        block = block.strip("\n")
        if not block.strip():
            continue
        lines = [_line(line) for line in block.split("\n")]
        paragraphs.append("<p>" + "<br>".join(lines) + "</p>")
    return mark_safe("\n".join(paragraphs))  # noqa: S308 (every piece escaped)


def excerpt(text: str | None, limit: int = 300) -> str:
    """Plain text for e-mails and notifications: at most ``limit`` characters."""
    text = " ".join((text or "").replace("\x00", "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
