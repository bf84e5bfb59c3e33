"""The short outline beside a lesson, quiz or assignment, ready to show.

``cursos/includes/course_nav.html`` renders on every step of a course, and
Django's template language pays for every tag and lookup, for
``{% blocktranslate %}`` and for number localization most of all (they were
most of the outline's cost). ``course_nav_view`` turns the outline
(``selectors.course_nav`` or ``selectors_lesson.lesson_nav``, the same keys)
into rows whose classes and labels are already composed, so the template holds
the markup and a few lookups.
"""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


def _kind_label(item) -> str:
    if item.kind == "evaluacion":
        return _("evaluación")
    if item.kind == "tarea":
        return _("proyecto final") if item.final_project else _("tarea")
    return ""


def _entry(entry: dict, done_label: str, locked_label: str) -> dict:
    item = entry["item"]
    classes = "outline__item"
    if entry["done"]:
        classes += " is-done"
        state, status = "done", done_label
    elif entry["locked_reason"]:
        state, status = "locked", locked_label
    else:
        state, status = "todo", ""
    if entry["locked_reason"]:
        classes += " is-locked"
    if entry["current"]:
        classes += " is-current"
    kind = _kind_label(item)
    minutes = f"{item.minutes} min"
    return {
        "item": item,
        "classes": classes,
        "state": state,
        "status": status,
        "current": entry["current"],
        "new": entry["new"],
        "meta": f"{kind} · {minutes}" if kind else minutes,
    }


def _module_row(row: dict) -> dict:
    return {
        **row,
        "count": _("%(done)s de %(required)s")
        % {"done": row["done"], "required": row["required"]},
    }


def _count_label(n: int, singular: str, plural: str) -> str:
    return ngettext(singular, plural, n) % {"n": n} if n else ""


@register.simple_tag
def course_nav_view(nav: dict) -> dict:
    """``nav`` with its entries' classes, state and labels, the modules' "n de
    m" and the "n more" lines composed (in Spanish, through gettext)."""
    done_label, locked_label = _("completada"), _("bloqueada")
    view = {
        "module": nav["module"],
        "items": [_entry(e, done_label, locked_label) for e in nav["items"]],
        "modules": [_module_row(row) for row in nav["modules"]],
        "modules_start": str(nav["modules_start"]),
        "modules_before": _count_label(
            nav["modules_before"], "%(n)s módulo anterior…", "%(n)s módulos anteriores…"
        ),
        "modules_after": _count_label(
            nav["modules_after"], "… y %(n)s módulo más", "… y %(n)s módulos más"
        ),
    }
    if nav["module"]:
        view.update(
            heading=_("Módulo %(n)s de %(total)s")
            % {"n": nav["module_number"], "total": nav["module_count"]},
            items_before=_count_label(
                nav["items_before"],
                "%(n)s contenido anterior en este módulo",
                "%(n)s contenidos anteriores en este módulo",
            ),
            items_after=_count_label(
                nav["items_after"],
                "%(n)s contenido más en este módulo",
                "%(n)s contenidos más en este módulo",
            ),
        )
    return view
