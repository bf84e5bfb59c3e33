"""What the load test reads from the pages and sends back, as a browser does
(kept apart from Locust so tests/test_load_scenario.py can check it against
the real templates)."""

import re
from urllib.parse import urlencode

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
START_FORM = re.compile(r'action="(/mi-aprendizaje/evaluaciones/\d+/comenzar/)"')
ATTEMPT_FORM = re.compile(r'action="([^"]+)"[^>]*id="formulario-intento"')
CHOICE = re.compile(
    r'<input type="(radio|checkbox)" name="(q-[^"]+)" id="c-[^"]+" value="([^"]+)"'
)
ATTEMPT_PATH = re.compile(r"^/mi-aprendizaje/evaluaciones/intentos/(\d+)/$")


def attempt_form(page: str) -> tuple[str, str, dict[str, list[tuple[str, str]]]]:
    """The attempt form's action, its CSRF token and its questions: field name
    → [(input type, choice key), ...] in the page's order."""
    questions: dict[str, list[tuple[str, str]]] = {}
    for kind, name, value in CHOICE.findall(page):
        questions.setdefault(name, []).append((kind, value))
    return ATTEMPT_FORM.search(page).group(1), CSRF.search(page).group(1), questions


def form_encoded(fields) -> tuple[str, bytes]:
    """Content type and body as fetch sends evaluacion.js's URLSearchParams."""
    body = urlencode(fields).encode()
    return "application/x-www-form-urlencoded;charset=UTF-8", body


def autosave_fields(token: str, changed: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The fields static/js/evaluacion.js sends: the token, ``accion=guardar``
    and, for each question that changed since the last save, ``pregunta=<key>``
    followed by its checked choices (field name ``q-<key>``)."""
    fields = [("csrfmiddlewaretoken", token), ("accion", "guardar")]
    for name, keys in changed.items():
        fields.append(("pregunta", name.removeprefix("q-")))
        fields += [(name, key) for key in keys]
    return fields
