from django.urls import path

from .views import ProfileView, delete_my_account, download_my_data, request_my_data

app_name = "accounts"

urlpatterns = [
    path("perfil/", ProfileView.as_view(), name="profile"),
    path("perfil/mis-datos/", request_my_data, name="request_my_data"),
    path(
        "perfil/mis-datos/<str:token>/datos.json",
        download_my_data,
        {"kind": "json"},
        name="my_data_json",
    ),
    path(
        "perfil/mis-datos/<str:token>/datos.html",
        download_my_data,
        {"kind": "html"},
        name="my_data_html",
    ),
    path("perfil/eliminar-cuenta/", delete_my_account, name="delete_account"),
]
