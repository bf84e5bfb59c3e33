"""Production database settings read from the environment (docs/scale.md)."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; "
    "o = d.get('OPTIONS', {}); "
    "print(json.dumps([d['CONN_MAX_AGE'], d['DISABLE_SERVER_SIDE_CURSORS'], "
    "o.get('server_side_binding', False), o.get('prepare_threshold')]))"
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
        ({}, [60, False, True, 5]),
        (
            {"DATABASE_POOLER_TRANSACTION_MODE": "true", "CONN_MAX_AGE": "0"},
            [0, True, False, None],
        ),
        # PgBouncer 1.21+ with max_prepared_statements keeps prepared statements.
        (
            {
                "DATABASE_POOLER_TRANSACTION_MODE": "true",
                "CONN_MAX_AGE": "0",
                "DATABASE_SERVER_SIDE_BINDING": "true",
            },
            [0, True, True, 5],
        ),
        ({"DATABASE_SERVER_SIDE_BINDING": "false"}, [60, False, False, None]),
    ],
)
def test_cursors_and_prepared_statements_follow_the_pooler_mode(extra, expected):
    """Server-side cursors are off behind a transaction pooler; prepared
    statements are on unless a pooler is there (or the setting says)."""
    assert production_database(**extra) == expected
