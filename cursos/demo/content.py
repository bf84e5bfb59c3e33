"""The demo courses, read from the YAML files under ``contenido/``.

One folder per course (``<course-slug>/``) holds ``curso.yaml`` (the course's
metadata) and one folder per module (``NN-<module-slug>/``), which holds
``modulo.yaml`` (title, slug, summary) and one file per item
(``NN-<item-slug>.yaml`` with ``type: lesson``, ``quiz`` or ``assignment``), in
the order of their numeric prefixes. A module whose ``modulo.yaml`` says
``final: true`` is the course's last one: its quiz is the final exam. The
sources of the texts are in ``FUENTES.md``.

``load_course`` returns:

    {title, slug, kind, audience, hours, summary, description, objectives,
     validity_months (optional: months the certificate stays valid),
     modules: [{title, slug, summary,
                items: [{type: "lesson" | "quiz" | "assignment", ...}],
                lessons: [{title, slug, minutes, body: [(block_type, value)]}],
                quiz: {title, slug, instructions, questions} | None}],
     # only for a course with a final module:
     final_items: [{type: ..., ...}],
     final_exam: {title, slug, instructions, questions}}

``items`` is every item of the module in order, each with its ``type``: the
order the seed follows. ``lessons``, ``quiz`` and ``final_exam`` hold the same
lessons and quizzes without ``type``, in the shape the demo data had before
assignments existed (``cursos/demo_content.py``).
"""

import re
from pathlib import Path

import yaml

# The C loader when PyYAML was built with libyaml, else the pure-Python one.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONTENT_DIR = Path(__file__).resolve().parent / "contenido"
COURSE_FILE = "curso.yaml"
MODULE_FILE = "modulo.yaml"
NUMBERED = re.compile(r"^(\d+)-")

DIPLOMA_SLUG = "diplomado-gestion-municipal-transparencia"
STAFF_COURSE_SLUGS = (
    "induccion-modelo-gobierno-abierto-infom",
    "atencion-solicitudes-informacion-publica",
)


def read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=SafeLoader)  # noqa: S506 (a safe loader)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: se esperaba un diccionario YAML")
    return data


def numbered(folder: Path, *, dirs: bool) -> list[Path]:
    """The numbered entries of ``folder`` (folders or ``.yaml`` files), in the
    order of their numeric prefix."""
    entries = [
        path
        for path in folder.iterdir()
        if NUMBERED.match(path.name)
        and (path.is_dir() if dirs else path.suffix == ".yaml")
    ]
    return sorted(entries, key=lambda path: int(NUMBERED.match(path.name)[1]))


def _lesson(data: dict) -> dict:
    """Each body block is written ``- block_type: value``; the seed takes
    ``(block_type, value)`` pairs."""
    body = []
    for block in data["body"]:
        ((block_type, value),) = block.items()
        body.append((block_type, value))
    return {**data, "body": body}


def _without_type(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "type"}


def load_module(folder: Path) -> dict:
    module = read_yaml(folder / MODULE_FILE)
    items, lessons, quiz = [], [], None
    for path in numbered(folder, dirs=False):
        item = read_yaml(path)
        kind = item.get("type")
        if kind == "lesson":
            item = _lesson(item)
            lessons.append(_without_type(item))
        elif kind == "quiz":
            if quiz is not None:
                raise ValueError(f"{folder}: más de una evaluación en el módulo")
            quiz = _without_type(item)
        elif kind != "assignment":
            raise ValueError(f"{path}: tipo desconocido {kind!r}")
        items.append(item)
    return {**module, "items": items, "lessons": lessons, "quiz": quiz}


def load_course(slug: str) -> dict:
    folder = CONTENT_DIR / slug
    course = read_yaml(folder / COURSE_FILE)
    modules = []
    for module_dir in numbered(folder, dirs=True):
        module = load_module(module_dir)
        if module.get("final"):
            course["final_items"] = module["items"]
            course["final_exam"] = module["quiz"]
        else:
            modules.append(module)
    course["modules"] = modules
    return course


DIPLOMA = load_course(DIPLOMA_SLUG)
STAFF_COURSES = [load_course(slug) for slug in STAFF_COURSE_SLUGS]
