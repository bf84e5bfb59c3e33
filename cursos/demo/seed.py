"""Demo courses for `manage.py seed_demo` (idempotent): the diploma, two staff
trainings, an open cohort and the demo participant part-way through. The
courses' texts are YAML files under `contenido/`, read by `content.py`."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from comunidad.demo import seed_community
from home.models import HomePage

from ..blocks import LessonStreamBlock
from ..models import (
    AssignmentPage,
    Cohort,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    QuizPage,
)
from ..quiz_blocks import QuizQuestionsBlock
from .content import DIPLOMA, STAFF_COURSES
from .learners import (
    seed_diploma_learners,
    seed_participant_progress,
    seed_required_training,
    seed_staff_completion,
)
from .tutoring import seed_diploma_grading, seed_tutors

KINDS = {"diplomado": "diplomado", "obligatoria": "obligatoria", "libre": "libre"}


def _child(parent: Page, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _add(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def lesson_body(blocks: list) -> list[dict]:
    """Demo block tuples → StreamField raw data."""
    raw = []
    for block_type, value in blocks:
        if block_type == "table":
            value = {
                "caption": value["caption"],
                "table": {
                    "data": [value["header"], *value["rows"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": value["caption"],
                },
            }
        elif block_type == "legal_reference":
            value = {
                "law": value["law"],
                "article": value.get("article", ""),
                "quote": value["quote"],
                "is_paraphrase": bool(value.get("is_paraphrase")),
            }
        raw.append({"type": block_type, "value": value})
    return raw


QUESTION_TYPES = {
    "single": "single_choice",
    "multiple": "multiple_choice",
    "true_false": "true_false",
}


def quiz_questions(questions: list[dict]) -> list[dict]:
    """Demo questions → the quiz StreamField's raw data."""
    raw = []
    for question in questions:
        value = {
            "prompt": question["prompt"],
            "points": question.get("points", 1),
            "explanation": question.get("explanation", ""),
        }
        if question["type"] == "true_false":
            by_text = {c["text"].lower(): c for c in question["choices"]}
            true, false = by_text["verdadero"], by_text["falso"]
            value["answer"] = "verdadero" if true["correct"] else "falso"
            value["feedback_true"] = true.get("feedback", "")
            value["feedback_false"] = false.get("feedback", "")
        else:
            value["choices"] = [
                {
                    "text": c["text"],
                    "correct": c["correct"],
                    "feedback": c.get("feedback", ""),
                }
                for c in question["choices"]
            ]
            if question["type"] == "multiple":
                value["scoring"] = question.get("scoring", "parcial")
        raw.append({"type": QUESTION_TYPES[question["type"]], "value": value})
    return raw


def seed_quiz(module: ModulePage, data: dict, **rules) -> QuizPage:
    quiz = _child(module, QuizPage, data["slug"])
    if quiz is not None:
        return quiz
    return _add(
        module,
        QuizPage(
            title=data["title"],
            slug=data["slug"],
            instructions=f"<p>{data.get('instructions', '')}</p>",
            questions=QuizQuestionsBlock().to_python(quiz_questions(data["questions"])),
            **rules,
        ),
    )


def seed_catalog() -> CourseIndexPage:
    home = HomePage.objects.get()
    catalog = CourseIndexPage.objects.first()
    if catalog is None:
        catalog = _add(
            home,
            CourseIndexPage(
                title="Cursos",
                slug="cursos",
                intro=(
                    "<p>Formación en línea del INFOM para funcionarios municipales y "
                    "para su personal. Las lecciones se leen en el teléfono, con poca "
                    "conexión y sin instalar nada.</p>"
                ),
            ),
        )
    return catalog


NUMBER_WORDS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce".split()
)


def module_counts(data: dict = DIPLOMA) -> dict[str, str]:
    """How many modules a course's data has, in the words its texts use: the
    syllabus counts the final exam as a module, so the texts do too."""
    themed = len(data["modules"])
    total = themed + (1 if data.get("final_exam") else 0)
    return {
        "modulos": NUMBER_WORDS[total],
        "Modulos": NUMBER_WORDS[total].capitalize(),
        "modulos_n": str(total),
        "modulos_tematicos": NUMBER_WORDS[themed],
    }


def with_counts(value, counts: dict[str, str] | None = None):
    """``value`` (text, or lists/tuples/dicts of text) with the placeholders
    ``{modulos}``, ``{Modulos}``, ``{modulos_n}`` and ``{modulos_tematicos}``
    filled in from the diploma's data, so no text states a count by hand."""
    counts = counts or module_counts()
    if isinstance(value, str):
        for key, word in counts.items():
            value = value.replace(f"{{{key}}}", word)
        return value
    if isinstance(value, dict):
        return {key: with_counts(item, counts) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(with_counts(item, counts) for item in value)
    return value


MODULE_QUIZ_RULES = {
    "pass_mark": 70,
    "max_attempts": 3,
    "estimated_minutes": 15,
    "shuffle_choices": True,
    "review": QuizPage.Review.FULL,
    "reveal": QuizPage.Reveal.PASSED_OR_EXHAUSTED,
}
FINAL_EXAM_RULES = {
    "pass_mark": 70,
    "max_attempts": 2,
    "time_limit_minutes": 45,
    "wait_minutes": 60,
    "shuffle_questions": True,
    "shuffle_choices": True,
    "estimated_minutes": 45,
    "review": QuizPage.Review.WHICH_RIGHT,
    "reveal": QuizPage.Reveal.PASSED_OR_EXHAUSTED,
}


def seed_items(module: ModulePage, items: list[dict], quiz_rules: dict) -> None:
    """A module's lessons and quizzes, in the order of its content files."""
    stream = LessonStreamBlock()
    for item in items:
        if item["type"] == "lesson":
            _add(
                module,
                LessonPage(
                    title=item["title"],
                    slug=item["slug"],
                    estimated_minutes=item["minutes"],
                    body=stream.to_python(lesson_body(item["body"])),
                ),
            )
        elif item["type"] == "quiz":
            seed_quiz(module, item, **quiz_rules)
        elif item["type"] == "assignment":
            seed_assignment(module, item)


def rubric_stream(rubric: list[dict]) -> list[tuple]:
    """The YAML rubric as the StreamField's raw value."""
    return [
        (
            "criterion",
            {
                "criterion": criterion["criterion"],
                "description": criterion.get("description", ""),
                "levels": [
                    {
                        "name": level["name"],
                        "points": level["points"],
                        "description": level.get("description", ""),
                    }
                    for level in criterion["levels"]
                ],
            },
        )
        for criterion in rubric
    ]


def seed_assignment(module: ModulePage, item: dict) -> AssignmentPage:
    rubric = AssignmentPage._meta.get_field("rubric").stream_block
    return _add(
        module,
        AssignmentPage(
            title=item["title"],
            slug=item["slug"],
            intro=item.get("intro", ""),
            instructions=item["instructions"],
            max_points=item["max_points"],
            due_days_after_start=item.get("due_days_after_start"),
            allow_text=item.get("allow_text", True),
            allow_files=item.get("allow_files", True),
            accepted_formats=item.get("accepted_formats", []),
            max_file_mb=item.get("max_file_mb", 10),
            allow_resubmission=item.get("allow_resubmission", True),
            is_final_project=item.get("is_final_project", False),
            estimated_minutes=item.get(
                "minutes", 90 if item.get("is_final_project") else 60
            ),
            rubric=rubric.to_python(rubric_stream(item.get("rubric", []))),
        ),
    )


def seed_course(catalog: CourseIndexPage, data: dict) -> CoursePage:
    course = _child(catalog, CoursePage, data["slug"])
    if course is not None:
        return course
    data = with_counts(data, module_counts(data))
    course = _add(
        catalog,
        CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            description=data["description"],
            objectives=[("objetivo", text) for text in data["objectives"]],
            kind=KINDS[data["kind"]],
            audience=data["audience"],
            estimated_hours=data["hours"],
            validity_months=data.get("validity_months"),
            visibility=CoursePage.Visibility.OPEN,
            sequential=data["kind"] == "diplomado",
            grants_certificate=True,
        ),
    )
    for module_data in data["modules"]:
        module = _add(
            course,
            ModulePage(
                title=module_data["title"],
                slug=module_data["slug"],
                summary=module_data.get("summary", ""),
            ),
        )
        seed_items(module, module_data["items"], MODULE_QUIZ_RULES)
    if data.get("final_exam"):
        module = _add(
            course,
            ModulePage(
                title="Proyecto final y examen final",
                slug="examen-final",
                summary=with_counts(
                    "El plan municipal de transparencia y acceso a la información "
                    "(proyecto final) y la evaluación integradora de los "
                    "{modulos_tematicos} módulos temáticos del diplomado.",
                    module_counts(data),
                ),
            ),
        )
        questions = len(data["final_exam"]["questions"])
        rules = {**FINAL_EXAM_RULES, "draw_count": min(15, questions)}
        seed_items(module, data["final_items"], rules)
    return course


def seed_open_cohort(course: CoursePage) -> Cohort:
    cohort = course.cohorts.first()
    if cohort is None:
        now = timezone.now()
        cohort = Cohort.objects.create(
            course=course,
            name=f"Primera edición {now.year}",
            enrollment_opens=now - timedelta(days=14),
            enrollment_closes=now + timedelta(days=60),
            starts_on=(now - timedelta(days=7)).date(),
            ends_on=(now + timedelta(days=150)).date(),
            capacity=500,
        )
    return cohort


def seed_courses() -> dict:
    catalog = seed_catalog()
    diploma = seed_course(catalog, DIPLOMA)
    seed_diploma_grading(diploma)
    seed_tutors(seed_open_cohort(diploma))
    staff_courses = [seed_course(catalog, data) for data in STAFF_COURSES]
    seed_participant_progress(diploma)
    seed_certificate_signatories()
    seed_staff_completion(staff_courses[0])
    seed_diploma_learners(diploma)
    seed_required_training(staff_courses)
    seed_community(diploma)
    return {"catalog": catalog, "diploma": diploma, "staff_courses": staff_courses}


def seed_certificate_signatories() -> None:
    """Give the default certificate template two signature lines (posts only;
    no real person's name is invented)."""
    from certificados.models import CertificateTemplate, Signatory

    template = CertificateTemplate.objects.order_by("pk").first()
    if template is None or template.signatories.exists():
        return
    Signatory.objects.create(
        template=template, sort_order=0, name="Gerencia General", post="INFOM"
    )
    Signatory.objects.create(
        template=template,
        sort_order=1,
        name="Coordinación de Formación",
        post="Estrategia de Gobierno Abierto, INFOM",
    )
