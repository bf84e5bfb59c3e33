"""Bad input never gives a 5xx: NUL bytes (refused with a 400 page in Spanish),
oversized uploads (413 from the declared length, body unread) and rate-limited
verification uploads (429, body unread)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory

from home import views as home_views
from lms.accounts.models import User
from tests.factories import news_article, news_index
from tests.forms import csrf_token

pytestmark = pytest.mark.django_db
NUL_MESSAGE = "carácter nulo"


class ExplodingInput:
    """A WSGI input that fails the test if anything reads the body."""

    def read(self, *args):
        raise AssertionError("the request body was read")

    readline = read

    def __iter__(self):
        raise AssertionError("the request body was read")


@pytest.mark.parametrize(
    "url",
    [
        "/buscar/?q=municipio%00",
        "/buscar/?q=%00",
        "/noticias/?etiqueta=datos%00",
        "/noticias/?categoria=%00",
        "/noticias/?pagina=1%00",
        "/noticias/?%00=1",
        "/certificados/verificar/abc%00def/",
        "/cursos/%00/",
    ],
)
def test_a_nul_byte_in_the_url_is_a_400_in_spanish(client, url):
    news_index()
    response = client.get(url)
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()


def test_a_nul_byte_in_a_form_field_is_refused_and_changes_nothing(csrf_client):
    from tests.forms import post_form

    response = post_form(
        csrf_client,
        "/cuentas/signup/",
        {
            "email": "nul@example.com",
            "password1": "Clave-muy-segura-2026",
            "password2": "Clave-muy-segura-2026",
            "full_name": "Ana\x00 Pérez",
        },
    )
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()
    assert not User.objects.filter(email="nul@example.com").exists()


def _views_hold_without_the_middleware():
    """The two views that reached the database with a NUL byte hold on their
    own (called directly, without the middleware in front of them)."""
    factory = RequestFactory()
    request = factory.get("/buscar/", {"q": "agua\x00"})
    request.user = AnonymousUser()
    response = home_views.search(request)
    assert response.status_code == 400
    assert "carácter no válido" in response.content.decode()

    index = news_index()
    news_article(tags=["datos"])
    request = factory.get(index.url, {"etiqueta": "datos\x00"})
    request.user = AnonymousUser()
    response = index.serve(request)
    response.render()
    assert response.status_code == 200
    assert "No existe esa categoría o etiqueta" in response.content.decode()


def test_search_and_tag_filter_hold_nul_bytes_on_their_own():
    _views_hold_without_the_middleware()


@pytest.mark.integration
def test_nul_bytes_on_postgresql(client):
    from tests.integration.conftest import require_postgresql

    require_postgresql()
    _views_hold_without_the_middleware()
    for url in ("/buscar/?q=a%00b", "/noticias/?etiqueta=%00"):
        assert client.get(url).status_code == 400


# --- request bodies ---------------------------------------------------------------
VERIFY = "/certificados/verificar/"


def _post_unreadable(client, url, declared_length):
    # A browser that opened the form holds the CSRF cookie, so Django's CSRF
    # check would read the body looking for the token: only the size and rate
    # checks placed before it keep the body unread.
    if "csrftoken" not in client.cookies:
        csrf_token(client, VERIFY)
    # With no data the test client sets neither type nor length: give both.
    return client.generic(
        "POST",
        url,
        **{
            "wsgi.input": ExplodingInput(),
            "CONTENT_LENGTH": str(declared_length),
            "CONTENT_TYPE": "multipart/form-data; boundary=limite",
        },
    )


def test_the_exploding_input_does_explode_when_a_view_reads_it(client):
    """The probe below is real: a request within limits is read, and explodes."""
    with pytest.raises(AssertionError, match="body was read"):
        _post_unreadable(client, VERIFY, 1000)


def test_an_upload_over_the_route_limit_is_refused_before_its_body_is_read(client):
    response = _post_unreadable(client, VERIFY, 6 * 1024 * 1024)
    assert response.status_code == 413
    assert "pesa más de lo permitido" in response.content.decode()


def test_any_route_refuses_a_body_over_the_global_limit(client):
    for url in ("/cuentas/ingresar/", "/admin/documents/multiple/add/", "/"):
        response = _post_unreadable(client, url, 200 * 1024 * 1024)
        assert response.status_code == 413


def test_a_malformed_content_length_is_a_400(client):
    response = client.generic(
        "POST", VERIFY, b"", content_type="text/plain", CONTENT_LENGTH="mucho"
    )
    assert response.status_code == 400


def test_a_rate_limited_client_is_refused_before_its_body_is_read(client):
    for _ in range(40):
        if client.get(VERIFY).status_code == 429:
            break
    else:
        pytest.fail("the verification page never reached its rate limit")

    response = _post_unreadable(client, VERIFY, 1000)

    assert response.status_code == 429


def test_verification_still_checks_csrf_after_the_rate_limit(csrf_client):
    response = csrf_client.post(VERIFY, {"codigo-code": "ABC"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/mi-aprendizaje/continuar/99999999999999999999999999/",
        "/certificados/99999999999999999999999999/descargar/",
        "/admin/pages/99999999999999999999999999/",
        "/admin/users/edit/99999999999999999999999999/",
    ],
)
def test_an_id_too_large_for_the_database_is_never_a_5xx(client, url):
    client.force_login(User.objects.create_superuser("raiz@infom.gob.gt", "x"))
    response = client.get(url)
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "demasiado grande" in response.content.decode()


def test_an_id_the_database_cannot_hold_is_answered_in_spanish(client, participant):
    # SQLite raises OverflowError (→ 400 with this message); Django answers
    # PostgreSQL's out-of-range lookups with no rows (→ 404). Never a 500.
    client.force_login(participant)
    response = client.get("/mi-aprendizaje/continuar/99999999999999999999999999/")
    if connection.vendor == "sqlite":
        assert response.status_code == 400
        assert "número demasiado grande" in response.content.decode()
    else:
        assert response.status_code == 404
