import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from lms.accounts.models import COORDINATORS_GROUP, STAFF_GROUP
from tests.factories import UserFactory
from tests.forms import post_form

pytestmark = pytest.mark.django_db


def test_groups_exist_with_admin_access_for_coordinators():
    coordinators = Group.objects.get(name=COORDINATORS_GROUP)
    assert coordinators.permissions.filter(codename="access_admin").exists()
    assert Group.objects.filter(name=STAFF_GROUP).exists()


def test_coordinator_enters_the_admin_when_mfa_is_not_required(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_participant_cannot_enter_the_admin(client, participant):
    client.force_login(participant)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/cuentas/login/" in response.url


def test_coordinator_without_mfa_is_refused_when_required(
    client, coordinator, settings
):
    settings.REQUIRE_MFA_FOR_COORDINATORS = True
    client.force_login(coordinator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/cuentas/2fa/"
    page = client.get(response.url)
    assert "verificación en dos pasos" in page.content.decode()


def test_superuser_without_mfa_is_refused_too(client, settings):
    settings.REQUIRE_MFA_FOR_COORDINATORS = True
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/").status_code == 302


def test_coordinator_with_mfa_confirms_the_code_when_required(
    client, coordinator, settings
):
    settings.REQUIRE_MFA_FOR_COORDINATORS = True
    Authenticator.objects.create(
        user=coordinator, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(coordinator)
    # A session that skipped the code confirms it first (tests/security/).
    assert client.get("/admin/").url.startswith("/cuentas/2fa/reauthenticate/")


def test_participant_is_not_asked_for_mfa(client, participant, settings):
    settings.REQUIRE_MFA_FOR_COORDINATORS = True
    client.force_login(participant)
    assert client.get("/cuentas/perfil/").status_code == 200


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/cuentas/login/?next=/admin/pages/"
    response = client.get("/admin/")
    assert response.url.startswith("/cuentas/login/")


def test_admin_user_screens_show_profile_fields(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(f"/admin/users/edit/{admin.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="full_name"' in html
    assert 'name="first_name"' not in html
    assert client.get("/admin/users/new/").status_code == 200


def _edit_data(user, **overrides):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "institution_type": user.institution_type,
        "institution_name": "",
        "department": user.department_id,
        "municipality": user.municipality_id,
        "post": user.post,
        "post_other": "",
        "phone": "",
        "is_active": "on",
        "password1": "",
        "password2": "",
    }
    data.update(overrides)
    return data


def test_coordinator_places_a_person_in_personal_infom(client, coordinator):
    person = UserFactory()
    staff = Group.objects.get(name=STAFF_GROUP)
    client.force_login(coordinator)
    url = f"/admin/users/edit/{person.pk}/"
    response = post_form(client, url, _edit_data(person, groups=[staff.pk]), action=url)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert person.groups.filter(name=STAFF_GROUP).exists()


def test_coordinator_cannot_make_anyone_an_administrator(client, coordinator):
    person = UserFactory()
    client.force_login(coordinator)
    page = client.get(f"/admin/users/edit/{person.pk}/").content.decode()
    assert 'name="is_superuser"' not in page
    url = f"/admin/users/edit/{person.pk}/"
    # The field is not on the form; a hand-made POST adds it anyway.
    post_form(client, url, _edit_data(person, is_superuser="on"), action=url)
    person.refresh_from_db()
    assert person.is_superuser is False
