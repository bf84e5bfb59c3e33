from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("diccionario.<str:fmt>", views.dictionary_file, name="dictionary"),
    path("<str:table>.<str:fmt>", views.table_file, name="file"),
]
