"""Reads on grades: the learner's "Calificaciones" page and the gradebook
(one row per learner, one column per graded item), each in a fixed number of
queries whatever the number of learners and items."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import Cohort, CoursePage, Enrollment
from .services.grades import (
    ComponentGrade,
    GradedItem,
    GradeSummary,
    ItemGrade,
    course_grade,
    graded_items,
)


def latest_enrollment(*, user, course: CoursePage) -> Enrollment | None:
    """The user's latest enrollment in ``course`` (one per edition: the last
    one is the one in course)."""
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.select_related("cohort")
        .filter(user=user, course=course)
        .order_by("-enrolled_at", "-pk")
        .first()
    )


def result_label(enrollment: Enrollment, summary: GradeSummary) -> str:
    """What the learner's result is: the stored one once completed, else
    "En curso" (the outcome is only known when the course closes)."""
    if enrollment.completed_at is not None and enrollment.result:
        return str(Enrollment.Result(enrollment.result).label)
    if enrollment.completed_at is not None:
        return str(Enrollment.Result.APPROVED.label)
    return _("En curso")


def final_grade_of(enrollment: Enrollment, summary: GradeSummary) -> Decimal | None:
    """The stored grade of a completed enrollment (what the certificate says),
    else the grade computed now (None while anything is pending)."""
    if enrollment.completed_at is not None:
        return enrollment.final_grade
    return summary.grade


def learner_grades(*, user, course: CoursePage) -> dict | None:
    """The "Calificaciones" page of ``course`` for ``user``: None when the user
    is not enrolled. Nine queries at most."""
    enrollment = latest_enrollment(user=user, course=course)
    if enrollment is None:
        return None
    summary = course_grade(course=course, enrollment_ids=[enrollment.pk])[enrollment.pk]
    completed = enrollment.completed_at is not None
    return {
        "course": course,
        "enrollment": enrollment,
        "summary": summary,
        "components": summary.components,
        "pending": summary.pending,
        "grade": final_grade_of(enrollment, summary),
        "grade_so_far": summary.grade_so_far,
        "completed": completed,
        "result": enrollment.result if completed else "",
        "result_label": result_label(enrollment, summary) if completed else "",
    }


# ------------------------------------------------------------------ gradebook
@dataclass(slots=True)
class GradebookRow:
    enrollment: Enrollment
    cells: list[ItemGrade]  # in the gradebook's column order
    components: dict[str, ComponentGrade]
    grade: Decimal | None
    result: str  # a label

    @property
    def name(self) -> str:
        return self.enrollment.user.full_name

    @property
    def email(self) -> str:
        return self.enrollment.user.email

    @property
    def cohort_name(self) -> str:
        cohort = self.enrollment.cohort
        return cohort.name if cohort else ""


@dataclass
class Gradebook:
    course: CoursePage
    items: list[GradedItem]
    component_keys: list[str]
    rows: list[GradebookRow]

    def __iter__(self) -> Iterator[GradebookRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def component_label(self, key: str) -> str:
        from .services.grades import COMPONENT_LABELS

        return str(COMPONENT_LABELS[key])


def gradebook(
    *, cohort_or_course: Cohort | CoursePage, enrollments: Iterable[Enrollment]
) -> Gradebook:
    """One row per enrollment (name order), one column per graded item, the
    component averages, the final grade and the result. ``enrollments`` is a
    queryset (limited by the caller to what the reader may see) or a list;
    at most ten queries for any number of learners and items."""
    if isinstance(cohort_or_course, Cohort):
        course = cohort_or_course.course
    else:
        course = cohort_or_course
    if hasattr(enrollments, "select_related"):
        enrollments = enrollments.filter(course=course).select_related("user", "cohort")
        if isinstance(cohort_or_course, Cohort):
            enrollments = enrollments.filter(cohort=cohort_or_course)
        enrollments = enrollments.order_by("user__full_name", "pk")
    enrollments = list(enrollments)
    items = graded_items(course)
    summaries = course_grade(
        course=course, enrollment_ids=[e.pk for e in enrollments], items=items
    )
    order = {item.id: index for index, item in enumerate(items)}
    rows = []
    component_keys: list[str] = []
    for enrollment in enrollments:
        summary = summaries[enrollment.pk]
        component_keys = [c.key for c in summary.components]
        cells = sorted(summary.items, key=lambda cell: order[cell.id])
        rows.append(
            GradebookRow(
                enrollment=enrollment,
                cells=cells,
                components={c.key: c for c in summary.components},
                grade=final_grade_of(enrollment, summary),
                result=result_label(enrollment, summary),
            )
        )
    if not rows:
        from .services.grades import effective_weights

        component_keys = list(
            effective_weights(course, {item.component for item in items})
        )
    return Gradebook(
        course=course, items=items, component_keys=component_keys, rows=rows
    )


def cell_text(cell: ItemGrade) -> str:
    """How a gradebook cell reads: "86.5" (a percentage), or the state."""
    if cell.percent is not None:
        return format_number(cell.percent)
    if cell.optional:
        return _("opcional")
    return cell.state_label


def format_number(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"
