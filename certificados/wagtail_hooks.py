"""Admin wiring for certificates: the template snippet (with a PDF preview), the
certificates listing (search, filters, CSV export), revoke, reissue, bulk
work for a cohort and an edition's certificates in one file (merged PDF or
ZIP), both with visible progress."""

import django_filters
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cursos.storage import private_file_response
from lms.spreadsheet import SafeSpreadsheetExportMixin

from .bundles import (
    CONTENT_TYPES,
    BundleError,
    download_name,
    manageable_cohorts,
    start_bundle,
    visible_bundles,
)
from .forms import RevokeForm
from .models import BulkIssueJob, Certificate, CertificateBundle, CertificateTemplate
from .services import CertificateError, reissue, revoke
from .tasks import start_bulk_job

MANAGE = "certificados.manage_certificates"


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = gettext_lazy("Plantillas de certificado")
    list_display = ["name", "title", "orientation"]


register_snippet(CertificateTemplateViewSet)


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Estado"), choices=Certificate.Status.choices
    )
    course_title = django_filters.CharFilter(
        label=gettext_lazy("Curso"), lookup_expr="icontains"
    )
    cohort_name = django_filters.CharFilter(
        label=gettext_lazy("Edición"), lookup_expr="icontains"
    )

    class Meta:
        model = Certificate
        fields = ["status", "course_title", "cohort_name"]


class ActionsColumn(Column):
    cell_template_name = "certificados/admin/actions_cell.html"


class CertificateRegistryPolicy(ModelPermissionPolicy):
    """The registry is read, never written, through the generic admin views.

    A certificate is created by ``issue_for``; its holder name changes only
    through "Volver a emitir" (``services.reissue``: the name comes from the
    validated profile, a new PDF version is rendered and the earlier ones are
    kept); it ends through "Revocar". So nobody, superusers included, may add or
    change a row here: the edit, add and copy views answer 403 and the listing
    links to the read-only inspect view. Deleting stays a plain permission."""

    READ_ONLY_ACTIONS = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        if action in self.READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [a for a in actions if a not in self.READ_ONLY_ACTIONS]
        return super().users_with_any_permission(actions)


register_permission_policy(Certificate, CertificateRegistryPolicy(Certificate))


class CertificateIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The registry listing; its CSV/XLSX export neutralises formulas (a holder
    name comes from the learner's profile)."""


class CertificateViewSet(ModelViewSet):
    model = Certificate
    index_view_class = CertificateIndexView
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificados")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    search_fields = ["holder_name", "code", "course_title", "cohort_name"]
    search_backend_name = None
    filterset_class = CertificateFilterSet
    list_display = [
        "holder_name",
        Column("display_code", label=gettext_lazy("Código")),
        "course_title",
        "cohort_name",
        "status",
        "issued_at",
        ActionsColumn("actions", label=gettext_lazy("Acciones")),
    ]
    list_export = [
        "holder_name",
        "display_code",
        "course_title",
        "hours",
        "cohort_name",
        "completed_on",
        "status",
        "version",
        "issued_at",
        "revoked_at",
        "revoke_reason",
        "verification_url",
    ]
    export_headings = {
        "holder_name": gettext_lazy("Nombre"),
        "display_code": gettext_lazy("Código"),
        "course_title": gettext_lazy("Curso"),
        "hours": gettext_lazy("Horas"),
        "cohort_name": gettext_lazy("Edición"),
        "completed_on": gettext_lazy("Fecha de finalización"),
        "status": gettext_lazy("Estado"),
        "version": gettext_lazy("Versión"),
        "issued_at": gettext_lazy("Emitido"),
        "revoked_at": gettext_lazy("Revocado"),
        "revoke_reason": gettext_lazy("Motivo"),
        "verification_url": gettext_lazy("Verificación"),
    }
    ordering = ["-created_at"]
    # Never used for writing (see CertificateRegistryPolicy); Wagtail requires
    # a form definition for every ModelViewSet.
    form_fields = ["holder_name"]
    inspect_view_fields = [
        "holder_name",
        "course_title",
        "hours",
        "cohort_name",
        "completed_on",
        "status",
        "version",
        "sha256",
        "issued_at",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
    ]


certificate_viewset = CertificateViewSet("registro-certificados")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


def _require_manage(request):
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied


def revoke_view(request, pk: int):
    _require_manage(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        revoke(
            certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Certificado revocado."))
        return redirect(certificate_viewset.get_url_name("index"))
    return render(
        request,
        "certificados/admin/revoke.html",
        {"certificate": certificate, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def reissue_view(request, pk: int):
    _require_manage(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    if request.method == "POST":
        try:
            reissue(certificate=certificate)
        except CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Se está generando la versión corregida; el código no cambia."),
            )
        return redirect(certificate_viewset.get_url_name("index"))
    return render(
        request, "certificados/admin/reissue.html", {"certificate": certificate}
    )


def _bulk_page(request, *, status: int = 200):
    # Editions of courses that were never published have nobody to certify.
    cohorts = manageable_cohorts(request.user).select_related("course")
    jobs = BulkIssueJob.objects.select_related("cohort").order_by("-created_at")[:10]
    bundles = visible_bundles(request.user).order_by("-created_at")[:10]
    return render(
        request,
        "certificados/admin/bulk.html",
        {
            "cohorts": cohorts.order_by("-starts_on"),
            "jobs": jobs,
            "kinds": BulkIssueJob.Kind.choices,
            "bundles": bundles,
            "formats": CertificateBundle.Format,
            "keep_days": settings.CERTIFICATE_BUNDLE_KEEP_DAYS,
        },
        status=status,
    )


def bulk_view(request):
    _require_manage(request)
    if request.method == "POST":
        cohorts = manageable_cohorts(request.user)
        cohort = cohorts.filter(pk=_int(request.POST.get("cohort"))).first()
        kind = request.POST.get("kind")
        if cohort is None or kind not in BulkIssueJob.Kind.values:
            messages.error(request, _("Elija una edición y qué hacer."))
        else:
            job = start_bulk_job(cohort=cohort, kind=kind, created_by=request.user)
            return redirect("certificados_admin:bulk_job", job.pk)
    return _bulk_page(request)


def _int(raw) -> int:
    """An id typed in a form; anything that is not one finds nothing."""
    return int(raw) if isinstance(raw, str) and raw.isascii() and raw.isdigit() else 0


def bulk_job_view(request, pk: int):
    _require_manage(request)
    job = get_object_or_404(BulkIssueJob.objects.select_related("cohort"), pk=pk)
    return render(request, "certificados/admin/bulk_job.html", {"job": job})


@require_POST
def bundle_start_view(request):
    """ "Descargar todos": start (or find the pending) merged PDF or ZIP of an
    edition, then show its progress."""
    _require_manage(request)
    cohort = manageable_cohorts(request.user).filter(
        pk=_int(request.POST.get("cohort"))
    )
    cohort = cohort.select_related("course").first()
    if cohort is None:
        messages.error(request, _("Elija una edición."))
        return _bulk_page(request, status=400)
    try:
        bundle = start_bundle(
            cohort=cohort, format=request.POST.get("format"), created_by=request.user
        )
    except BundleError as error:
        messages.error(request, str(error))
        return _bulk_page(request, status=400)
    return redirect("certificados_admin:bundle", bundle.pk)


@require_GET
def bundle_view(request, pk: int):
    """The progress of a bundle, refreshed every 3 seconds while it is being
    prepared (a meta refresh and an "Actualizar" link: no script needed)."""
    _require_manage(request)
    bundle = get_object_or_404(visible_bundles(request.user), pk=pk)
    return render(
        request,
        "certificados/admin/bundle.html",
        {
            "bundle": bundle,
            "keep_days": settings.CERTIFICATE_BUNDLE_KEEP_DAYS,
            "download_name": download_name(bundle),
        },
    )


@require_GET
def bundle_file_view(request, pk: int):
    """The ready file, from private storage, as an attachment; 404 for ids
    outside the editions the user manages and for bundles not ready."""
    _require_manage(request)
    bundle = get_object_or_404(
        visible_bundles(request.user),
        pk=pk,
        status=CertificateBundle.Status.READY,
    )
    return private_file_response(
        bundle.file,
        filename=download_name(bundle),
        content_type=CONTENT_TYPES[bundle.format],
    )


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    from django.urls import include

    urls = [
        path("<int:pk>/revocar/", revoke_view, name="revoke"),
        path("<int:pk>/reemitir/", reissue_view, name="reissue"),
        path("masivo/", bulk_view, name="bulk"),
        path("masivo/<int:pk>/", bulk_job_view, name="bulk_job"),
        path("descargas/", bundle_start_view, name="bundle_start"),
        path("descargas/<int:pk>/", bundle_view, name="bundle"),
        path("descargas/<int:pk>/archivo/", bundle_file_view, name="bundle_file"),
    ]
    return [path("certificados-acciones/", include((urls, "certificados_admin")))]


@hooks.register("register_admin_menu_item")
def register_bulk_menu_item():
    from wagtail.admin.menu import MenuItem

    class ManageMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(MANAGE)

    return ManageMenuItem(
        gettext_lazy("Emisión y descargas"),
        reverse("certificados_admin:bulk"),
        icon_name="doc-full-inverse",
        order=260,
    )
