from django.urls import path

from . import views, views_assignments, views_grades

app_name = "cursos"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("inscribirse/<int:course_id>/", views.enroll_view, name="enroll"),
    path("completar/<int:lesson_id>/", views.complete_view, name="complete"),
    path("continuar/<int:course_id>/", views.continue_view, name="continue"),
    path("lista-de-espera/<int:cohort_id>/", views.waitlist_view, name="waitlist"),
    path(
        "cursos/<int:course_id>/calificaciones/",
        views_grades.grades_view,
        name="grades",
    ),
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
    path(
        "tareas/<int:page_id>/entregar/",
        views_assignments.submit_view,
        name="assignment-submit",
    ),
    path(
        "entregas/archivos/<int:file_id>/",
        views_assignments.submission_file_view,
        name="submission-file",
    ),
]
