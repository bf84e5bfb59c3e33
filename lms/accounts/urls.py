from django.urls import path

from .views import ProfileView, download_my_data

app_name = "accounts"

urlpatterns = [
    path("perfil/", ProfileView.as_view(), name="profile"),
    path("perfil/mis-datos.json", download_my_data, name="my_data"),
]
