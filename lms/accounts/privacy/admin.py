"""Coordinators decide name-correction requests in the Wagtail admin (those
who may reissue certificates: ``certificados.manage_certificates``)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from lms.accounts.models import NameCorrectionRequest
from lms.accounts.ranks import manageable_users

from . import corrections

PERMISSION = "certificados.manage_certificates"


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motivo del rechazo (la persona lo verá)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Escriba el motivo del rechazo."),
            "max_length": gettext_lazy("Use 500 caracteres o menos."),
        },
    )


def _require(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _decidable(request):
    """Requests of the people the coordinator may manage (lms.accounts.ranks):
    never their own, nor a coordinator's or a superuser's, which only a
    superuser decides."""
    return NameCorrectionRequest.objects.filter(
        user__in=manageable_users(request.user).values("pk")
    ).exclude(user=request.user)


def index_view(request):
    _require(request)
    pending = list(
        _decidable(request)
        .filter(status=NameCorrectionRequest.Status.PENDING)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    decided = list(
        _decidable(request)
        .exclude(status=NameCorrectionRequest.Status.PENDING)
        .select_related("user", "decided_by")
        .order_by("-decided_at", "-pk")[:50]
    )
    return render(
        request,
        "accounts/admin/name_corrections.html",
        {"pending": pending, "decided": decided},
    )


def decide_view(request, pk: int):
    _require(request)
    correction = get_object_or_404(_decidable(request).select_related("user"), pk=pk)
    form = RejectForm(request.POST if request.POST.get("action") == "reject" else None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "approve":
                corrections.approve(correction=correction, by=request.user)
                messages.success(
                    request,
                    _(
                        "Nombre corregido. Sus certificados se están emitiendo de "
                        "nuevo; las versiones anteriores se conservan."
                    ),
                )
                return redirect("accounts_privacy_admin:name_corrections")
            if action == "reject" and form.is_valid():
                corrections.reject(
                    correction=correction,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Solicitud rechazada."))
                return redirect("accounts_privacy_admin:name_corrections")
            if action not in ("approve", "reject"):
                messages.error(request, _("Elija aprobar o rechazar."))
        except corrections.CorrectionError as error:
            messages.error(request, str(error))
        status = 400
    return render(
        request,
        "accounts/admin/name_correction.html",
        {
            "correction": correction,
            "form": form,
            "certificates": list(
                corrections.certificates_of(correction.user).order_by("pk")
            ),
        },
        status=status,
    )
