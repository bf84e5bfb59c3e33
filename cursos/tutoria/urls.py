from django.urls import include, path

from . import views

app_name = "tutoria"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("pendientes/", views.queue_view, name="queue"),
    path("ediciones/<int:cohort_id>/", views.edition_view, name="edition"),
    path(
        "ediciones/<int:cohort_id>/participantes/<int:enrollment_id>/",
        views.learner_view,
        name="learner",
    ),
    path("entregas/<int:submission_id>/", views.submission_view, name="submission"),
    path("", include("cursos.tutoria.gradebook_urls")),
]
