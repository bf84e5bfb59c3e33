"""Routes of the avisos part of comunidad (included by comunidad.urls)."""

urlpatterns: list = []
