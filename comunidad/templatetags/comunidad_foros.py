"""Template tags of the forums part: announcements not yet read at the top of
the course page and of "Mi aprendizaje"; plain text shown safely."""

from django import template

from comunidad.selectors_foros import unread_announcements
from comunidad.text import render_plain

register = template.Library()


@register.filter(name="texto_plano")
def texto_plano(value):
    """Plain text written by a person, escaped, with paragraphs and links."""
    return render_plain(value)


@register.inclusion_tag("comunidad/anuncios/unread.html", takes_context=True)
def unread_announcements_box(context, cohort=None):
    """The unread announcements of ``cohort`` (or of every edition of the
    person when None), each with its "Marcar como leído" button."""
    user = context["request"].user
    if cohort is None:
        items = unread_announcements(user)
    else:
        items = unread_announcements(user, [cohort.pk])
    return {
        "announcements": items,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
