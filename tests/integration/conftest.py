"""Real services for tests marked ``integration`` (run by `make test-integration`).

PostgreSQL comes from DATABASE_URL, Redis from CACHE_URL and CELERY_TEST_BROKER_URL.
A missing service fails the test with its name; nothing is skipped.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from lms.celery import app as celery_app


def require_postgresql():
    if connection.vendor != "postgresql":
        pytest.fail(
            "Esta prueba necesita PostgreSQL: ejecútela con `make test-integration` "
            "(DATABASE_URL=postgres://postgres@127.0.0.1:5432/infom_lms)."
        )


def broker_url() -> str:
    url = os.environ.get("CELERY_TEST_BROKER_URL")
    if not url:
        pytest.fail(
            "Esta prueba necesita Redis como broker de Celery: defina "
            "CELERY_TEST_BROKER_URL (lo hace `make test-integration`)."
        )
    return url


@pytest.fixture
def postgresql(db):
    require_postgresql()


@pytest.fixture(scope="session")
def _celery_worker_session(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real Celery worker process on Redis, using the test database.

    Yields the folder where the worker's e-mail backend writes messages. The
    worker is stopped at the end of the session.
    """
    with django_db_blocker.unblock():
        require_postgresql()
    mail_dir = tmp_path_factory.mktemp("worker-mail")
    # `make test-integration` gives each run a queue of its own, so tasks left
    # over from another run are never picked up by this worker; under
    # pytest-xdist each test process has its own queue, cache and media folders
    # (lms/settings/test.py), and its Celery worker uses the same ones.
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
    }
    cache_location = str(settings.CACHES["default"].get("LOCATION", ""))
    if cache_location.startswith("redis://"):
        env["CACHE_URL"] = cache_location
    log = open(mail_dir.parent / f"{queue}.log", "w")  # noqa: SIM115
    worker = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--loglevel=INFO",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            queue,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield WorkerHandle(worker, mail_dir, Path(log.name))
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        log.close()


@pytest.fixture
def celery_worker_process(_celery_worker_session):
    """For one test, tasks go through Redis to the real worker instead of running
    eagerly (the test settings already point Celery at CELERY_TEST_BROKER_URL)."""
    # The worker lives for the whole session: each test counts only its mail.
    for old in _celery_worker_session.mail_dir.glob("*.log"):
        old.unlink()
    celery_app.conf.task_always_eager = False
    try:
        yield _celery_worker_session
    finally:
        celery_app.conf.task_always_eager = True


class WorkerHandle:
    def __init__(self, process, mail_dir: Path, log_path: Path):
        self.process = process
        self.mail_dir = mail_dir
        self.log_path = log_path

    def wait_for_mail(self, count: int = 1, timeout: float = 60) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            files = sorted(self.mail_dir.glob("*.log"))
            messages = [f.read_text() for f in files]
            if len(messages) >= count:
                return messages
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        pytest.fail(
            f"El worker de Celery no envió {count} correo(s) en {timeout} s.\n"
            + self.log_path.read_text()[-3000:]
        )
