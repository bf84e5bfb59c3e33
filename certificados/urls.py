from django.urls import path

from . import views

app_name = "certificados"

urlpatterns = [
    path("verificar/", views.verify_view, name="verify"),
    path("verificar/<path:code>/", views.verify_code_view, name="verify_code"),
    path("<int:pk>/descargar/", views.download_view, name="download"),
]
