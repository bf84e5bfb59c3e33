from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

SET_UP_MFA = "set-up"
CONFIRM_MFA = "confirm"


def session_passed_mfa(request, user) -> bool:
    """True when *this session* completed allauth's second factor for ``user``
    (at sign-in or by re-authenticating). allauth keeps those records in the
    session, tied to the user; a session opened any other way has none."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, user)
    )


class RequireMFAForAdminMiddleware:
    """With ``REQUIRE_MFA_FOR_COORDINATORS``, anyone who may enter the Wagtail
    admin (coordinators and superusers) must have MFA turned on *and* have
    passed it in this session before any admin URL answers.

    Without MFA they are sent to turn it on; with MFA but a session that signed
    in with the password only, to allauth's MFA re-authentication, which brings
    them back. Requests a redirect cannot serve (XHR, JSON, POST, exports) get a
    403 and never the data.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = getattr(settings, "WAGTAIL_ADMIN_PATH", "/admin/")

    def __call__(self, request):
        missing = self._missing_step(request)
        if missing is None:
            return self.get_response(request)
        if missing == SET_UP_MFA:
            message = _(
                "Para entrar en la administración debe activar la verificación "
                "en dos pasos (aplicación de autenticación)."
            )
            target = reverse("mfa_index")
        else:
            message = _(
                "Para entrar en la administración confirme su identidad con el "
                "código de su aplicación de autenticación."
            )
            target = (
                reverse("mfa_reauthenticate")
                + "?"
                + urlencode({"next": request.get_full_path()})
            )
        if not self._can_follow_redirect(request):
            return JsonResponse({"error": message, "redirect": target}, status=403)
        messages.warning(request, message)
        return redirect(target)

    def _missing_step(self, request) -> str | None:
        if not settings.REQUIRE_MFA_FOR_COORDINATORS:
            return None
        if not request.path.startswith(self.admin_prefix):
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        if request.path == reverse("wagtailadmin_logout"):
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None
        if not is_mfa_enabled(user):
            return SET_UP_MFA
        if not session_passed_mfa(request, user):
            return CONFIRM_MFA
        return None

    @staticmethod
    def _can_follow_redirect(request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return False
        return "application/json" not in request.headers.get("accept", "")
