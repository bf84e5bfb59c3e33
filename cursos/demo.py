"""Demo courses for `manage.py seed_demo` (idempotent): the diploma, two staff
trainings, an open cohort and the demo participant part-way through."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage
from lms.accounts.models import User

from .blocks import LessonStreamBlock
from .demo_content import DIPLOMA, STAFF_COURSES
from .models import Cohort, CourseIndexPage, CoursePage, LessonPage, ModulePage
from .services.enrollment import enroll
from .services.progress import complete_lesson

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


def seed_course(catalog: CourseIndexPage, data: dict) -> CoursePage:
    course = _child(catalog, CoursePage, data["slug"])
    if course is not None:
        return course
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
            visibility=CoursePage.Visibility.OPEN,
            sequential=data["kind"] == "diplomado",
            grants_certificate=True,
        ),
    )
    stream = LessonStreamBlock()
    for module_data in data["modules"]:
        module = _add(
            course,
            ModulePage(
                title=module_data["title"],
                slug=module_data["slug"],
                summary=module_data.get("summary", ""),
            ),
        )
        for lesson_data in module_data["lessons"]:
            _add(
                module,
                LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    estimated_minutes=lesson_data["minutes"],
                    body=stream.to_python(lesson_body(lesson_data["body"])),
                ),
            )
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


def seed_participant_progress(course: CoursePage, lessons_done: int = 4) -> None:
    participant = User.objects.get(email="participante@ejemplo.gt")
    enrollment = enroll(user=participant, course=course)
    lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
    for lesson in lessons[:lessons_done]:
        complete_lesson(enrollment=enrollment, lesson=lesson)


def seed_courses() -> dict:
    catalog = seed_catalog()
    diploma = seed_course(catalog, DIPLOMA)
    seed_open_cohort(diploma)
    staff_courses = [seed_course(catalog, data) for data in STAFF_COURSES]
    seed_participant_progress(diploma)
    return {"catalog": catalog, "diploma": diploma, "staff_courses": staff_courses}
