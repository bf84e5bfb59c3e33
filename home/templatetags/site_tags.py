import html
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

DESCRIPTION_CHARS = 200


@lru_cache(maxsize=128)
def _reversed(name: str, script_prefix: str, urlconf: str, language: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def cached_url(name: str) -> str:
    """``{% url name %}`` for a route that takes no arguments, reversed once per
    process for each script prefix, URLconf and language (all that such a
    reverse depends on) instead of on every page: the header's links went
    through ``reverse()`` on every HTML page, ≈ 23 µs each."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(name, get_script_prefix(), urlconf, get_language())


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's search description, else its introduction or summary, else the
    platform's; plain text for <meta name="description"> and Open Graph."""
    page = context.get("page")
    for attribute in ("search_description", "intro", "summary"):
        value = getattr(page, attribute, "") if page is not None else ""
        if value:
            text = html.unescape(strip_tags(str(value))).strip()
            return Truncator(text).chars(DESCRIPTION_CHARS)
    return _(
        "Formación en gestión municipal, transparencia y Gobierno Abierto del "
        "Instituto de Fomento Municipal (INFOM) de Guatemala."
    )


@register.simple_tag(takes_context=True)
def open_graph(context) -> dict:
    """The page's Open Graph type ("article" for news, else "website") and its
    cover image, if its type has one. Read here with getattr: in the template a
    page type without the attribute costs a dir() of the page on every request
    (Django's lookup does that to tell a missing attribute from a failing one),
    and every Wagtail page of the site renders this."""
    page = context.get("page")
    return {
        "type": getattr(page, "og_type", "website"),
        "image": getattr(page, "cover_image", None),
    }
