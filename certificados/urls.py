from django.urls import path

from . import credential_views, views

app_name = "certificados"

urlpatterns = [
    path("verificar/", views.verify_view, name="verify"),
    # credentials branch: Open Badges 3.0 (before verificar/<code>/)
    path(
        "verificar/credencial/",
        credential_views.verify_credential_view,
        name="verify_credential",
    ),
    path("emisor/", credential_views.issuer_view, name="issuer"),
    path("emisor/claves.json", credential_views.jwks_view, name="jwks"),
    path(
        "emisor/claves/<slug:kid>.json",
        credential_views.key_view,
        name="credential_key",
    ),
    path("estado/<int:lista>/", credential_views.status_list_view, name="status_list"),
    path(
        "<int:pk>/credencial/",
        credential_views.download_credential_view,
        name="download_credential",
    ),
    path("verificar/<path:code>/", views.verify_code_view, name="verify_code"),
    path("<int:pk>/descargar/", views.download_view, name="download"),
]
