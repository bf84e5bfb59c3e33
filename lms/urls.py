from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.generic import RedirectView
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


urlpatterns = [
    path("admin/login/", AdminLoginRedirect.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("cuentas/", include("lms.accounts.urls")),
    path("cuentas/", include("allauth.urls")),
    path("mi-aprendizaje/", include("cursos.urls")),
    path("certificados/", include("certificados.urls")),
    path("salud/", views.health, name="health"),
    path("buscar/", home_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "lms.views.bad_request"
handler403 = "lms.views.permission_denied"
handler404 = "lms.views.page_not_found"
handler500 = "lms.views.server_error"
