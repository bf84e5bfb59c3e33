"""The demo courses are YAML files under cursos/demo/contenido/: each parses,
holds what the seed reads, is named after its slug, and the loader returns the
diploma with its modules in order. The diploma's assignments (one per thematic
module, and the final project) are data only until AssignmentPage exists: their
rubrics add up and they sit where the seed will place them."""

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
OPTIONAL_COURSE_KEYS = {"validity_months"}
ITEM_KEYS = {
    "lesson": {"type", "title", "slug", "minutes", "body"},
    "quiz": {"type", "title", "slug", "instructions", "questions"},
    "assignment": {
        "type",
        "title",
        "slug",
        "intro",
        "instructions",
        "max_points",
        "due_days_after_start",
        "allow_text",
        "allow_files",
        "accepted_formats",
        "max_file_mb",
        "allow_resubmission",
        "is_final_project",
        "rubric",
    },
}
FORMATS = {"pdf", "docx", "odt", "jpg", "png"}
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
    assert COURSE_KEYS <= set(data) <= COURSE_KEYS | OPTIONAL_COURSE_KEYS
    if "validity_months" in data:
        assert isinstance(data["validity_months"], int)
        assert 1 <= data["validity_months"] <= 120
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
    else:
        _check_assignment(data)


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


def _check_assignment(data):
    assert data["intro"] and "<" not in data["intro"], "intro is one plain sentence"
    assert data["instructions"].lstrip().startswith("<p>")
    assert isinstance(data["max_points"], int) and data["max_points"] > 0
    assert isinstance(data["due_days_after_start"], int)
    assert data["due_days_after_start"] > 0
    assert data["allow_text"] or data["allow_files"]
    assert set(data["accepted_formats"]) <= FORMATS
    assert isinstance(data["max_file_mb"], int) and data["max_file_mb"] > 0
    assert isinstance(data["allow_resubmission"], bool)
    assert isinstance(data["is_final_project"], bool)
    assert 3 <= len(data["rubric"]) <= 4
    best = 0
    for criterion in data["rubric"]:
        assert criterion["criterion"] and criterion["description"]
        points = [level["points"] for level in criterion["levels"]]
        assert len(points) >= 2
        assert points == sorted(set(points)), "levels go up in points"
        assert all(
            level["name"] and level["description"] for level in criterion["levels"]
        )
        best += points[-1]
    assert best == data["max_points"], "the best levels add up to max_points"


def _assignments(course: dict) -> list[dict]:
    items = [i for m in course["modules"] for i in m["items"]]
    items += course.get("final_items", [])
    return [item for item in items if item["type"] == "assignment"]


def test_each_thematic_module_of_the_diploma_ends_with_its_assignment():
    for module in DIPLOMA["modules"]:
        kinds = [item["type"] for item in module["items"]]
        assert kinds[-2:] == ["quiz", "assignment"], module["slug"]
        assert kinds.count("assignment") == 1
        assert not module["items"][-1]["is_final_project"]


def test_the_diploma_has_exactly_one_final_project_before_the_final_exam():
    finals = [a for a in _assignments(DIPLOMA) if a["is_final_project"]]
    assert [a["slug"] for a in finals] == [
        "proyecto-final-plan-municipal-transparencia"
    ]
    final = DIPLOMA["final_items"]
    assert [item["type"] for item in final] == ["assignment", "quiz"]
    assert final[0] is finals[0]
    assert final[1]["slug"] == DIPLOMA["final_exam"]["slug"]
    thematic_due = [m["items"][-1]["due_days_after_start"] for m in DIPLOMA["modules"]]
    assert thematic_due == sorted(thematic_due)
    assert finals[0]["due_days_after_start"] >= thematic_due[-1]
    assert len(finals[0]["rubric"]) == 4


def test_the_staff_courses_have_no_assignments():
    assert all(_assignments(course) == [] for course in STAFF_COURSES)


def test_lessons_and_quizzes_are_the_same_in_items_and_in_the_old_keys():
    for course in [DIPLOMA, *STAFF_COURSES]:
        for module in course["modules"]:
            strip = [
                {k: v for k, v in item.items() if k != "type"}
                for item in module["items"]
            ]
            kinds = [item["type"] for item in module["items"]]
            lessons = [
                s for s, kind in zip(strip, kinds, strict=True) if kind == "lesson"
            ]
            quizzes = [
                s for s, kind in zip(strip, kinds, strict=True) if kind == "quiz"
            ]
            assert lessons == module["lessons"]
            assert quizzes == ([module["quiz"]] if module["quiz"] else [])


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
