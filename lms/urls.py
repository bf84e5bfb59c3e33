from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from lms import views


class AdminLoginRedirect(RedirectView):
    """The Wagtail admin signs people in through allauth's rate-limited login."""

    pattern_name = "account_login"
    query_string = True


class PasswordResetRedirect(RedirectView):
    """Passwords are reset only through allauth's rate-limited flow."""

    pattern_name = "account_reset_password"
    query_string = False


# Every door into a session is allauth's (MFA, rate limits, verified e-mail):
# Wagtail's own login and password-reset routes are shadowed by redirects,
# declared before the includes that would otherwise answer them.
# tests/security/test_auth_doors.py walks the resolver to keep it so.
allauth_only_doors = [
    path("admin/login/", AdminLoginRedirect.as_view()),
    path("_util/login/", AdminLoginRedirect.as_view()),
    re_path(r"^admin/password_reset/", PasswordResetRedirect.as_view()),
]

# Wagtail's deliberate error page (a 500 for anyone with admin access) is not
# served: a 404 like any other missing page.
hidden_admin_routes = [
    path("admin/failwhale/", views.page_not_found),
]

urlpatterns = [
    *allauth_only_doors,
    *hidden_admin_routes,
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("cuentas/", include("lms.accounts.urls")),
    path("cuentas/", include("allauth.urls")),
    path("mi-aprendizaje/", include("cursos.urls")),
    path("tutoria/", include("cursos.tutoria.urls")),
    path("", include("comunidad.urls")),
    path("certificados/", include("certificados.urls")),
    path("salud/", views.health, name="health"),
    path("buscar/", home_views.search, name="search"),
    path("datos-abiertos/archivos/", include("home.opendata.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # `make serve` and `make demo` (DEBUG off, so its error pages are the
    # Spanish ones) show their pictures; production serves media from storage.
    # Documents and certificate PDFs are never served straight from storage:
    # they go through views that ask who is asking (lms.documents, the owner's
    # download), so a path someone learnt gives nothing.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/"
            r"(?P<path>(?!documents/|certificados/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "lms.views.bad_request"
handler403 = "lms.views.permission_denied"
handler404 = "lms.views.page_not_found"
handler500 = "lms.views.server_error"
