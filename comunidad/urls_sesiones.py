"""Routes of the sesiones part of comunidad (included by comunidad.urls)."""

from django.urls import path

from . import views_sesiones as views

urlpatterns = [
    path(
        "ediciones/<int:cohort_id>/sesiones/",
        views.session_list_view,
        name="sesion-lista",
    ),
    path(
        "ediciones/<int:cohort_id>/sesiones/nueva/",
        views.session_create_view,
        name="sesion-nueva",
    ),
    path(
        "ediciones/<int:cohort_id>/sesiones/<int:session_id>/editar/",
        views.session_edit_view,
        name="sesion-editar",
    ),
    path(
        "ediciones/<int:cohort_id>/sesiones/<int:session_id>/cancelar/",
        views.session_cancel_view,
        name="sesion-cancelar",
    ),
    path(
        "ediciones/<int:cohort_id>/sesiones/<int:session_id>/asistencia/",
        views.attendance_view,
        name="sesion-asistencia",
    ),
]
