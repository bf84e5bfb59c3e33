import os
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from certificados.demo_signing import write_demo_credentials
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import UserFactory, build_course, course_lessons


@pytest.fixture(scope="session", autouse=True)
def signing_ca(tmp_path_factory):
    """A throwaway CA and signing certificate for the session (EC P-256, made in
    milliseconds): every certificate a test renders is signed with it, and the
    environment points there too, so Celery workers started by integration
    tests sign with it as well. Returns its ``DemoCredentials`` (``.ca`` is the
    root to trust when validating)."""
    credentials, _created = write_demo_credentials(tmp_path_factory.mktemp("firma"))
    environment = credentials.environment()
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        with override_settings(**environment):
            yield credentials
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached pages never leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site (`seed_demo`) built once for the module that asks for it,
    inside an outer transaction: each test runs in a savepoint of it and the
    whole is rolled back at the end of the module (as the route matrix builds
    its world). Seeding takes seconds; the tests that read the demo share one."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def participant(db):
    return UserFactory()


@pytest.fixture
def coordinator(db):
    return UserFactory(coordinator=True)


@pytest.fixture
def client():
    """The default test client enforces CSRF like a browser's server does, so a
    test cannot forget; post through tests.forms.post_form so the token comes
    from the form on the page the person would press."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def completed_enrollment(db, django_capture_on_commit_callbacks):
    """A learner who completed a one-lesson course; the certificate is issued
    and rendered (eager Celery) when the transaction commits."""
    course = build_course(modules=1, lessons=1, title="Diplomado de prueba")
    user = UserFactory(full_name="María José Tzul Batz")
    enrollment = enroll(user=user, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    enrollment.refresh_from_db()
    return enrollment


@pytest.fixture
def csrf_client(client):
    """Same as ``client`` (kept for tests that name it explicitly)."""
    return client


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's admin client, enforcing CSRF as well."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    return client


# ---------------------------------------------------------------- credentials
# (branch `credentials`) Verifiable credentials are signed with keys from
# CREDENTIAL_SIGNING_KEYS_DIR; the suite signs with small keys made once per
# session in a temporary directory, never with a developer's own keys.


@pytest.fixture(scope="session", autouse=True)
def _credential_signing_keys(tmp_path_factory):
    from django.conf import settings

    from certificados import credentials

    directory = tmp_path_factory.mktemp("claves-credenciales")
    credentials.create_key(directory, size=2048)
    previous = settings.CREDENTIAL_SIGNING_KEYS_DIR
    settings.CREDENTIAL_SIGNING_KEYS_DIR = directory
    yield directory
    settings.CREDENTIAL_SIGNING_KEYS_DIR = previous
