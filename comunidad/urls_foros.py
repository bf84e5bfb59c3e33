"""Routes of the foros part of comunidad (included by comunidad.urls)."""

urlpatterns: list = []
