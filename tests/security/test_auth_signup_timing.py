"""Sign-up costs the same whether or not the address already has an account
(ACCOUNT_PREVENT_ENUMERATION): the same number of password hashes, the same
answer. Counted, not timed."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client

from lms.accounts.models import User
from tests.accounts.test_signup import signup_data
from tests.factories import UserFactory
from tests.forms import post_form

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    algorithm = "md5-contado"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


def _sign_up(client, hasher, email):
    hasher.calls = 0
    response = post_form(client, "/cuentas/signup/", signup_data(email=email))
    return response, hasher.calls


def test_duplicate_sign_up_hashes_like_a_new_one(csrf_client, counting_hasher):
    existing = UserFactory(email="ya.existe@municipalidad.example")
    new_response, new_hashes = _sign_up(
        csrf_client, counting_hasher, "nueva@municipalidad.example"
    )
    assert User.objects.filter(email="nueva@municipalidad.example").exists()

    other = Client(enforce_csrf_checks=True)
    dup_response, dup_hashes = _sign_up(other, counting_hasher, existing.email)

    assert new_hashes >= 1
    assert dup_hashes == new_hashes
    assert dup_response.status_code == new_response.status_code == 302
    assert dup_response.url == new_response.url
    assert User.objects.filter(email=existing.email).count() == 1
