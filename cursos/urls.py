from django.urls import path

from . import views

app_name = "cursos"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("inscribirse/<int:course_id>/", views.enroll_view, name="enroll"),
    path("completar/<int:lesson_id>/", views.complete_view, name="complete"),
    path("continuar/<int:course_id>/", views.continue_view, name="continue"),
]
