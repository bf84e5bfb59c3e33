"""Announcements through the client: the list, publishing with the form,
unread ones at the top of the course page and "Mi aprendizaje", access."""

import pytest

from comunidad.models import Announcement
from comunidad.services import announcements as svc
from tests.comunidad.foros_data import PDF, as_user, edition, upload
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed():
    return edition()


def list_url(ed):
    return f"/ediciones/{ed.cohort.pk}/anuncios/"


def post(ed, **kwargs):
    return svc.post_announcement(
        cohort=ed.cohort,
        author=ed.tutor,
        title=kwargs.pop("title", "Bienvenida"),
        body=kwargs.pop("body", "Empezamos el lunes."),
        **kwargs,
    )


def test_tutor_publishes_with_the_form(ed):
    response = post_form(
        as_user(ed.tutor),
        list_url(ed),
        {"titulo": "Cambio de horario", "texto": "Ahora a las 9:00"},
        action=list_url(ed) + "publicar/",
        follow=True,
    )
    assert response.status_code == 200
    assert "Cambio de horario" in response.content.decode()
    assert Announcement.objects.get().author == ed.tutor


def test_learners_see_no_form_and_cannot_post(ed):
    client = as_user(ed.learner)
    html = client.get(list_url(ed)).content.decode()
    assert "Publicar anuncio" not in html
    data = {"csrfmiddlewaretoken": csrf_token(client, "/cuentas/perfil/")}
    response = client.post(list_url(ed) + "publicar/", data)
    assert response.status_code == 403
    assert not Announcement.objects.exists()


def test_unread_at_the_top_until_marked_read(ed):
    announcement = post(ed, title="Aviso <b>importante</b>")
    client = as_user(ed.learner)
    for url in (ed.course.url, "/mi-aprendizaje/"):
        html = client.get(url).content.decode()
        assert "Anuncios sin leer" in html, url
        assert "Aviso &lt;b&gt;importante&lt;/b&gt;" in html
    response = post_form(
        client,
        ed.course.url,
        {"siguiente": ed.course.url},
        action=f"/ediciones/{ed.cohort.pk}/anuncios/{announcement.pk}/leido/",
    )
    assert response.status_code == 302
    assert response["Location"] == ed.course.url
    for url in (ed.course.url, "/mi-aprendizaje/"):
        assert "Anuncios sin leer" not in client.get(url).content.decode()


def test_mark_read_refuses_an_outside_next(ed):
    announcement = post(ed)
    response = post_form(
        as_user(ed.learner),
        list_url(ed),
        {"siguiente": "//malicioso.example/"},
        action=f"/ediciones/{ed.cohort.pk}/anuncios/{announcement.pk}/leido/",
    )
    assert response["Location"] == list_url(ed)


def test_withdrawn_announcements_disappear_for_learners(ed):
    announcement = post(ed, title="Se canceló")
    svc.withdraw_announcement(announcement=announcement, user=ed.tutor)
    assert "Se canceló" not in as_user(ed.learner).get(list_url(ed)).content.decode()
    assert "retirado" in as_user(ed.tutor).get(list_url(ed)).content.decode()
    assert (
        "Anuncios sin leer"
        not in as_user(ed.learner).get("/mi-aprendizaje/").content.decode()
    )


def test_edit_and_withdraw_through_the_forms(ed):
    announcement = post(ed)
    edit = f"/ediciones/{ed.cohort.pk}/anuncios/{announcement.pk}/editar/"
    assert as_user(ed.learner).get(edit).status_code == 404
    response = post_form(
        as_user(ed.tutor), edit, {"titulo": "Bienvenida corregida", "texto": "Lunes"}
    )
    assert response.status_code == 302
    announcement.refresh_from_db()
    assert announcement.title == "Bienvenida corregida"
    response = post_form(
        as_user(ed.tutor),
        list_url(ed),
        {},
        action=f"/ediciones/{ed.cohort.pk}/anuncios/{announcement.pk}/retirar/",
    )
    assert response.status_code == 302
    announcement.refresh_from_db()
    assert announcement.withdrawn_at is not None


def test_attachment_for_the_edition_only(ed, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    evil = "<img src=x onerror=alert(1)>"
    announcement = post(ed, attachment=upload(f"{evil}.pdf", PDF))
    url = f"/ediciones/{ed.cohort.pk}/anuncios/{announcement.pk}/adjunto/"
    html = as_user(ed.learner).get(list_url(ed)).content.decode()
    assert evil not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in html
    response = as_user(ed.learner).get(url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    other = edition()
    assert as_user(other.learner).get(url).status_code == 404
    assert as_user(other.learner).get(list_url(ed)).status_code == 404
    assert (
        as_user(other.learner)
        .get(f"/ediciones/{other.cohort.pk}/anuncios/{announcement.pk}/adjunto/")
        .status_code
        == 404
    )
    response = as_user(None).get(url)
    assert "/cuentas/login/" in response["Location"]


def test_list_queries_are_flat(ed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(ed.learner)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(list_url(ed)).status_code == 200
        return len(captured)

    for i in range(3):
        post(ed, title=f"A{i}")
    client.get(list_url(ed))
    small = count()
    for i in range(37):
        post(ed, title=f"B{i}")
    assert count() == small
