"""No one manages people above their own rank, and every sensitive change to a
person is in Wagtail's audit log with who made it."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from lms.accounts.models import COORDINATORS_GROUP, STAFF_GROUP
from tests.factories import UserFactory
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Otra-clave-segura-2031"


def _target(kind):
    if kind == "learner":
        return UserFactory()
    if kind == "staff":
        return UserFactory(groups_by_name=(STAFF_GROUP,))
    if kind == "coordinator":
        return UserFactory(coordinator=True)
    return UserFactory(is_superuser=True, is_staff=True)


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
        "password1": "",
        "password2": "",
        "groups": list(user.groups.values_list("pk", flat=True)),
    }
    if user.is_active:
        data["is_active"] = "on"
    if user.is_superuser:
        data["is_superuser"] = "on"
    data.update(overrides)
    return data


def _group(name):
    return Group.objects.get(name=name).pk


# field -> (form overrides, check on the refreshed user, audit action)
FIELD_CHANGES = {
    "email": (
        {"email": "cambiado@municipalidad.example"},
        lambda u: u.email == "cambiado@municipalidad.example",
        "accounts.user.email",
    ),
    "password": (
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        lambda u: u.check_password(NEW_PASSWORD),
        "accounts.user.password",
    ),
    "is_active": (
        {"is_active": ""},
        lambda u: u.is_active is False,
        "accounts.user.active",
    ),
    "groups": (
        {"groups": "staff-group"},
        lambda u: u.groups.filter(name=STAFF_GROUP).exists(),
        "accounts.user.groups",
    ),
}


def _overrides(field, user):
    overrides = dict(FIELD_CHANGES[field][0])
    if overrides.get("groups") == "staff-group":
        overrides["groups"] = [_group(STAFF_GROUP)]
    if field == "is_active":
        overrides.pop("is_active")
    data = _edit_data(user, **overrides)
    if field == "is_active":
        data.pop("is_active", None)
    return data


def _audited(user, action, actor):
    return ModelLogEntry.objects.filter(
        object_id=str(user.pk), action=action, user=actor
    ).exists()


# --------------------------------------------------------------- coordinator
@pytest.mark.parametrize("kind", ["learner", "staff"])
@pytest.mark.parametrize("field", list(FIELD_CHANGES))
def test_coordinator_changes_learners_and_staff_and_it_is_audited(
    csrf_client, coordinator, kind, field
):
    target = _target(kind)
    if kind == "staff" and field == "groups":
        target.groups.clear()
    csrf_client.force_login(coordinator)
    url = f"/admin/users/edit/{target.pk}/"
    response = post_form(csrf_client, url, _overrides(field, target), action=url)
    assert response.status_code == 302, response.content.decode()[:3000]
    target.refresh_from_db()
    _data, check, action = FIELD_CHANGES[field]
    assert check(target)
    assert _audited(target, action, coordinator)


@pytest.mark.parametrize("kind", ["coordinator", "superuser"])
@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage", "copy"])
def test_coordinator_cannot_open_higher_ranked_people(client, coordinator, kind, view):
    target = _target(kind)
    client.force_login(coordinator)
    response = client.get(f"/admin/users/{view}/{target.pk}/")
    assert response.status_code == 403
    assert "Solo un superusuario" in response.content.decode()


def test_coordinator_cannot_open_their_own_admin_record(client, coordinator):
    client.force_login(coordinator)
    assert client.get(f"/admin/users/edit/{coordinator.pk}/").status_code == 403


@pytest.mark.parametrize("kind", ["coordinator", "superuser"])
@pytest.mark.parametrize("field", [*FIELD_CHANGES, "is_superuser"])
def test_coordinator_cannot_change_higher_ranked_people(
    csrf_client, coordinator, kind, field
):
    target = _target(kind)
    before = (target.email, target.password, target.is_active, target.is_superuser)
    groups_before = set(target.groups.values_list("pk", flat=True))
    csrf_client.force_login(coordinator)
    data = (
        _edit_data(target, is_superuser="")
        if field == "is_superuser"
        else _overrides(field, target)
    )
    data["csrfmiddlewaretoken"] = csrf_token(csrf_client, "/cuentas/perfil/")
    response = csrf_client.post(f"/admin/users/edit/{target.pk}/", data)
    assert response.status_code == 403
    target.refresh_from_db()
    assert (
        target.email,
        target.password,
        target.is_active,
        target.is_superuser,
    ) == before
    assert set(target.groups.values_list("pk", flat=True)) == groups_before
    assert not ModelLogEntry.objects.filter(object_id=str(target.pk)).exists()


def test_higher_ranked_people_are_not_listed_for_coordinators(client, coordinator):
    learner = _target("learner")
    boss = _target("superuser")
    client.force_login(coordinator)
    html = client.get("/admin/users/").content.decode()
    assert learner.email in html
    assert boss.email not in html


@pytest.mark.parametrize("kind", ["learner", "staff"])
def test_coordinator_cannot_grant_coordinadores_by_crafted_post(
    csrf_client, coordinator, kind
):
    target = _target(kind)
    csrf_client.force_login(coordinator)
    url = f"/admin/users/edit/{target.pk}/"
    page = csrf_client.get(url).content.decode()
    offered = set(re.findall(r'name="groups" value="(\d+)"', page))
    assert str(_group(STAFF_GROUP)) in offered
    assert str(_group(COORDINATORS_GROUP)) not in offered
    data = _edit_data(target, groups=[_group(COORDINATORS_GROUP)])
    response = post_form(csrf_client, url, data, action=url)
    assert response.status_code == 200
    assert "Solo un superusuario puede asignar ese grupo" in response.content.decode()
    assert not target.groups.filter(name=COORDINATORS_GROUP).exists()


def test_coordinator_cannot_make_a_learner_superuser(csrf_client, coordinator):
    target = _target("learner")
    csrf_client.force_login(coordinator)
    url = f"/admin/users/edit/{target.pk}/"
    post_form(csrf_client, url, _edit_data(target, is_superuser="on"), action=url)
    target.refresh_from_db()
    assert target.is_superuser is False


def test_coordinator_cannot_delete_anyone(client, coordinator):
    client.force_login(coordinator)
    assert client.get(f"/admin/users/delete/{_target('learner').pk}/").status_code in (
        302,
        403,
    )


# ------------------------------------------------------------------ bulk actions
def _bulk(csrf_client, action, targets, data):
    ids = "&".join(f"id={t.pk}" for t in targets)
    url = f"/admin/bulk/accounts/user/{action}/?next=/admin/users/&{ids}"
    return post_form(csrf_client, url, data)


@pytest.mark.parametrize("kind", ["coordinator", "superuser"])
def test_bulk_actions_skip_higher_ranked_people(csrf_client, coordinator, kind):
    target = _target(kind)
    learner = _target("learner")
    csrf_client.force_login(coordinator)
    _bulk(
        csrf_client, "set_active_state", [target, learner], {"mark_as_active": "False"}
    )
    target.refresh_from_db()
    learner.refresh_from_db()
    assert target.is_active is True
    assert learner.is_active is False
    assert _audited(learner, "accounts.user.active", coordinator)

    staff = Group.objects.get(name=STAFF_GROUP)
    _bulk(csrf_client, "assign_role", [target, learner], {"role": staff.pk})
    assert not target.groups.filter(pk=staff.pk).exists()
    assert learner.groups.filter(pk=staff.pk).exists()
    assert _audited(learner, "accounts.user.groups", coordinator)


def test_bulk_assign_role_refuses_coordinadores_for_coordinators(
    csrf_client, coordinator
):
    learner = _target("learner")
    csrf_client.force_login(coordinator)
    response = _bulk(
        csrf_client, "assign_role", [learner], {"role": _group(COORDINATORS_GROUP)}
    )
    assert response.status_code == 200
    assert "Solo un superusuario puede asignar ese grupo" in response.content.decode()
    assert not learner.groups.filter(name=COORDINATORS_GROUP).exists()


def test_coordinator_cannot_bulk_delete(csrf_client, coordinator):
    learner = _target("learner")
    csrf_client.force_login(coordinator)
    url = f"/admin/bulk/accounts/user/delete/?next=/admin/users/&id={learner.pk}"
    page = csrf_client.get(url).content.decode()
    assert "Yes, delete" not in page and "Sí, eliminar" not in page
    csrf_client.post(
        url, {"csrfmiddlewaretoken": csrf_token(csrf_client, "/cuentas/perfil/")}
    )
    assert type(learner).objects.filter(pk=learner.pk).exists()


# -------------------------------------------------------------------- superuser
@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.mark.parametrize("kind", ["learner", "staff", "coordinator", "superuser"])
@pytest.mark.parametrize("field", list(FIELD_CHANGES))
def test_superuser_changes_everyone_and_it_is_audited(
    csrf_client, superuser, kind, field
):
    target = _target(kind)
    if field == "groups":
        target.groups.clear()
    csrf_client.force_login(superuser)
    url = f"/admin/users/edit/{target.pk}/"
    response = post_form(csrf_client, url, _overrides(field, target), action=url)
    assert response.status_code == 302, response.content.decode()[:3000]
    target.refresh_from_db()
    _data, check, action = FIELD_CHANGES[field]
    assert check(target)
    assert _audited(target, action, superuser)


def test_superuser_grants_coordinadores_and_superuser(csrf_client, superuser):
    target = _target("learner")
    csrf_client.force_login(superuser)
    url = f"/admin/users/edit/{target.pk}/"
    data = _edit_data(target, groups=[_group(COORDINATORS_GROUP)], is_superuser="on")
    assert post_form(csrf_client, url, data, action=url).status_code == 302
    target.refresh_from_db()
    assert target.is_superuser
    assert target.groups.filter(name=COORDINATORS_GROUP).exists()
    assert _audited(target, "accounts.user.superuser", superuser)
    assert _audited(target, "accounts.user.groups", superuser)


def test_superuser_bulk_assigns_coordinadores(csrf_client, superuser):
    target = _target("learner")
    csrf_client.force_login(superuser)
    _bulk(csrf_client, "assign_role", [target], {"role": _group(COORDINATORS_GROUP)})
    assert target.groups.filter(name=COORDINATORS_GROUP).exists()
    assert _audited(target, "accounts.user.groups", superuser)


@pytest.mark.parametrize("kind", ["learner", "coordinator", "superuser"])
def test_superuser_deletes_people_without_records(csrf_client, superuser, kind):
    # "Eliminar" erases (anonymizes) the person: lms.accounts.privacy.erasure.
    target = _target(kind)
    csrf_client.force_login(superuser)
    url = f"/admin/users/delete/{target.pk}/"
    assert post_form(csrf_client, url, action=url).status_code == 302
    target.refresh_from_db()
    assert target.erased_at is not None
    assert not target.is_active and not target.is_superuser


# ------------------------------------------------------------------------ groups
@pytest.mark.parametrize(
    "url", ["/admin/groups/", "/admin/groups/new/", "/admin/groups/edit/{pk}/"]
)
def test_only_superusers_manage_groups(client, coordinator, superuser, url):
    url = url.format(pk=_group(STAFF_GROUP))
    client.force_login(coordinator)
    assert client.get(url).status_code in (302, 403)
    client.force_login(superuser)
    assert client.get(url).status_code == 200


def test_coordinator_cannot_post_to_group_admin(csrf_client, coordinator):
    csrf_client.force_login(coordinator)
    staff = _group(STAFF_GROUP)
    response = csrf_client.post(
        f"/admin/groups/edit/{staff}/",
        {
            "name": "Personal INFOM",
            "permissions": [],
            "csrfmiddlewaretoken": csrf_token(csrf_client, "/cuentas/perfil/"),
        },
    )
    assert response.status_code in (302, 403)
    assert Group.objects.get(pk=staff).name == STAFF_GROUP
