"""The coordinators' "Libro de calificaciones": one row per learner of a graded
course (or one edition of it), one column per graded item, the component
averages, the final grade and the result; CSV/XLSX export with safe cells.

Grades are computed for the rows that are shown: the page's learners are
chosen first (sorted on name and id), then graded; an export grades them in
chunks as it writes them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from lms.spreadsheet import safe_cell

from ..models import Cohort, CoursePage, Enrollment
from ..selectors_grades import (
    Gradebook,
    GradebookRow,
    cell_text,
    format_number,
    gradebook,
    result_label,
)
from ..services.grades import GradeSummary, SharedGrades, shared_course_grade
from .base import CoordinatorReportView

# Learners graded per round of queries in an export.
GRADE_CHUNK = 5000


def book_columns(cohort_or_course: Cohort | CoursePage) -> Gradebook:
    """The book's columns (graded items, components) without any row."""
    return gradebook(cohort_or_course=cohort_or_course, enrollments=[])


@dataclass
class SharedRows:
    """What the rows of one book share between chunks of an export: the
    grade summaries (``shared_course_grade``) and, per summary, its cells in
    the book's column order, its components by key and its grade."""

    grades: SharedGrades = field(default_factory=SharedGrades)
    parts: dict[int, tuple[list, dict, Decimal | None]] = field(default_factory=dict)


def book_rows(
    book: Gradebook, enrollments: list[Enrollment], shared: SharedRows | None = None
) -> list[GradebookRow]:
    """The rows of ``enrollments``, in their order, in ``book``'s columns: the
    same rows as ``gradebook`` builds, with ``course_grade``'s queries for
    these enrollments only (the book's items are not read again). Learners
    in the same position share their cells (``shared_course_grade``)."""
    shared = SharedRows() if shared is None else shared
    summaries = shared_course_grade(
        course=book.course,
        enrollment_ids=[e.pk for e in enrollments],
        items=book.items,
        shared=shared.grades,
    )
    return rows_of(book, enrollments, summaries, shared)


def rows_of(
    book: Gradebook,
    enrollments: Iterable[Enrollment],
    summaries: dict[int, GradeSummary],
    shared: SharedRows,
) -> list[GradebookRow]:
    """``GradebookRow`` of each enrollment from its (shared) summary."""
    order = {item.id: index for index, item in enumerate(book.items)}
    # The result's label depends on these two fields only: translated once
    # per pair, not once per row.
    results: dict[tuple[bool, str], str] = {}
    rows = []
    for enrollment in enrollments:
        summary = summaries[enrollment.pk]
        key = (enrollment.completed_at is None, enrollment.result)
        if key not in results:
            results[key] = result_label(enrollment, summary)
        parts = shared.parts.get(id(summary))
        if parts is None:
            parts = shared.parts[id(summary)] = (
                sorted(summary.items, key=lambda cell: order[cell.id]),
                {c.key: c for c in summary.components},
                summary.grade,
            )
        rows.append(
            GradebookRow(
                enrollment=enrollment,
                cells=parts[0],
                components=parts[1],
                # ``final_grade_of``, with the summary's grade computed once
                grade=(
                    enrollment.final_grade
                    if enrollment.completed_at is not None
                    else parts[2]
                ),
                result=results[key],
            )
        )
    return rows


def grades_in_id_order(
    book: Gradebook, enrollments, shared: SharedRows
) -> dict[int, GradeSummary]:
    """The (shared) summary of every enrollment of the queryset
    ``enrollments``, graded ``GRADE_CHUNK`` at a time in id order, each
    chunk's records read by id range (``grade_records``): a few queries of
    two parameters per chunk, and a dict of ids to shared summaries in
    memory, not the records."""
    ids = list(enrollments.order_by("pk").values_list("pk", flat=True))
    summaries: dict[int, GradeSummary] = {}
    for start in range(0, len(ids), GRADE_CHUNK):
        summaries.update(
            shared_course_grade(
                course=book.course,
                enrollment_ids=ids[start : start + GRADE_CHUNK],
                items=book.items,
                shared=shared.grades,
                by_range=True,
            )
        )
    return summaries


def cell_texts():
    """``cell_text`` remembered per (percent, optional, state), what its text
    depends on: a 50,000-row export asks for the same few labels 100,000
    times, and each translation lookup costs more than writing the cell."""
    texts: dict[tuple, str] = {}

    def text(cell) -> str:
        key = (cell.percent, cell.optional, cell.state)
        if key not in texts:
            texts[key] = cell_text(cell)
        return texts[key]

    return text


class EnrollmentValues:
    """What a gradebook row reads from an enrollment (``GradebookRow``,
    ``result_label``, ``final_grade_of``), from plain values: an export of
    50,000 learners does not build 150,000 model instances. One object per
    learner: it stands for its own ``user`` (``full_name``, ``email``) and
    ``cohort`` (``name``)."""

    __slots__ = ("pk", "full_name", "email", "name", "has_cohort", "completed_at")
    __slots__ += ("final_grade", "result")

    def __init__(self, pk, full_name, email, cohort_id, cohort_name, *rest):
        self.pk, self.full_name, self.email = pk, full_name, email
        self.has_cohort, self.name = cohort_id is not None, cohort_name
        self.completed_at, self.final_grade, self.result = rest

    @property
    def user(self) -> EnrollmentValues:
        return self

    @property
    def cohort(self) -> EnrollmentValues | None:
        return self if self.has_cohort else None


def enrollment_values(enrollments) -> Iterator[EnrollmentValues]:
    """``enrollments`` (a queryset) read in chunks as ``EnrollmentValues``."""
    for values in enrollments.values_list(
        "pk",
        "user__full_name",
        "user__email",
        "cohort_id",
        "cohort__name",
        "completed_at",
        "final_grade",
        "result",
    ).iterator(chunk_size=GRADE_CHUNK):
        yield EnrollmentValues(*values)


def graded_in_chunks(
    book: Gradebook, enrollments: Iterable[Enrollment]
) -> Iterator[GradebookRow]:
    """``book_rows`` of ``enrollments``, ``GRADE_CHUNK`` learners at a time.
    A queryset is graded first in id order (``grades_in_id_order``), then
    read in its own order as plain values and in chunks, so memory holds one
    summary reference per learner, never their records or instances."""
    size = GRADE_CHUNK
    shared = SharedRows()
    if hasattr(enrollments, "values_list"):
        summaries = grades_in_id_order(book, enrollments, shared)
        chunk = []
        for enrollment in enrollment_values(enrollments):
            chunk.append(enrollment)
            if len(chunk) >= size:
                yield from rows_of(book, chunk, summaries, shared)
                chunk = []
        if chunk:
            yield from rows_of(book, chunk, summaries, shared)
        return
    chunk = []
    for enrollment in enrollments:
        chunk.append(enrollment)
        if len(chunk) >= size:
            yield from book_rows(book, chunk, shared)
            chunk = []
    if chunk:
        yield from book_rows(book, chunk, shared)


def book_enrollments(enrollments, cohort_or_course: Cohort | CoursePage):
    """``enrollments`` (already limited to what the reader may see) of the
    course or edition, in the book's order (name, then id), with what a row
    shows; the same choice as ``gradebook`` makes from a queryset."""
    if isinstance(cohort_or_course, Cohort):
        enrollments = enrollments.filter(
            course=cohort_or_course.course, cohort=cohort_or_course
        )
    else:
        enrollments = enrollments.filter(course=cohort_or_course)
    return (
        enrollments.select_related("user", "cohort")
        .only(*ROW_FIELDS)
        .order_by("user__full_name", "pk")
    )


# What a row reads from its enrollment (``GradebookRow``, ``result_label``,
# ``final_grade_of``).
ROW_FIELDS = (
    "cohort__name",
    "user__full_name",
    "user__email",
    "completed_at",
    "final_grade",
    "result",
)


def graded_courses():
    return CoursePage.objects.filter(
        first_published_at__isnull=False, pass_mark__isnull=False
    ).order_by("title")


class GradebookFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Curso"), queryset=graded_courses(), empty_label=_("Elija un curso")
    )
    cohort = django_filters.ModelChoiceFilter(
        label=_("Edición"),
        queryset=Cohort.objects.filter(course__pass_mark__isnull=False).order_by(
            "course__title", "sort_order"
        ),
        empty_label=_("Todas"),
    )

    class Meta:
        model = Enrollment
        fields = ["course", "cohort"]


class GradebookReportView(CoordinatorReportView):
    page_title = _("Libro de calificaciones")
    header_icon = "table"
    index_url_name = "cursos_gradebook:gradebook"
    index_results_url_name = "cursos_gradebook:gradebook_results"
    filterset_class = GradebookFilterSet
    paginate_by = 100
    book = None

    @cached_property
    def choice(self) -> tuple[CoursePage | None, Cohort | None]:
        """The course (and edition) chosen in the filters."""
        filters = self.filters
        if not filters or not filters.is_valid():
            return None, None
        cohort = filters.form.cleaned_data.get("cohort")
        course = filters.form.cleaned_data.get("course")
        if cohort is not None:
            return cohort.course, cohort
        return course, None

    @cached_property
    def no_results_message(self):
        course, _cohort = self.choice
        if course is None:
            return _("Elija un curso calificado para ver su libro de calificaciones.")
        return _("Nadie está inscrito en este curso o edición.")

    def get_base_queryset(self):
        course, _cohort = self.choice
        if course is None:
            return Enrollment.objects.none()
        return Enrollment.objects.filter(course=course)

    def get_filtered_queryset(self):
        enrollments = super().get_filtered_queryset()
        course, cohort = self.choice
        if course is None:
            return []
        self.book = book_columns(cohort or course)
        return book_enrollments(enrollments.order_by(), cohort or course)

    def paginate_queryset(self, queryset, page_size):
        """The page's learners first, then their grades: one round of
        ``course_grade`` for the rows shown, whatever the course's size."""
        paginator, page, enrollments, is_paginated = super().paginate_queryset(
            queryset, page_size
        )
        if self.book is not None:
            page.object_list = book_rows(self.book, list(enrollments))
        return paginator, page, page.object_list, is_paginated

    def export_rows(self, queryset):
        if self.book is None:
            return
        self.cell_text = cell_texts()
        for row in graded_in_chunks(self.book, queryset):
            yield self.to_row_dict(row)

    cell_text = staticmethod(cell_text)

    # -------------------------------------------------------------- columns
    @property
    def item_fields(self) -> list[tuple[str, object]]:
        if self.book is None:
            return []
        return [(f"item_{item.id}", item) for item in self.book.items]

    @property
    def component_fields(self) -> list[tuple[str, str]]:
        if self.book is None:
            return []
        return [(f"promedio_{key}", key) for key in self.book.component_keys]

    @property
    def list_export(self):
        return [
            "name",
            "email",
            "cohort",
            *[name for name, _item in self.item_fields],
            *[name for name, _key in self.component_fields],
            "grade",
            "result",
        ]

    @property
    def export_headings(self):
        headings = {
            "name": _("Nombre"),
            "email": _("Correo"),
            "cohort": _("Edición"),
            "grade": _("Nota final"),
            "result": _("Resultado"),
        }
        # Item titles are authored text: made safe like every cell.
        headings.update(
            {name: safe_cell(item.title) for name, item in self.item_fields}
        )
        headings.update(
            {
                name: _("Promedio: %(componente)s")
                % {"componente": self.book.component_label(key)}
                for name, key in self.component_fields
            }
        )
        return headings

    def to_row_dict(self, row):
        values = {
            "name": row.name,
            "email": row.email,
            "cohort": row.cohort_name,
            "grade": format_number(row.grade),
            "result": row.result,
            **self.grade_values(row),
        }
        return values  # exactly the fields of ``list_export``

    def grade_values(self, row) -> dict[str, str]:
        """The row's item cells and component averages by field, remembered
        per shared list of cells (``shared_course_grade``): written once per
        position, not once per learner."""
        known = self.grade_texts.get(id(row.cells))
        if known is None or known[0] is not row.cells:
            values = {}
            for (name, _item), cell in zip(self.item_fields, row.cells, strict=True):
                values[name] = self.cell_text(cell)
            for name, key in self.component_fields:
                values[name] = format_number(row.components[key].average_so_far)
            # kept with the cells, so their id is not reused while it is here
            known = self.grade_texts[id(row.cells)] = (row.cells, values)
        return known[1]

    @cached_property
    def grade_texts(self) -> dict[int, tuple[list, dict[str, str]]]:
        return {}

    @property
    def columns(self):
        headings = self.export_headings
        return [
            Column(field, label=headings[field], accessor=self._accessor(field))
            for field in self.list_export
            if field != "email"
        ]

    def _accessor(self, field):
        return lambda row: self.to_row_dict(row)[field]

    def get_page_subtitle(self):
        course, cohort = self.choice
        if course is None:
            return ""
        return f"{course.title} · {cohort.name}" if cohort else course.title

    def get_filename(self):
        course, cohort = self.choice
        suffix = f"-edicion-{cohort.pk}" if cohort else ""
        return f"libro-calificaciones-{course.pk if course else 0}{suffix}"
