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
