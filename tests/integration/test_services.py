import re

import pytest
from django.core.cache import cache
from django.db import connection

from lms.accounts.models import STAFF_GROUP, User
from tests.accounts.test_signup import signup_data
from tests.forms import post_form

pytestmark = pytest.mark.integration


def test_database_is_postgresql(postgresql):
    assert connection.vendor == "postgresql"


def test_cache_is_redis():
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    backend = caches["default"]
    assert isinstance(backend, RedisCache), type(backend)
    cache.set("prueba-integracion", "sí", 10)
    assert cache.get("prueba-integracion") == "sí"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_signup_confirmation_is_sent_by_a_real_worker(client, celery_worker_process):
    """Sign-up on PostgreSQL → task on Redis → a Celery worker process sends the
    e-mail → the link in it verifies the address and places the INFOM employee
    in "Personal INFOM"."""
    response = post_form(
        client,
        "/cuentas/signup/",
        signup_data(email="rosa.cux@infom.gob.gt"),
        action="/cuentas/signup/",
    )
    assert response.status_code == 302
    user = User.objects.get(email="rosa.cux@infom.gob.gt")

    (message,) = celery_worker_process.wait_for_mail(1)
    assert "To: rosa.cux@infom.gob.gt" in message
    path = re.search(r"(/cuentas/confirm-email/[^\s]+/)", message).group(1)
    assert post_form(client, path).status_code == 302
    assert user.groups.filter(name=STAFF_GROUP).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_uniqueness_is_enforced_by_the_database_case_insensitively(postgresql):
    from django.db import IntegrityError

    from tests.factories import UserFactory

    UserFactory(email="ana@municipalidad.example")
    with pytest.raises(IntegrityError):
        User.objects.create(email="ANA@municipalidad.example", full_name="Ana Dos")
