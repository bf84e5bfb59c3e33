"""The project's URLs plus a bare view, the yardstick for page costs."""

from django.http import HttpResponse
from django.urls import path

from lms.urls import urlpatterns as project_urlpatterns


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare), *project_urlpatterns]
