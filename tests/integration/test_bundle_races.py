"""An edition's certificate bundles on PostgreSQL with real threads: many
"Descargar todos" at the same moment make one pending bundle; two workers
building the same bundle leave one file."""

import pytest

from certificados import bundles
from certificados.models import CertificateBundle
from cursos.storage import private_storage
from tests.certificados.test_bundles import build_edition
from tests.integration.test_course_races import run_concurrently

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_requests_make_one_pending_bundle(postgresql, monkeypatch):
    cohort = build_edition(["Ana Tzul Batz", "Mario Coc Caal"])
    enqueued = []
    monkeypatch.setattr(bundles, "enqueue", lambda task, *args: enqueued.append(args))
    results, errors = run_concurrently(
        lambda _: bundles.start_bundle(cohort=cohort, format="zip", created_by=None)
    )
    assert errors == []
    assert CertificateBundle.objects.count() == 1
    assert len({bundle.pk for bundle in results}) == 1
    assert enqueued == [(results[0].pk,)]


def test_concurrent_builds_of_one_bundle_leave_one_file(postgresql, monkeypatch):
    cohort = build_edition(["Ana Tzul Batz", "Mario Coc Caal"])
    monkeypatch.setattr(bundles, "enqueue", lambda task, *args: None)
    bundle = bundles.start_bundle(cohort=cohort, format="pdf", created_by=None)
    before = set(_files())
    _results, errors = run_concurrently(lambda _: bundles.build_bundle(bundle.pk))
    assert errors == []
    bundle.refresh_from_db()
    assert bundle.status == CertificateBundle.Status.READY
    assert set(_files()) - before == {bundle.file.name.rsplit("/", 1)[1]}


def _files() -> list[str]:
    try:
        return private_storage.listdir(bundles.FOLDER)[1]
    except FileNotFoundError:
        return []
