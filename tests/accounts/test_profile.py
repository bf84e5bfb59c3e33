import pytest
from django.urls import reverse

from lms.accounts.models import User
from tests.factories import UserFactory, municipality
from tests.forms import post_form

pytestmark = pytest.mark.django_db
PROFILE = "/cuentas/perfil/"


def profile_data(user, **overrides):
    data = {
        "full_name": user.full_name,
        "institution_type": user.institution_type,
        "institution_name": user.institution_name,
        "department": user.department_id,
        "municipality": user.municipality_id,
        "post": user.post,
        "post_other": user.post_other,
        "phone": user.phone,
    }
    data.update(overrides)
    return data


def test_anonymous_is_sent_to_login():
    from django.test import Client

    response = Client().get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=/cuentas/perfil/" in response.url


def test_profile_shows_own_data(client, participant):
    client.force_login(participant)
    response = client.get(PROFILE)
    assert response.status_code == 200
    html = response.content.decode()
    assert participant.email in html
    assert f'value="{participant.full_name}"' in html


def test_profile_edit_changes_only_the_signed_in_user(client, participant):
    other = UserFactory(full_name="Pedro Otro Usuario")
    client.force_login(participant)
    momostenango = municipality("0808")
    response = post_form(
        client,
        PROFILE,
        profile_data(
            participant,
            full_name="María José Tzul Batz",
            municipality=momostenango.pk,
            post="otro",
            post_other="Asistente de la DMP",
        ),
        action=PROFILE,
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.full_name == "María José Tzul Batz"
    assert participant.municipality == momostenango
    assert participant.post_display == "Asistente de la DMP"
    other.refresh_from_db()
    assert other.full_name == "Pedro Otro Usuario"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"full_name": "<script>alert(1)</script>"}, "solo con letras"),
        ({"full_name": "x" * 10_000}, "150"),
        ({"municipality": "0"}, "válida"),
        ({"department": ""}, "necesario"),
        (
            {"institution_type": "otra", "institution_name": ""},
            "nombre de su institución",
        ),
    ],
)
def test_bad_profile_input_changes_nothing(client, participant, overrides, message):
    client.force_login(participant)
    before = User.objects.values().get(pk=participant.pk)
    response = post_form(
        client, PROFILE, profile_data(participant, **overrides), action=PROFILE
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.values().get(pk=participant.pk) == before


def test_markup_in_a_refused_name_is_escaped_when_shown_again(client, participant):
    client.force_login(participant)
    response = post_form(
        client,
        PROFILE,
        profile_data(participant, full_name="<script>alert(1)</script>"),
        action=PROFILE,
    )
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_municipality_of_another_department_is_refused(client, participant):
    client.force_login(participant)
    response = post_form(
        client,
        PROFILE,
        profile_data(participant, municipality=municipality("1701").pk),
        action=PROFILE,
    )
    assert response.status_code == 200
    assert "no pertenece al departamento" in response.content.decode()
    participant.refresh_from_db()
    assert participant.municipality.code == "0801"
