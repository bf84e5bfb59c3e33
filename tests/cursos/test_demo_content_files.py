"""The demo courses are YAML files under cursos/demo/contenido/: each parses,
holds what the seed reads, is named after its slug, and the loader returns the
diploma with its modules in order."""

import re
from pathlib import Path

import pytest
import yaml

from cursos.blocks import LessonStreamBlock
from cursos.demo import DIPLOMA, STAFF_COURSES
from cursos.demo.content import (
    CONTENT_DIR,
    COURSE_FILE,
    MODULE_FILE,
    STAFF_COURSE_SLUGS,
)

DEMO_DIR = CONTENT_DIR.parent
YAML_FILES = sorted(CONTENT_DIR.rglob("*.yaml"))
ITEM_FILES = [p for p in YAML_FILES if p.name not in (COURSE_FILE, MODULE_FILE)]
NUMBERED_SLUG = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")

COURSE_KEYS = {
    "title",
    "slug",
    "kind",
    "audience",
    "hours",
    "summary",
    "description",
    "objectives",
}
ITEM_KEYS = {
    "lesson": {"type", "title", "slug", "minutes", "body"},
    "quiz": {"type", "title", "slug", "instructions", "questions"},
}
QUESTION_TYPES = {"single", "multiple", "true_false"}


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _rel(path: Path) -> str:
    return str(path.relative_to(CONTENT_DIR))


def test_there_are_content_files():
    courses = {p.parent.name for p in CONTENT_DIR.glob(f"*/{COURSE_FILE}")}
    assert courses == {DIPLOMA["slug"], *STAFF_COURSE_SLUGS}
    assert len(ITEM_FILES) > 30
    assert (CONTENT_DIR / "FUENTES.md").is_file()


def test_only_yaml_and_the_sources_note_are_there():
    """pyproject's package-data ships contenido/**/*.yaml and contenido/*.md."""
    others = [
        _rel(p)
        for p in CONTENT_DIR.rglob("*")
        if p.is_file() and p.suffix != ".yaml" and p.name != "FUENTES.md"
    ]
    assert others == []


@pytest.mark.parametrize("path", YAML_FILES, ids=_rel)
def test_every_file_parses_into_a_mapping(path):
    assert isinstance(_read(path), dict)


@pytest.mark.parametrize("path", sorted(CONTENT_DIR.glob(f"*/{COURSE_FILE}")), ids=_rel)
def test_course_files(path):
    data = _read(path)
    assert set(data) == COURSE_KEYS
    assert data["slug"] == path.parent.name
    assert all(isinstance(text, str) and text for text in data["objectives"])


@pytest.mark.parametrize(
    "path", sorted(CONTENT_DIR.glob(f"*/*/{MODULE_FILE}")), ids=_rel
)
def test_module_files(path):
    data = _read(path)
    match = NUMBERED_SLUG.match(path.parent.name)
    assert match, "module folders are named NN-<slug>"
    if data.get("final"):
        assert data == {"final": True}
    else:
        assert set(data) == {"title", "slug", "summary"}
        assert match[2] == data["slug"]


@pytest.mark.parametrize("path", ITEM_FILES, ids=_rel)
def test_item_files(path):
    data = _read(path)
    match = NUMBERED_SLUG.match(path.stem)
    assert match, "item files are named NN-<slug>.yaml"
    assert match[2] == data["slug"]
    assert data["type"] in ITEM_KEYS
    assert set(data) == ITEM_KEYS[data["type"]]
    if data["type"] == "lesson":
        _check_lesson(data)
    elif data["type"] == "quiz":
        _check_quiz(data)


def _check_lesson(data):
    assert isinstance(data["minutes"], int)
    known = set(LessonStreamBlock.base_blocks)
    for block in data["body"]:
        assert isinstance(block, dict)
        assert len(block) == 1, "a body block is written `- block_type: value`"
        assert set(block) <= known


def _check_quiz(data):
    assert data["questions"]
    for question in data["questions"]:
        assert question["type"] in QUESTION_TYPES
        assert question["prompt"]
        assert any(choice["correct"] for choice in question["choices"])
        for choice in question["choices"]:
            assert {"text", "correct"} <= set(choice)
            assert isinstance(choice["correct"], bool)


def test_numeric_prefixes_are_unique_in_each_folder():
    for folder in [CONTENT_DIR, *(p for p in CONTENT_DIR.rglob("*") if p.is_dir())]:
        prefixes = [
            m[1] for p in folder.iterdir() if (m := NUMBERED_SLUG.match(p.stem))
        ]
        assert len(prefixes) == len(set(prefixes)), _rel(folder)


def test_the_loader_returns_the_diploma_with_its_modules_in_order():
    assert DIPLOMA["slug"] == "diplomado-gestion-municipal-transparencia"
    assert [module["slug"] for module in DIPLOMA["modules"]] == [
        "modulo-1-gobierno-abierto",
        "modulo-2-ley-acceso-informacion-publica",
        "modulo-3-codigo-municipal",
        "modulo-4-participacion-ciudadana",
        "modulo-5-finanzas-municipales-infom",
    ]
    first = DIPLOMA["modules"][0]
    assert [lesson["slug"] for lesson in first["lessons"]] == [
        "que-es-el-gobierno-abierto",
        "alianza-para-el-gobierno-abierto",
        "gobierno-abierto-municipal-y-estrategia-infom",
    ]
    assert first["quiz"]["slug"] == "evaluacion-modulo-1"
    block_type, value = first["lessons"][0]["body"][0]
    assert (block_type, value) == ("heading", "Una forma de gobernar con la gente")
    assert DIPLOMA["final_exam"]["slug"] == "examen-final"
    assert all(module["quiz"] for module in DIPLOMA["modules"])


def test_the_staff_courses_keep_their_order_and_shape():
    assert [course["slug"] for course in STAFF_COURSES] == list(STAFF_COURSE_SLUGS)
    for course in STAFF_COURSES:
        assert "final_exam" not in course
        # Only the last module has a quiz.
        assert [bool(m["quiz"]) for m in course["modules"]] == [False, True]


def test_no_python_file_of_the_demo_package_is_over_500_lines():
    for path in DEMO_DIR.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 500, f"{path.name}: {lines} lines"
