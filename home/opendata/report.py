"""Coordinators' report: the open-data tables with their true counts (no
suppression), per municipality, post group, department, institution type,
edition and month; CSV/XLSX export as every report. Same permission as the
course reports (``cursos.view_reports``)."""

from __future__ import annotations

from types import SimpleNamespace

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from cursos.reports.base import CoordinatorReportView

from .aggregate import COVERED, MEASURES
from .page import MEASURE_LABELS
from .snapshot import unsuppressed_dataset

TABLE_CHOICES = (
    ("municipios", _("Por municipio")),
    ("cargos", _("Por cargo")),
    ("departamentos", _("Por departamento")),
    ("instituciones", _("Por tipo de institución")),
    ("ediciones", _("Por edición")),
    ("meses", _("Por mes de inscripción")),
)
LABEL_HEADINGS = {
    "codigo_ine": _("Código INE"),
    "codigo_ine_departamento": _("Código INE del departamento"),
    "departamento": _("Departamento"),
    "municipio": _("Municipio"),
    "codigo": _("Código"),
    "tipo_de_institucion": _("Tipo de institución"),
    "cargo": _("Cargo"),
    "curso": _("Curso"),
    "edicion": _("Edición"),
    "inicio": _("Inicio"),
    "mes": _("Mes"),
}


class OpenDataReportView(CoordinatorReportView):
    page_title = _("Datos abiertos sin reservar")
    header_icon = "table"
    index_url_name = "opendata_report:index"
    index_results_url_name = "opendata_report:index_results"
    results_template_name = "cursos/admin/report_results_with_summary.html"
    paginate_by = 400

    @cached_property
    def table_slug(self) -> str:
        chosen = self.request.GET.get("cuadro", "")
        return chosen if chosen in dict(TABLE_CHOICES) else "municipios"

    @cached_property
    def dataset(self):
        return unsuppressed_dataset()

    @cached_property
    def table(self):
        return self.dataset.table(self.table_slug)

    @cached_property
    def list_export(self):
        return list(self.table.columns)

    @cached_property
    def export_headings(self):
        headings = dict(LABEL_HEADINGS)
        headings.update({m: MEASURE_LABELS[m] for m in (*MEASURES, COVERED)})
        return headings

    @cached_property
    def columns(self):
        return [
            Column(name, label=self.export_headings[name])
            for name in self.table.columns
        ]

    def get_queryset(self):
        rows = []
        for row in self.table.rows:
            values = dict(zip(self.table.label_columns, row.labels, strict=True))
            for column, key in zip(self.table.measure_columns, row.cells, strict=False):
                values[column] = self.dataset.raw(key)
            for column in self.table.measure_columns[len(row.cells) :]:
                values[column] = None
            rows.append(SimpleNamespace(**values))
        return rows

    def get_page_subtitle(self):
        return dict(TABLE_CHOICES)[self.table_slug]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        base = reverse(self.index_url_name)
        context["summary_totals_title"] = _("Sin reserva de cifras pequeñas:")
        context["summary_totals"] = [
            (
                _("Uso interno"),
                _(
                    "estas cifras no se publican; la página pública muestra «<5» "
                    "y «reservado»."
                ),
            )
        ]
        context["summary_links_title"] = _("Cuadros")
        context["summary_links"] = [
            (label, f"{base}?cuadro={slug}") for slug, label in TABLE_CHOICES
        ]
        return context

    def get_filename(self):
        return f"datos-sin-reservar-{self.table_slug}"
