"""Routes of the sesiones part of comunidad (included by comunidad.urls)."""

urlpatterns: list = []
