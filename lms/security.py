"""Request hygiene and security headers (issue 11).

- `RequestSizeLimitMiddleware`: a request whose declared length is over the limit
  of its route is answered 413 before anything reads its body.
- `RejectNulBytesMiddleware`: a NUL byte in the path, the query string or a form
  field is answered 400 (PostgreSQL refuses NUL in text; no view ever needs one).
- `ContentSecurityPolicyMiddleware`: django-csp's middleware with a second, looser
  policy for the Wagtail admin, which needs inline styles and scripts of its own.
- `PermissionsPolicyMiddleware`: the Permissions-Policy header.

The policies are defined here, once, and switched on by production settings
(`lms.settings.production`) and by the browser suite (`tests/e2e/conftest.py`),
so a page that CSP would break in production fails the e2e tests. Without those
settings (dev, unit tests) the two header middlewares add nothing.
"""

import logging

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.db import DataError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# --- policies -------------------------------------------------------------------
# Public site and learner pages: everything from our own origin, no inline script
# or style (styles live in static/css, scripts in static/js; SVG charts use
# presentation attributes, which CSP does not govern).
SITE_CSP = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "object-src": [NONE],
    "frame-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
# The Wagtail admin (8.0) still writes inline styles (style attributes from its
# widgets and the draftail editor) and a few inline scripts, uses blob:/data:
# images for upload previews, and shows live preview in a same-origin iframe.
ADMIN_CSP = {
    **SITE_CSP,
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "worker-src": [SELF, "blob:"],
    "frame-ancestors": [SELF],
}
ADMIN_PATH_PREFIX = "/admin/"

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# Passkeys are not used (MFA is TOTP + recovery codes): WebAuthn stays off.


def header_settings() -> dict:
    """The settings that switch the headers on (production and the e2e suite)."""
    return {
        "CONTENT_SECURITY_POLICY": {"DIRECTIVES": SITE_CSP},
        "CONTENT_SECURITY_POLICY_ADMIN": {"DIRECTIVES": ADMIN_CSP},
        "PERMISSIONS_POLICY": PERMISSIONS_POLICY,
    }


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the admin policy under /admin/ (when configured)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (
            not report_only
            and parts.config is None
            and admin
            and getattr(settings, "CONTENT_SECURITY_POLICY", None)
            and request.path_info.startswith(ADMIN_PATH_PREFIX)
        ):
            parts.config = dict(admin["DIRECTIVES"])
        elif (
            not report_only
            and parts.config is None
            and getattr(request, "is_dummy", False)
            and getattr(settings, "CONTENT_SECURITY_POLICY", None)
        ):
            # Wagtail's preview renders the page through the middleware chain
            # with a dummy request at the page's public URL, and the admin shows
            # that response in a same-origin iframe: the site's policy, but the
            # admin may frame it (frame-ancestors 'none' left preview blank).
            site = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.config = {**site, "frame-ancestors": [SELF]}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


# --- request size ---------------------------------------------------------------
DEFAULT_MAX_REQUEST_BYTES = 25 * 1024 * 1024  # admin document uploads
MULTIPART_OVERHEAD_BYTES = 64 * 1024


def route_limits() -> tuple[tuple[str, int], ...]:
    """(path prefix, max bytes) for routes with a smaller limit than the global."""
    from certificados.forms import MAX_PDF_BYTES

    return (("/certificados/verificar/", MAX_PDF_BYTES + MULTIPART_OVERHEAD_BYTES),)


# Routes allowed MORE than the global limit because their view refuses, from the
# declared length and before reading the body, anything over its own per-object
# limit (an assignment's files × MB, cursos.views_assignments.submit_view).
ASSIGNMENT_SUBMIT_PREFIX = "/mi-aprendizaje/tareas/"
ASSIGNMENT_SUBMIT_MAX_BYTES = 10 * 50 * 1024 * 1024 + 256 * 1024  # 10 files × 50 MB


def raised_route_limits() -> tuple[tuple[str, str, int], ...]:
    """(path prefix, path suffix, max bytes) for routes above the global limit."""
    return ((ASSIGNMENT_SUBMIT_PREFIX, "/entregar/", ASSIGNMENT_SUBMIT_MAX_BYTES),)


def _plain_error(status: int, title: str, message: str) -> HttpResponse:
    """An error page that needs no session, user or database (it may be answered
    before those middlewares run)."""
    html = render_to_string("error_plain.html", {"title": title, "message": message})
    return HttpResponse(html, status=status)


class RequestSizeLimitMiddleware:
    """Refuse a request from its declared Content-Length, before its body is read.

    Without a Content-Length Django reads no body at all (its WSGI stream is
    limited to the declared length), so the declared length is what counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.global_max = getattr(
            settings, "MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES
        )
        self.limits = route_limits()
        self.raised = raised_route_limits()

    def limit_for(self, path: str) -> int:
        for prefix, suffix, limit in self.raised:
            if path.startswith(prefix) and path.endswith(suffix):
                return limit
        for prefix, limit in self.limits:
            if path.startswith(prefix):
                return min(limit, self.global_max)
        return self.global_max

    def __call__(self, request):
        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            length = -1
        if length < 0:
            return _plain_error(
                400,
                _("Solicitud no válida"),
                _("La longitud declarada de la solicitud no es válida."),
            )
        limit = self.limit_for(request.path_info)
        if length > limit:
            return _plain_error(
                413,
                _("Archivo demasiado grande"),
                _(
                    "Lo que envió pesa más de lo permitido aquí (%(max)s MB como "
                    "máximo). Elija un archivo más pequeño e inténtelo de nuevo."
                )
                % {"max": f"{limit / (1024 * 1024):.0f}"},
            )
        return self.get_response(request)


# --- NUL bytes ------------------------------------------------------------------
def _has_nul(value: str) -> bool:
    return "\x00" in value


def reads_body_after_own_checks(view):
    """Marks a view that reads its body only after its own checks (a rate limit);
    `RejectNulBytesMiddleware` then leaves its form fields to the view's Django
    forms, which refuse NUL themselves (ProhibitNullCharactersValidator)."""
    view.reads_body_after_own_checks = True
    return view


class RejectNulBytesMiddleware:
    """Answer 400 to any request with a NUL byte in its path, query string or form
    fields (names or values).

    Refusing rather than stripping: a NUL byte is never typed by a person, so the
    request is a probe or a broken client, and silently changing what was sent
    could make a search or filter mean something else. File contents are not
    looked at (a PDF has NUL bytes); only the fields of a form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.path_info) or any(
            _has_nul(key) or any(_has_nul(v) for v in values)
            for key, values in request.GET.lists()
        ):
            return self._refuse(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or getattr(
            view_func, "reads_body_after_own_checks", False
        ):
            return None
        if any(
            _has_nul(key) or any(_has_nul(v) for v in values)
            for key, values in request.POST.lists()
        ):
            return self._refuse(request)
        return None

    @staticmethod
    def _refuse(request):
        return _plain_error(
            400,
            _("Solicitud no válida"),
            _(
                "La dirección o el formulario contienen un carácter nulo, que no "
                "se admite. Revise lo que escribió e inténtelo de nuevo."
            ),
        )


# --- values the database cannot hold ----------------------------------------------
class OutOfRangeInputMiddleware:
    """Answer 400 when a value from the request cannot even be looked up: an id
    in the URL larger than the database's integers (``OverflowError`` on SQLite,
    ``DataError`` on PostgreSQL). Listed last, so it sees the view's exception
    first; Wagtail's admin routes and ours alike, without a converter per route.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OverflowError | DataError):
            return None
        logger.warning("Valor fuera de rango en %s: %s", request.path, exception)
        return _plain_error(
            400,
            _("Solicitud no válida"),
            _(
                "La dirección o el formulario llevan un número demasiado grande. "
                "Revise el enlace e inténtelo de nuevo."
            ),
        )
