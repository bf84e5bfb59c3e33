"""Page cost: SQL queries and median in-process time of public pages, as a ratio to
a bare Django view through the same middleware.

Run with `make bench` (SQLite, the embedded defaults).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)

RUNS = 200


def median_ms(client: Client, path: str) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(timings)


def queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def main() -> None:
    from django.test.utils import get_runner  # noqa: F401

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        client = Client()
        bare = median_ms(client, "/salud/")
        pages = {"inicio (/)": "/", "crear cuenta": "/cuentas/signup/"}
        print(f"vista Django mínima (/salud/): mediana {bare:.2f} ms")
        for label, path in pages.items():
            cost = median_ms(client, path)
            print(
                f"{label}: {cost / bare:.1f}× la vista mínima, mediana {cost:.2f} ms, "
                f"{queries(client, path)} consultas SQL"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
