"""The fuzz of tests/security/test_fuzz.py on PostgreSQL and Redis, where a
NUL byte reaches the database driver instead of SQLite: no 5xx."""

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from tests.integration.conftest import require_postgresql
from tests.security.fuzz import FUZZ_SETTINGS, TRIED, fuzz_one, targets
from tests.security.test_fuzz import TARGET_NAMES
from tests.security.test_route_matrix import World

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def pg_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        require_postgresql()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield World()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.parametrize("name", TARGET_NAMES)
def test_no_5xx_on_bad_input_on_postgresql(pg_world, db, name):
    target = next(t for t in targets(pg_world) if t.name == name)
    before = TRIED[name]

    @FUZZ_SETTINGS
    @given(data=st.data())
    def run(data):
        fuzz_one(pg_world, target, data)

    run()
    tried = TRIED[name] - before
    print(f"fuzz postgresql {name}: {tried} entradas")  # noqa: T201
    assert tried >= 10, f"only {tried} inputs reached {name}"
