"""Property-based fuzz (hypothesis) over every query parameter and form field of
the public and learner routes, on the embedded database: no 5xx.

The PostgreSQL twin is tests/integration/test_fuzz_postgresql.py; the
strategies and targets live in tests/security/fuzz.py.
"""

import pytest

from tests.security.fuzz import fuzz_target, targets, world_in_a_rolled_back_transaction
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
    "tutoria participantes",
    "tutoria pendientes",
    "tutoria entrega",
    "calificar",
]


@pytest.fixture(scope="module")
def fuzz_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield from world_in_a_rolled_back_transaction(World)


def test_every_target_is_fuzzed(fuzz_world, db):
    assert sorted(t.name for t in targets(fuzz_world)) == sorted(TARGET_NAMES)


@pytest.mark.parametrize("name", TARGET_NAMES)
def test_no_5xx_on_bad_input(fuzz_world, db, name):
    fuzz_target(fuzz_world, name, "fuzz")
