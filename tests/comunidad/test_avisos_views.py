""" "Avisos" pages: the list (only mine), opening one (no open redirect),
preferences, the unsubscribe link (one click without CSRF), the header count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comunidad.models import Notification, NotificationPreference
from comunidad.services import notifications as service
from comunidad.services.notifications import Kind, notify
from tests.factories import UserFactory
from tests.forms import post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory(full_name="Ana Tzul")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


def test_list_shows_only_mine_newest_first_unread_highlighted(signed_in, person):
    other = UserFactory()
    notify(users=[person], kind=Kind.REPLY, title="Primera respuesta", email=False)
    notify(users=[person], kind=Kind.GRADE, title="Segunda: su nota", email=False)
    notify(users=[other], kind=Kind.REPLY, title="Aviso de otra persona", email=False)
    html = signed_in.get("/avisos/").content.decode()
    assert "Aviso de otra persona" not in html
    assert html.index("Segunda: su nota") < html.index("Primera respuesta")
    assert html.count("aviso--unread") == 2
    assert "Marcar todas como leídas" in html


def test_list_needs_login(client):
    response = client.get("/avisos/")
    assert response.status_code == 302 and "/cuentas/login/" in response["Location"]


def test_markup_in_titles_is_escaped(signed_in, person):
    notify(
        users=[person],
        kind=Kind.REPLY,
        title="<script>alert(1)</script>",
        body="<b>negrita</b>",
        email=False,
    )
    html = signed_in.get("/avisos/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;negrita&lt;/b&gt;" in html


def test_pagination_twenty_a_page(signed_in, person):
    for i in range(25):
        notify(users=[person], kind=Kind.REPLY, title=f"Aviso número {i}", email=False)
    first = signed_in.get("/avisos/").content.decode()
    assert first.count('<li class="aviso') == 20
    second = signed_in.get("/avisos/?pagina=2").content.decode()
    assert second.count('<li class="aviso') == 5
    assert signed_in.get("/avisos/?pagina=x").status_code == 200


def test_mark_all_read(signed_in, person):
    notify(users=[person, person], kind=Kind.REPLY, title="Respuesta", email=False)
    other = UserFactory()
    notify(users=[other], kind=Kind.REPLY, title="De otra", email=False)
    response = post_form(signed_in, "/avisos/", {}, action="/avisos/")
    assert response.status_code == 302
    assert not Notification.objects.filter(user=person, read_at__isnull=True).exists()
    assert Notification.objects.get(user=other).read_at is None


def test_opening_mine_marks_read_and_redirects_to_its_page(signed_in, person):
    (mine,) = notify(
        users=[person],
        kind=Kind.GRADE,
        title="Nota",
        url="/mi-aprendizaje/",
        email=False,
    )
    response = signed_in.get(f"/avisos/{mine.pk}/")
    assert response.status_code == 302 and response["Location"] == "/mi-aprendizaje/"
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_opening_another_persons_notification_is_404(signed_in):
    (theirs,) = notify(users=[UserFactory()], kind=Kind.GRADE, title="x", email=False)
    assert signed_in.get(f"/avisos/{theirs.pk}/").status_code == 404
    assert signed_in.get("/avisos/999999/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize(
    "url",
    [
        "https://malo.example/robar",
        "//malo.example/robar",
        "/\\malo.example",
        "javascript:alert(1)",
        "",
    ],
)
def test_opening_never_redirects_off_site(signed_in, person, url):
    (mine,) = notify(users=[person], kind=Kind.REPLY, title="x", url=url, email=False)
    response = signed_in.get(f"/avisos/{mine.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/avisos/"


def test_header_shows_unread_count_and_updates(signed_in, person):
    html = signed_in.get("/mi-aprendizaje/").content.decode()
    assert 'href="/avisos/"' in html and "nav-count" not in html
    notify(users=[person] * 3, kind=Kind.REPLY, title="Respuesta", email=False)
    # notify drops the cached count after the commit (the test transaction
    # does not commit): what matters is that the count is per person.
    from django.core.cache import cache

    cache.delete(service.unread_cache_key(person.pk))
    html = signed_in.get("/mi-aprendizaje/").content.decode()
    assert '<span class="nav-count">3<span class="visually-hidden"> sin leer' in html
    service.mark_all_read(user=person)
    html = signed_in.get("/mi-aprendizaje/").content.decode()
    assert "nav-count" not in html


def test_header_count_is_cached(signed_in, person):
    signed_in.get("/avisos/preferencias/")
    with CaptureQueriesContext(connection) as queries:
        signed_in.get("/avisos/preferencias/")
    assert not any(
        '"comunidad_notification"' in q["sql"] for q in queries.captured_queries
    )


def test_anonymous_header_has_no_avisos_link(client):
    assert 'href="/avisos/"' not in client.get("/cuentas/login/").content.decode()


def _queries(client, url) -> int:
    client.get(url)  # warm caches (header count, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_avisos_page_query_count_is_flat(signed_in, person):
    notify(users=[person] * 3, kind=Kind.REPLY, title="a", email=False)
    small = _queries(signed_in, "/avisos/")
    notify(users=[person] * 40, kind=Kind.GRADE, title="b", email=False)
    large = _queries(signed_in, "/avisos/")
    assert small == large
    assert large <= 8


# ------------------------------------------------------------------ preferences
def test_preferences_form_saves_choices_and_shows_duties_fixed(signed_in, person):
    page = signed_in.get("/avisos/preferencias/").content.decode()
    assert 'name="respuesta"' in page and 'name="recordatorio"' not in page
    assert "Siempre se envían por correo" in page
    response = post_form(
        signed_in,
        "/avisos/preferencias/",
        {
            "respuesta": "resumen",
            "calificacion": "nunca",
            "anuncio": "inmediato",
            "sesion": "inmediato",
            "recordatorio": "nunca",
        },
    )
    assert response.status_code == 302
    stored = dict(
        NotificationPreference.objects.filter(user=person).values_list("kind", "email")
    )
    assert stored["respuesta"] == "resumen" and stored["calificacion"] == "nunca"
    assert "recordatorio" not in stored


def test_preferences_bad_value_is_refused_in_spanish(signed_in, person):
    response = post_form(
        signed_in,
        "/avisos/preferencias/",
        {"respuesta": "siempre", "calificacion": "nunca"},
    )
    assert response.status_code == 400
    assert "Elija una de las opciones" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=person).exists()


# ------------------------------------------------------------------ unsubscribe
def test_unsubscribe_get_shows_confirmation_and_changes_nothing(client, person):
    token = service.unsubscribe_token(user_id=person.pk, kind=Kind.ANNOUNCEMENT)
    response = client.get(f"/avisos/baja/{token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sí, darme de baja" in html and "Anuncios de la edición" in html
    assert not NotificationPreference.objects.exists()


def test_one_click_post_without_csrf_token_or_login(person):
    token = service.unsubscribe_token(user_id=person.pk, kind=Kind.ANNOUNCEMENT)
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        f"/avisos/baja/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert "ya no recibirá" in response.content.decode()
    pref = NotificationPreference.objects.get(user=person, kind=Kind.ANNOUNCEMENT)
    assert pref.email == NotificationPreference.Email.NEVER


def test_forged_unsubscribe_is_a_spanish_400(person):
    mail_client = Client(enforce_csrf_checks=True)
    token = service.unsubscribe_token(user_id=person.pk, kind=Kind.ANNOUNCEMENT)
    forged = token.replace(":", ":x", 1)
    for method in ("get", "post"):
        response = getattr(mail_client, method)(f"/avisos/baja/{forged}/")
        assert response.status_code == 400
        assert "no es válido" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_other_posts_still_need_csrf(person):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(person)
    assert strict.post("/avisos/", {}).status_code == 403
    assert (
        strict.post("/avisos/preferencias/", {"respuesta": "nunca"}).status_code == 403
    )
