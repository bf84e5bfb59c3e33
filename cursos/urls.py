from django.urls import path

from . import views

app_name = "cursos"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("inscribirse/<int:course_id>/", views.enroll_view, name="enroll"),
    path("completar/<int:lesson_id>/", views.complete_view, name="complete"),
    path("continuar/<int:course_id>/", views.continue_view, name="continue"),
    path("lista-de-espera/<int:cohort_id>/", views.waitlist_view, name="waitlist"),
    path(
        "evaluaciones/<int:quiz_id>/comenzar/",
        views.start_quiz_view,
        name="start_quiz",
    ),
    path("evaluaciones/intentos/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path(
        "evaluaciones/intentos/<int:attempt_id>/resultado/",
        views.attempt_result_view,
        name="attempt_result",
    ),
]
