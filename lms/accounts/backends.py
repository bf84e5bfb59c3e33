"""The authentication backends, with the person loaded on every request by a
query compiled once per process (``lms.prepared``) instead of on each request:
an autosave during an exam spent more CPU compiling ``User.objects.get(pk=…)``
than running it.

Sessions store the path of the backend that signed the person in, so the
stock paths stay in ``AUTHENTICATION_BACKENDS`` after these: sessions opened
before keep working, and every new sign-in uses these.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import ValidationError

from lms.prepared import PreparedQuery

_user_by_pk = PreparedQuery(
    lambda pk: get_user_model()._default_manager.filter(pk=pk), PreparedQuery.INT
)


def _get_user(backend, user_id):
    try:
        pk = get_user_model()._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    found = _user_by_pk(pk)
    user = found[0] if found else None
    return user if user is not None and backend.user_can_authenticate(user) else None


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id):
        return _get_user(self, user_id)


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        return _get_user(self, user_id)
