"""The attempt form's answer choices, one tag call each.

Every exam-taker opens the attempt page in the same minutes when an exam
starts. Written out in the template, a choice is seven variable and tag nodes
(its box's type, name, id, value, checked state, label and text), each resolved
and escaped by the template engine: 280 nodes for a 10-question exam. Here it
is one ``format_html`` call, with the same markup (less the whitespace between
the tags: ``.choice`` is a flex row with a gap) and the same escaping."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def answer_choice(question: dict, choice: dict) -> str:
    """A choice of ``question`` (as ``public_questions`` gives it): its radio
    button or checkbox, checked when the answer was saved, and its label."""
    return format_html(
        '<div class="choice"><input type="{}" name="q-{}" id="c-{}" value="{}"{}>'
        '<label for="c-{}">{}</label></div>',
        question["input_type"],
        question["key"],
        choice["key"],
        choice["key"],
        " checked" if choice["checked"] else "",
        choice["key"],
        choice["text"],
    )
