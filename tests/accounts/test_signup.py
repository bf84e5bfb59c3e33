import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from lms.accounts.models import STAFF_GROUP, User
from tests.factories import UserFactory, municipality
from tests.forms import post_form

pytestmark = pytest.mark.django_db
SIGNUP = "/cuentas/signup/"


def signup_data(**overrides):
    totonicapan = municipality("0801")
    data = {
        "full_name": "Juana Batz Tzul",
        "email": "juana.batz@municipalidad.example",
        "phone": "7766 1234",
        "institution_type": "municipalidad",
        "institution_name": "",
        "department": totonicapan.department_id,
        "municipality": totonicapan.pk,
        "post": "uip",
        "post_other": "",
        "password1": "Transparencia-2026",
        "password2": "Transparencia-2026",
    }
    data.update(overrides)
    return data


def signup(client, data):
    return post_form(client, SIGNUP, data, action=SIGNUP)


def log_in(client, data):
    url = reverse("account_login")
    return post_form(client, url, data, action=url)


def test_signup_page_groups_municipalities_by_department(client):
    response = client.get(SIGNUP)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<optgroup label="Totonicapán">' in html
    assert html.count("<optgroup") == 22
    assert 'lang="es"' in html


def test_signup_creates_user_with_profile_and_sends_confirmation(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client, signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="juana.batz@municipalidad.example")
    assert user.full_name == "Juana Batz Tzul"
    assert user.municipality.code == "0801"
    assert user.department.code == "08"
    assert user.post == User.Post.UIP
    assert user.check_password("Transparencia-2026")
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert "/cuentas/confirm-email/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["juana.batz@municipalidad.example"]
    assert "Plataforma de Aprendizaje INFOM" in mail.outbox[0].body
    assert "Confirme su correo" in mail.outbox[0].subject


def test_name_keeps_accents_enye_apostrophes_and_hyphens(client):
    name = "Ixchel K'iche' Núñez-Ordóñez"
    response = signup(client, signup_data(full_name=f"  {name}  "))
    assert response.status_code == 302
    assert User.objects.get().full_name == name


def _assert_refused(client, data, field, fragment):
    response = signup(client, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert fragment in " ".join(errors[field])
    assert fragment in response.content.decode()
    assert not User.objects.filter(email=data.get("email", "")).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"email": "no-es-un-correo"}, "email", "correo"),
        ({"full_name": ""}, "full_name", "necesario"),
        ({"full_name": "<b>Juana</b>"}, "full_name", "solo con letras"),
        ({"full_name": "Juana 2da Batz"}, "full_name", "sin números"),
        ({"full_name": "J" * 10_000}, "full_name", "150"),
        ({"full_name": "Jo"}, "full_name", "entre 3 y 150"),
        ({"municipality": ""}, "municipality", "necesario"),
        ({"municipality": "999999"}, "municipality", "válida"),
        ({"department": "abc"}, "department", "válida"),
        ({"post": "presidente"}, "post", "válida"),
        ({"post": "otro", "post_other": ""}, "post_other", "Escriba su cargo"),
        ({"phone": "llámame"}, "phone", "teléfono"),
        ({"password2": "otra-cosa-2026"}, "password2", "contraseña"),
    ],
)
def test_bad_input_is_refused_in_spanish_and_creates_nobody(
    client, overrides, field, fragment
):
    _assert_refused(client, signup_data(**overrides), field, fragment)
    assert User.objects.count() == 0


def test_municipality_outside_the_department_is_refused(client):
    mixco = municipality("0108")
    response = signup(client, signup_data(municipality=mixco.pk))
    assert response.status_code == 200
    assert "no pertenece al departamento Totonicapán" in response.content.decode()
    assert User.objects.count() == 0


def test_duplicate_email_creates_nobody_and_reveals_nothing(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="juana.batz@municipalidad.example", full_name="Otra Persona")
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client, signup_data(email="Juana.Batz@municipalidad.example"))
    # Enumeration prevention: the same answer as a fresh sign-up, an e-mail to
    # the owner of the address, and no second account.
    assert response.status_code == 302
    assert (
        User.objects.filter(email__iexact="juana.batz@municipalidad.example").count()
        == 1
    )
    assert User.objects.get().full_name == "Otra Persona"
    assert len(mail.outbox) == 1


def test_staff_domain_joins_personal_infom_once_the_email_is_verified(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client, signup_data(email="lucia.garcia@infom.gob.gt"))
    user = User.objects.get()
    assert not user.groups.filter(name=STAFF_GROUP).exists()

    body = mail.outbox[0].body
    link = next(word for word in body.split() if "/cuentas/confirm-email/" in word)
    path = link[link.index("/cuentas/") :]
    # The link opens allauth's confirmation page; its button posts the form.
    response = post_form(client, path)
    assert response.status_code == 302
    assert user.groups.filter(name=STAFF_GROUP).exists()


def test_other_domains_do_not_join_staff(client):
    user = UserFactory(email="alguien@infom.gob.gt.example.com")
    from lms.accounts.services import sync_staff_group

    assert sync_staff_group(user=user) is False
    assert not user.groups.exists()
    assert Group.objects.filter(name=STAFF_GROUP).exists()


def test_login_by_email(client):
    UserFactory(email="ana@municipalidad.example", password="Clave-2026-segura")
    response = log_in(
        client,
        {"login": "ANA@municipalidad.example", "password": "Clave-2026-segura"},
    )
    assert response.status_code == 302
    assert response.url == reverse("cursos:dashboard")


def test_wrong_password_answers_in_spanish(client):
    UserFactory(email="ana@municipalidad.example")
    response = log_in(
        client,
        {"login": "ana@municipalidad.example", "password": "equivocada"},
    )
    assert response.status_code == 200
    assert "no son correctas" in response.content.decode()


def test_login_is_rate_limited_even_with_the_right_password(client):
    UserFactory(email="ana@municipalidad.example", password="Clave-2026-segura")
    for attempt in range(5):
        log_in(
            client, {"login": "ana@municipalidad.example", "password": f"x{attempt}"}
        )
    response = log_in(
        client, {"login": "ana@municipalidad.example", "password": "Clave-2026-segura"}
    )
    assert response.status_code == 200
    assert "Demasiados intentos fallidos" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signup_page_lists_340_municipalities_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    client.get(SIGNUP)  # warm the site and navigation caches
    with django_assert_max_num_queries(3):
        response = client.get(SIGNUP)
    assert response.content.decode().count('<option value="') >= 340 + 22


def test_profile_page_queries_stay_flat(
    client, participant, django_assert_max_num_queries
):
    client.force_login(participant)
    client.get("/cuentas/perfil/")  # warm the site and navigation caches
    with django_assert_max_num_queries(8):
        assert client.get("/cuentas/perfil/").status_code == 200
