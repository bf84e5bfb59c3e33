import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

register = template.Library()

DESCRIPTION_CHARS = 200


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
