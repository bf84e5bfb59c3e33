from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class RequireMFAForAdminMiddleware:
    """With ``REQUIRE_MFA_FOR_COORDINATORS``, anyone who may enter the Wagtail
    admin (coordinators and superusers) must have MFA turned on to do so.

    Without it they are sent to the page where they turn it on.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = getattr(settings, "WAGTAIL_ADMIN_PATH", "/admin/")

    def __call__(self, request):
        if self._must_set_up_mfa(request):
            messages.warning(
                request,
                _(
                    "Para entrar en la administración debe activar la verificación "
                    "en dos pasos (aplicación de autenticación)."
                ),
            )
            return redirect("mfa_index")
        return self.get_response(request)

    def _must_set_up_mfa(self, request) -> bool:
        if not settings.REQUIRE_MFA_FOR_COORDINATORS:
            return False
        if not request.path.startswith(self.admin_prefix):
            return False
        user = request.user
        if not user.is_authenticated:
            return False
        if not user.has_perm("wagtailadmin.access_admin"):
            return False
        return not is_mfa_enabled(user)
