"""lms.accounts.backends: the person is loaded on each request as Django's
backends load them (inactive accounts refused, unknown or malformed ids are
nobody), sessions opened with the stock backends keep working, and loading
does not compile a query."""

from unittest import mock

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db.models.sql.compiler import SQLCompiler
from django.test import Client

from lms.accounts.backends import AuthenticationBackend, ModelBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("backend", [ModelBackend(), AuthenticationBackend()])
def test_loads_the_person_as_django_does(backend):
    person = UserFactory()
    assert backend.get_user(person.pk) == person
    assert backend.get_user(str(person.pk)) == person
    assert backend.get_user(person.pk + 1000) is None
    assert backend.get_user("no-es-un-id") is None
    type(person).objects.filter(pk=person.pk).update(is_active=False)
    assert backend.get_user(person.pk) is None


def test_loading_compiles_nothing_once_warm():
    person = UserFactory()
    backend = ModelBackend()
    backend.get_user(person.pk)
    with mock.patch.object(
        SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql
    ) as compiled:
        assert backend.get_user(person.pk) == person
    assert compiled.call_count == 0


@pytest.mark.parametrize(
    "path",
    [
        "django.contrib.auth.backends.ModelBackend",
        "allauth.account.auth_backends.AuthenticationBackend",
        "lms.accounts.backends.ModelBackend",
    ],
)
def test_sessions_of_every_backend_path_stay_signed_in(path):
    person = UserFactory()
    client = Client()
    client.force_login(person, backend=path)
    assert client.session[BACKEND_SESSION_KEY] == path
    response = client.get("/mi-aprendizaje/")
    assert response.status_code == 200
