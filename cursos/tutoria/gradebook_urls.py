"""Included by the tutor area under the "tutoria" namespace."""

from django.urls import path

from .gradebook import gradebook_view

urlpatterns = [
    path("ediciones/<int:cohort_id>/calificaciones/", gradebook_view, name="gradebook"),
]
