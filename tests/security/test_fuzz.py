"""Property-based fuzz (hypothesis) over every query parameter and form field of
the public and learner routes, on the embedded database: no 5xx.

The PostgreSQL twin is tests/integration/test_fuzz_postgresql.py; the
strategies and targets live in tests/security/fuzz.py.
"""

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from tests.security.fuzz import FUZZ_SETTINGS, TRIED, fuzz_one, targets
from tests.security.test_route_matrix import World

TARGET_NAMES = [
    "buscar",
    "noticias",
    "noticias rss",
    "actividades",
    "cursos",
    "datos abiertos",
    "verificar",
    "verificar codigo",
    "continuar",
    "intento",
    "verificar (formulario)",
    "registro",
    "perfil",
    "inscribirse",
    "completar",
    "responder",
    "comenzar",
]


@pytest.fixture(scope="module")
def fuzz_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield World()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_every_target_is_fuzzed(fuzz_world, db):
    assert sorted(t.name for t in targets(fuzz_world)) == sorted(TARGET_NAMES)


@pytest.mark.parametrize("name", TARGET_NAMES)
def test_no_5xx_on_bad_input(fuzz_world, db, name):
    target = next(t for t in targets(fuzz_world) if t.name == name)
    before = TRIED[name]

    @FUZZ_SETTINGS
    @given(data=st.data())
    def run(data):
        fuzz_one(fuzz_world, target, data)

    run()
    tried = TRIED[name] - before
    print(f"fuzz {name}: {tried} entradas")  # noqa: T201
    assert tried >= 10, f"only {tried} inputs reached {name}"
