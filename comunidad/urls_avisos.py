"""Routes of the avisos part of comunidad (included by comunidad.urls):
"Avisos", e-mail preferences, unsubscribe links and the personal calendar."""

from django.urls import path

from comunidad import views_avisos as views

urlpatterns = [
    path("avisos/", views.avisos, name="avisos"),
    path("avisos/preferencias/", views.preferences, name="avisos-preferencias"),
    path("avisos/baja/<str:token>/", views.unsubscribe, name="avisos-baja"),
    path(
        "avisos/<int:notification_id>/",
        views.open_notification,
        name="avisos-abrir",
    ),
    path("calendario/", views.calendar_page, name="avisos-calendario"),
    path(
        "calendario/<slug:token>.ics",
        views.calendar_feed,
        name="avisos-calendario-ics",
    ),
]
