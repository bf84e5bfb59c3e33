"""Admin wiring of the public site: the coordinators' unsuppressed open-data
report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cursos.reports.base import REPORTS_PERMISSION

from .opendata.report import OpenDataReportView

report_urls = [
    path("", OpenDataReportView.as_view(), name="index"),
    path(
        "resultados/",
        OpenDataReportView.as_view(results_only=True),
        name="index_results",
    ),
]


@hooks.register("register_admin_urls")
def register_opendata_report_urls():
    return [path("informes/datos-abiertos/", include((report_urls, "opendata_report")))]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORTS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_opendata_report_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Datos abiertos sin reservar"),
        reverse("opendata_report:index"),
        icon_name="table",
        order=98,
    )
