"""The coordinators' "Libro de calificaciones": one row per learner of a graded
course (or one edition of it), one column per graded item, the component
averages, the final grade and the result; CSV/XLSX export with safe cells."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from lms.spreadsheet import safe_cell

from ..models import Cohort, CoursePage, Enrollment
from ..selectors_grades import cell_text, format_number, gradebook
from .base import CoordinatorReportView


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
        self.book = gradebook(
            cohort_or_course=cohort or course, enrollments=enrollments.order_by()
        )
        return self.book.rows

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
        }
        for (name, _item), cell in zip(self.item_fields, row.cells, strict=True):
            values[name] = cell_text(cell)
        for name, key in self.component_fields:
            values[name] = format_number(row.components[key].average_so_far)
        return {field: values[field] for field in self.list_export}

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
