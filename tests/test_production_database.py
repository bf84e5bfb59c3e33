"""Production database settings read from the environment (docs/scale.md)."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; "
    "print(json.dumps([d['CONN_MAX_AGE'], d['DISABLE_SERVER_SIDE_CURSORS']]))"
)


def production_database(**extra):
    env = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "aprende.infom.gob.gt",
        "CSRF_TRUSTED_ORIGINS": "https://aprende.infom.gob.gt",
        "DATABASE_URL": "postgres://infom@db:6432/infom_lms",
        "CACHE_URL": "locmemcache://",
        "SITE_URL": "https://aprende.infom.gob.gt",
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        **extra,
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({}, [60, False]),
        ({"DATABASE_POOLER_TRANSACTION_MODE": "true", "CONN_MAX_AGE": "0"}, [0, True]),
    ],
)
def test_server_side_cursors_are_off_behind_a_transaction_pooler(extra, expected):
    assert production_database(**extra) == expected
