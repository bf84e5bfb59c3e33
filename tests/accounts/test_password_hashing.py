"""Passwords are stored with Argon2id at OWASP's settings; passwords stored
before with PBKDF2 still sign in, and are re-stored with Argon2id then."""

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import check_password, make_password
from django.test import override_settings

from lms.settings import base
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PRODUCTION_HASHERS = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
OWASP_PREFIX = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


def test_production_stores_argon2id_with_owasps_settings():
    assert base.PASSWORD_HASHERS[0] == "lms.accounts.hashers.Argon2idPasswordHasher"
    with PRODUCTION_HASHERS:
        encoded = make_password("Transparencia-2026")
        assert encoded.startswith(OWASP_PREFIX)
        assert check_password("Transparencia-2026", encoded)
        assert not check_password("transparencia-2026", encoded)


def test_a_pbkdf2_password_signs_in_and_is_restored_with_argon2id():
    user = UserFactory()
    with PRODUCTION_HASHERS:
        from django.contrib.auth.hashers import PBKDF2PasswordHasher

        old = PBKDF2PasswordHasher().encode("Municipio-0801", "salperfecta1234")
        type(user).objects.filter(pk=user.pk).update(password=old)
        assert authenticate(username=user.email, password="otra-clave") is None
        user.refresh_from_db()
        assert user.password == old  # a wrong password changes nothing
        assert authenticate(username=user.email, password="Municipio-0801") == user
        user.refresh_from_db()
        assert user.password.startswith(OWASP_PREFIX)
        assert authenticate(username=user.email, password="Municipio-0801") == user


def test_argon2_hashes_with_other_settings_are_remade():
    from django.contrib.auth.hashers import Argon2PasswordHasher

    user = UserFactory()
    heavier = Argon2PasswordHasher().encode("Gobierno-Abierto", "salperfecta1234")
    type(user).objects.filter(pk=user.pk).update(password=heavier)
    with PRODUCTION_HASHERS:
        assert authenticate(username=user.email, password="Gobierno-Abierto") == user
        user.refresh_from_db()
        assert user.password.startswith(OWASP_PREFIX)


def test_the_test_settings_keep_their_fast_hasher():
    assert settings.PASSWORD_HASHERS == [
        "django.contrib.auth.hashers.MD5PasswordHasher"
    ]
