"""Routes of the foros part of comunidad (included by comunidad.urls):
announcements and the forums per module of an edition."""

from django.urls import path

from comunidad import views_foros as views

E = "ediciones/<int:cohort_id>/"

urlpatterns = [
    path(f"{E}foros/", views.forum_modules_view, name="foro-modulos"),
    path(f"{E}foros/<int:module_id>/", views.forum_module_view, name="foro-modulo"),
    path(
        f"{E}foros/<int:module_id>/nueva/",
        views.start_thread_view,
        name="foro-nuevo-hilo",
    ),
    path(f"{E}hilos/<int:thread_id>/", views.thread_view, name="foro-hilo"),
    path(
        f"{E}hilos/<int:thread_id>/responder/", views.reply_view, name="foro-responder"
    ),
    path(
        f"{E}hilos/<int:thread_id>/resolver/", views.resolve_view, name="foro-resolver"
    ),
    path(f"{E}hilos/<int:thread_id>/seguir/", views.subscribe_view, name="foro-seguir"),
    path(
        f"{E}mensajes/<int:post_id>/editar/", views.edit_post_view, name="foro-editar"
    ),
    path(
        f"{E}mensajes/<int:post_id>/reportar/",
        views.report_post_view,
        name="foro-reportar",
    ),
    path(
        f"{E}mensajes/<int:post_id>/ocultar/", views.hide_post_view, name="foro-ocultar"
    ),
    path(
        f"{E}mensajes/<int:post_id>/mantener/",
        views.dismiss_reports_view,
        name="foro-mantener",
    ),
    path(
        f"{E}adjuntos/<int:attachment_id>/",
        views.attachment_view,
        name="foro-adjunto",
    ),
    path(f"{E}reportes/", views.reports_view, name="foro-reportes"),
    path(f"{E}anuncios/", views.announcements_view, name="foro-anuncios"),
    path(
        f"{E}anuncios/publicar/",
        views.post_announcement_view,
        name="foro-anuncio-publicar",
    ),
    path(
        f"{E}anuncios/<int:announcement_id>/editar/",
        views.edit_announcement_view,
        name="foro-anuncio-editar",
    ),
    path(
        f"{E}anuncios/<int:announcement_id>/retirar/",
        views.withdraw_announcement_view,
        name="foro-anuncio-retirar",
    ),
    path(
        f"{E}anuncios/<int:announcement_id>/leido/",
        views.mark_read_view,
        name="foro-anuncio-leido",
    ),
    path(
        f"{E}anuncios/<int:announcement_id>/adjunto/",
        views.announcement_file_view,
        name="foro-anuncio-adjunto",
    ),
]
