"""The fuzz of tests/security/test_fuzz.py on PostgreSQL and Redis, where a
NUL byte reaches the database driver instead of SQLite: no 5xx."""

import pytest

from tests.integration.conftest import require_postgresql
from tests.security.fuzz import fuzz_target, world_in_a_rolled_back_transaction
from tests.security.test_fuzz import TARGET_NAMES
from tests.security.test_route_matrix import World

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def pg_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        require_postgresql()
        yield from world_in_a_rolled_back_transaction(World)


@pytest.mark.parametrize("name", TARGET_NAMES)
def test_no_5xx_on_bad_input_on_postgresql(pg_world, db, name):
    fuzz_target(pg_world, name, "fuzz postgresql")
