"""What every coordinator report shares: who may read it, percentages computed in
SQL, and a column that prints them."""

from django.core.exceptions import PermissionDenied
from django.db.models import ExpressionWrapper, F, FloatField
from django.db.models.functions import Cast, NullIf
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from lms.spreadsheet import SafeSpreadsheetExportMixin

REPORTS_PERMISSION = "cursos.view_reports"


def percent_of(part, whole):
    return ExpressionWrapper(
        Cast(F(part), FloatField()) * 100.0 / NullIf(F(whole), 0),
        output_field=FloatField(),
    )


class CoordinatorReportView(SafeSpreadsheetExportMixin, ReportView):
    """Only coordinators and superusers (permission ``cursos.view_reports``).
    Exports neutralise cells a spreadsheet would run as formulas."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORTS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        return self.request.user.has_perm(REPORTS_PERMISSION)

    def get(self, request, *args, **kwargs):
        # An export needs the filtered rows, not the page around them:
        # Wagtail's ReportView builds the whole listing context first (the
        # table, ``len()`` of every row, each report's summary chart), which
        # loads the 50,000 rows into memory before the first byte leaves.
        if self.is_export:
            return self.as_spreadsheet(
                self.get_filtered_queryset(), request.GET.get("export")
            )
        return super().get(request, *args, **kwargs)


class RoundedColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return "—" if value is None else f"{value:.0f} %"


class DayColumn(Column):
    """A date or date-time as a calendar day ("24 nov. 2026"), not "hace 2 días"."""

    def get_value(self, instance):
        from django.utils import timezone
        from django.utils.formats import date_format

        value = super().get_value(instance)
        if not value:
            return "—"
        if hasattr(value, "tzinfo"):
            value = timezone.localtime(value)
        return date_format(value, "j M Y")
