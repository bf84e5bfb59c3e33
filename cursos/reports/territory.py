"""Territory: for the diploma, learners per department and municipality, and the
municipalities with no certified official yet."""

import django_filters
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.db.models.sql.constants import LOUTER
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_cte import CTE, with_cte
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from lms.accounts.models import Department, Municipality

from ..charts import bar_chart
from ..models import CoursePage, Enrollment
from .base import CoordinatorReportView

ISSUED = "emitido"


def diploma_courses():
    return CoursePage.objects.filter(
        kind=CoursePage.Kind.DIPLOMA, first_published_at__isnull=False
    ).order_by("path")


class TerritoryFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Diplomado"),
        queryset=diploma_courses(),
        method="filter_nothing",
        empty_label=None,
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Departamento"),
        queryset=Department.objects.order_by("code"),
        empty_label=_("Todos"),
    )
    reach = django_filters.ChoiceFilter(
        label=_("Municipios"),
        choices=[
            ("sin-certificados", _("Sin ningún funcionario certificado")),
            ("con-inscritos", _("Con personas inscritas")),
        ],
        method="filter_nothing",
        empty_label=_("Todos"),
    )

    class Meta:
        model = Municipality
        fields = ["course", "department", "reach"]

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied by the view, which needs the course first


class TerritoryReportView(CoordinatorReportView):
    page_title = _("Diplomado por territorio")
    header_icon = "site"
    index_url_name = "cursos_territory:municipalities"
    index_results_url_name = "cursos_territory:municipalities_results"
    results_template_name = "cursos/admin/report_results_with_summary.html"
    filterset_class = TerritoryFilterSet
    paginate_by = 50
    list_export = [
        "department.name",
        "name",
        "enrolled",
        "in_progress",
        "completed",
        "certified",
    ]
    export_headings = {
        "department.name": _("Departamento"),
        "name": _("Municipio"),
        "enrolled": _("Inscritos"),
        "in_progress": _("En curso"),
        "completed": _("Completaron"),
        "certified": _("Certificados"),
    }

    @cached_property
    def columns(self):
        return [
            Column("department.name", label=_("Departamento")),
            Column("name", label=_("Municipio")),
            Column("enrolled", label=_("Inscritos")),
            Column("in_progress", label=_("En curso")),
            Column("completed", label=_("Completaron")),
            Column("certified", label=_("Certificados")),
        ]

    @cached_property
    def course(self):
        chosen = None
        if self.filters is not None and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("course")
        return chosen or diploma_courses().first()

    def get_page_subtitle(self):
        return self.course.title if self.course else ""

    def get_queryset(self):
        """Each municipality with its enrollments in the diploma: counted once
        per municipality over the course's enrollments (a common table
        expression), then joined to the 340 municipalities, instead of
        grouping every municipality's users × enrollments × certificates."""
        if self.course is None:
            return Municipality.objects.none()
        counts = CTE(
            Enrollment.objects.filter(course=self.course)
            .values("user__municipality")
            .annotate(
                enrolled=Count("pk"),
                completed=Count("pk", filter=Q(completed_at__isnull=False)),
                certified=Count("pk", filter=Q(certificate__status=ISSUED)),
            )
            .order_by(),
            name="territory_counts",
        )
        municipalities = counts.join(
            Municipality.objects.select_related("department"),
            pk=counts.col.user__municipality,
            _join_type=LOUTER,
        )
        queryset = (
            with_cte(counts, select=municipalities)
            .annotate(
                enrolled=Coalesce(counts.col.enrolled, 0),
                completed=Coalesce(counts.col.completed, 0),
                certified=Coalesce(counts.col.certified, 0),
            )
            .annotate(in_progress=F("enrolled") - F("completed"))
            .order_by("code")
        )
        reach = self.request.GET.get("reach")
        if reach == "sin-certificados":
            queryset = queryset.exclude(
                Exists(
                    Enrollment.objects.filter(
                        course=self.course,
                        user__municipality=OuterRef("pk"),
                        certificate__status=ISSUED,
                    )
                )
            )
        elif reach == "con-inscritos":
            queryset = queryset.filter(
                Exists(
                    Enrollment.objects.filter(
                        course=self.course, user__municipality=OuterRef("pk")
                    )
                )
            )
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.course is None:
            return context
        by_department = {
            row["user__department"]: row
            # Only the certified enrollments are read (a department without
            # any gets 0 below).
            for row in Enrollment.objects.filter(
                course=self.course, certificate__status=ISSUED
            )
            .order_by()
            .values("user__department")
            .annotate(certified=Count("user", distinct=True))
        }
        departments = Department.objects.order_by("code").annotate(
            municipality_count=Count("municipalities"),
            uncertified=Count(
                "municipalities",
                filter=~Q(
                    Exists(
                        Enrollment.objects.filter(
                            course=self.course,
                            user__municipality=OuterRef("municipalities"),
                            certificate__status=ISSUED,
                        )
                    )
                ),
            ),
        )
        data, uncovered, total = [], 0, 0
        for department in departments:
            row = by_department.get(department.pk, {})
            data.append((department.name, row.get("certified", 0)))
            uncovered += department.uncertified
            total += department.municipality_count
        context["summary_chart"] = bar_chart(
            chart_id="certificados-por-departamento",
            title=_("Funcionarios certificados por departamento"),
            data=data,
            series=str(_("Certificados")),
        )
        context["summary_totals_title"] = _("Cobertura:")
        context["summary_totals"] = [
            (
                _("Municipios sin ningún funcionario certificado"),
                _("%(sin)s de %(total)s") % {"sin": uncovered, "total": total},
            )
        ]
        return context

    def get_filename(self):
        return "diplomado-por-territorio"
