"""The common life of an edition, mounted at the site's root: "Avisos" and the
calendar (urls_avisos), announcements and forums (urls_foros), live sessions and
attendance (urls_sesiones). Names are in the "comunidad" namespace."""

from django.urls import include, path

app_name = "comunidad"

urlpatterns = [
    path("", include("comunidad.urls_avisos")),
    path("", include("comunidad.urls_foros")),
    path("", include("comunidad.urls_sesiones")),
]
