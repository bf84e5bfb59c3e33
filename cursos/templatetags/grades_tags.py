"""Filters for the gradebook: a cell, a component average, a grade as text."""

from django import template

from cursos.selectors_grades import cell_text as _cell_text
from cursos.selectors_grades import format_number

register = template.Library()


@register.filter
def cell_text(cell) -> str:
    return _cell_text(cell)


@register.filter
def component_average(row, key) -> str:
    component = row.components.get(key)
    return format_number(component.average_so_far if component else None)


@register.filter
def component_label(book, key) -> str:
    return book.component_label(key)


@register.filter
def grade_number(value) -> str:
    return format_number(value)
