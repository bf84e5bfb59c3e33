from allauth.account.decorators import reauthentication_required
from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import UpdateView

from cursos.storage import private_file_response

from .forms import EraseAccountForm, ProfileForm
from .models import DataExport
from .privacy import corrections
from .privacy.erasure import erase_user
from .privacy.exports import downloadable, export_expiry_days, request_export


class ProfileView(LoginRequiredMixin, UpdateView):
    """The signed-in person edits their own profile, and nobody else's. With
    certificates issued, a new name becomes a request a coordinator decides."""

    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        self.original_name = self.request.user.full_name
        return self.request.user

    def get_context_data(self, **kwargs):
        user = self.request.user
        now = timezone.now()
        return super().get_context_data(
            exports=[
                e
                for e in DataExport.objects.filter(user=user)[:5]
                if e.expires_at is None or e.expires_at > now
            ],
            export_days=export_expiry_days(),
            pending_correction=corrections.pending_correction(user),
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        if "full_name" in form.changed_data and corrections.holds_certificates(user):
            new_name = form.cleaned_data["full_name"]
            form.instance.full_name = self.original_name
            corrections.request_name_correction(user=user, name=new_name)
            messages.info(
                self.request,
                _(
                    "Su nombre aparece en certificados ya emitidos: el cambio a "
                    "«%(nombre)s» quedó como solicitud para la coordinación. Cuando "
                    "la aprueben, sus certificados se emitirán de nuevo con ese nombre."
                )
                % {"nombre": new_name},
            )
        messages.success(self.request, _("Sus datos se guardaron."))
        return super().form_valid(form)


@login_required
@require_POST
def request_my_data(request):
    """Habeas data (Decreto 57-2008): ask for a copy of every personal datum."""
    request_export(user=request.user)
    messages.success(
        request,
        _(
            "Estamos preparando sus datos. Le avisaremos por correo cuando estén "
            "listos; el enlace de descarga aparecerá también en esta página."
        ),
    )
    return redirect(f"{reverse_lazy('accounts:profile')}#mis-datos")


# The page is self-contained (it is also a file the person keeps), so its
# styles are inline; everything the person wrote in it is escaped.
@csp_update({"style-src": ["'unsafe-inline'"]})
@login_required
def download_my_data(request, token: str, kind: str):
    """One file of the person's own export, while it has not expired."""
    export = downloadable(user=request.user, token=token)
    if export is None:
        raise Http404
    if export.expires_at is not None and export.expires_at <= timezone.now():
        return render(
            request,
            "accounts/privacy/export_expired.html",
            {"days": export_expiry_days()},
            status=410,
        )
    fieldfile = export.json_file if kind == "json" else export.html_file
    if export.status != DataExport.Status.READY or not fieldfile:
        raise Http404
    return private_file_response(
        fieldfile,
        as_attachment=kind == "json",
        filename=f"mis-datos-infom.{kind}",
        content_type=(
            "application/json; charset=utf-8"
            if kind == "json"
            else "text/html; charset=utf-8"
        ),
    )


@login_required
@reauthentication_required
def delete_my_account(request):
    """«Eliminar mi cuenta»: after confirming the password again, the person is
    anonymized (lms.accounts.privacy.erasure) and signed out."""
    user = request.user
    if user.is_superuser:
        return render(
            request,
            "accounts/privacy/delete_account.html",
            {"refused": True},
            status=403,
        )
    form = EraseAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erase_user(user, by=user)
        logout(request)
        messages.success(
            request,
            _(
                "Su cuenta fue eliminada. Sus datos personales se borraron; sus "
                "certificados siguen verificables, sin su nombre."
            ),
        )
        return redirect("/")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/privacy/delete_account.html",
        {"form": form, "holds_certificates": corrections.holds_certificates(user)},
        status=status,
    )
