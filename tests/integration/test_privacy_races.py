"""Erasure against a data export being built, on PostgreSQL with real threads:
the erasure waits for the export's files and deletes them with the row, so no
copy of the person's data stays in storage. The build locks only the export's
row; without the erasure's own lock on it (``erase_data_exports``) the
erasure read the row before its files existed and left them behind."""

import json
import threading
import time

import pytest
from django.db import close_old_connections, connection

from lms.accounts.models import DataExport
from lms.accounts.privacy.erasure import erase_user
from lms.accounts.privacy.exports import build_export
from lms.outbox.models import OutboxMessage
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _in_thread(target):
    outcome = {}

    def run():
        try:
            outcome["result"] = target()
        except Exception as error:  # noqa: BLE001 - asserted by the test
            outcome["error"] = error
        finally:
            close_old_connections()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _wait_for_a_blocked_query(seconds: float = 20) -> None:
    """Until another connection of this database waits for a lock."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                "'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError("no query waited for a lock")


def test_erasure_during_an_export_build_deletes_its_files(postgresql, monkeypatch):
    person = UserFactory(full_name="Rosa Elvira Xoyón Cux")
    email = person.email
    export = DataExport.objects.create(user=person, token="carrera-de-borrado")
    files_written, may_commit = threading.Event(), threading.Event()
    real_save = DataExport.save

    def save_then_wait(self, *args, **kwargs):
        # The build has written both files and its row; it commits only when
        # the erasure has started and is waiting.
        real_save(self, *args, **kwargs)
        if self.status == DataExport.Status.READY:
            files_written.set()
            assert may_commit.wait(timeout=20)

    monkeypatch.setattr(DataExport, "save", save_then_wait)
    build, built = _in_thread(lambda: build_export(export.pk))
    assert files_written.wait(timeout=20)
    erasure, erased = _in_thread(lambda: erase_user(person))
    _wait_for_a_blocked_query()  # the erasure, waiting for the export's row
    assert erasure.is_alive()
    may_commit.set()
    build.join(timeout=20)
    erasure.join(timeout=20)
    assert "error" not in built and "error" not in erased

    written = built["result"]
    assert written.json_file.name and written.html_file.name
    storage = written.json_file.storage
    assert not storage.exists(written.json_file.name)
    assert not storage.exists(written.html_file.name)
    assert not DataExport.objects.filter(user=person).exists()
    # The "your copy is ready" message was queued with the export, so the
    # erasure found it: no queued row keeps the address.
    assert not [
        message
        for message in OutboxMessage.objects.all()
        if email in json.dumps(message.kwargs)
    ]


def test_an_export_asked_before_the_erasure_builds_nothing_after_it(postgresql):
    person = UserFactory(full_name="Tomás Ajanel Chávez")
    export = DataExport.objects.create(user=person, token="llega-tarde")
    erase_user(person)
    assert build_export(export.pk) is None
    assert not DataExport.objects.filter(user=person).exists()
