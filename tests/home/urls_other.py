"""A second URLconf for tests/home/test_cached_url.py: the same route name at
another path."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("otra/busqueda/", lambda request: HttpResponse(), name="search")]
