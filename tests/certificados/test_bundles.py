"""An edition's certificates in one file (certificados.bundles): a merged PDF
for printing or a ZIP of each person's stored PDF, built by Celery with
progress, downloaded by coordinators only."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from certificados import bundles
from certificados.models import Certificate, CertificateBundle
from certificados.services import issue_for, render_and_store, revoke
from cursos.models import TUTORS_GROUP, Cohort, Enrollment
from cursos.storage import private_storage
from lms.accounts.models import STAFF_GROUP
from tests.factories import UserFactory, build_course
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db

BULK = "/admin/certificados-acciones/masivo/"
START = "/admin/certificados-acciones/descargas/"

# Issued, in the order the bundle must follow (accents and case ignored).
ISSUED = ["Álvaro Chávez Pop", "ana lucía Xoy", "Bárbara Ixcoy Pérez", "Zoila Tun"]


def _enrollment(course, cohort, name: str) -> Enrollment:
    return Enrollment.objects.create(
        user=UserFactory(full_name=name),
        course=course,
        cohort=cohort,
        status=Enrollment.Status.COMPLETED,
        completed_at=timezone.now(),
    )


def build_edition(names=ISSUED, *, title="Diplomado de la descarga"):
    """An edition with ``names`` issued (rendered in scrambled order), one
    revoked and one still pending certificate."""
    course = build_course(modules=1, lessons=1, title=title)
    cohort = Cohort.objects.create(
        course=course,
        name="Primera edición 2026",
        enrollment_opens=timezone.now() - timedelta(days=30),
        enrollment_closes=timezone.now() - timedelta(days=1),
        starts_on=timezone.localdate() - timedelta(days=20),
    )
    for name in reversed(names):
        certificate = issue_for(_enrollment(course, cohort, name), enqueue=False)
        render_and_store(certificate.pk)
    revoked = issue_for(
        _enrollment(course, cohort, "Rita Revocada Solís"), enqueue=False
    )
    render_and_store(revoked.pk)
    revoke(certificate=revoked, by=None, reason="Duplicado")
    issue_for(_enrollment(course, cohort, "Pedro Pendiente Ajú"), enqueue=False)
    return cohort


def _issued(cohort) -> dict[str, Certificate]:
    return {
        c.holder_name: c
        for c in Certificate.objects.filter(
            enrollment__cohort=cohort, status=Certificate.Status.ISSUED
        )
    }


def _start(cohort, format, capture, user=None) -> CertificateBundle:
    with capture(execute=True):
        bundle = bundles.start_bundle(cohort=cohort, format=format, created_by=user)
    bundle.refresh_from_db()
    return bundle


def _content(bundle) -> bytes:
    with bundle.file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def edition():
    return build_edition()


def test_merged_pdf_has_the_issued_pages_in_name_order(
    edition, django_capture_on_commit_callbacks
):
    bundle = _start(edition, "pdf", django_capture_on_commit_callbacks)
    assert bundle.status == CertificateBundle.Status.READY
    assert (bundle.done, bundle.total, bundle.percent) == (4, 4, 100)
    assert bundle.finished_at is not None and bundle.error == ""
    reader = PdfReader(io.BytesIO(_content(bundle)))
    assert len(reader.pages) == 4
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    for text, name in zip(texts, ISSUED, strict=True):
        assert name in text
    everything = " ".join(texts)
    assert "Rita Revocada" not in everything and "Pedro Pendiente" not in everything
    # The originals' annotations (a signature's widget among them) are not
    # carried into the merged file, nor is any form.
    assert all("/Annots" not in page for page in reader.pages)
    assert "/AcroForm" not in reader.trailer["/Root"]


def test_zip_holds_each_stored_pdf_byte_for_byte(
    edition, django_capture_on_commit_callbacks
):
    bundle = _start(edition, "zip", django_capture_on_commit_callbacks)
    assert bundle.status == CertificateBundle.Status.READY
    assert (bundle.done, bundle.total) == (4, 4)
    archive = zipfile.ZipFile(io.BytesIO(_content(bundle)))
    names = archive.namelist()
    issued = _issued(edition)
    expected = [
        f"{slug}-{issued[name].code[:8].lower()}.pdf"
        for name, slug in zip(
            ISSUED,
            [
                "alvaro-chavez-pop",
                "ana-lucia-xoy",
                "barbara-ixcoy-perez",
                "zoila-tun",
            ],
            strict=True,
        )
    ]
    assert names == expected
    assert all(name.isascii() for name in names)
    for member, name in zip(names, ISSUED, strict=True):
        certificate = issued[name]
        with certificate.pdf.open("rb") as stored:
            stored_hash = hashlib.sha256(stored.read()).hexdigest()
        member_hash = hashlib.sha256(archive.read(member)).hexdigest()
        assert member_hash == stored_hash == certificate.sha256


def test_bundle_file_is_in_private_storage_not_public_media(
    edition, django_capture_on_commit_callbacks, settings, client
):
    bundle = _start(edition, "zip", django_capture_on_commit_callbacks)
    path = os.path.realpath(bundle.file.path)
    assert path.startswith(os.path.realpath(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(os.path.realpath(settings.MEDIA_ROOT))
    assert bundle.file.storage is private_storage
    # Not under MEDIA_ROOT, so the media URL the storage would make serves
    # nothing: the file goes out only through the checking view.
    assert client.get(bundle.file.url).status_code == 404


def test_same_names_still_get_unique_ascii_members(django_capture_on_commit_callbacks):
    cohort = build_edition(["José Pérez", "Jose Perez", "Ñandú Ü"])
    bundle = _start(cohort, "zip", django_capture_on_commit_callbacks)
    names = zipfile.ZipFile(io.BytesIO(_content(bundle))).namelist()
    assert len(set(names)) == 3
    assert sum(name.startswith("jose-perez-") for name in names) == 2
    assert any(name.startswith("nandu-u-") for name in names)
    taken = {"ana-abcdefgh.pdf"}
    twin = Certificate(holder_name="Ana", code="ABCDEFGH" + "2" * 24)
    assert bundles.member_name(twin, taken) == f"ana-abcdefgh{'2' * 24}.pdf"


def test_a_second_request_while_pending_returns_the_pending_one(edition):
    first = bundles.start_bundle(cohort=edition, format="pdf", created_by=None)
    again = bundles.start_bundle(cohort=edition, format="pdf", created_by=None)
    other_format = bundles.start_bundle(cohort=edition, format="zip", created_by=None)
    assert again.pk == first.pk and other_format.pk != first.pk
    assert CertificateBundle.objects.count() == 2
    assert first.total == 4 and first.status == CertificateBundle.Status.PENDING


def test_an_abandoned_pending_bundle_does_not_block_a_new_one(edition, settings):
    old = bundles.start_bundle(cohort=edition, format="pdf", created_by=None)
    CertificateBundle.objects.filter(pk=old.pk).update(
        created_at=timezone.now()
        - timedelta(minutes=settings.CERTIFICATE_BUNDLE_STALE_MINUTES + 1)
    )
    new = bundles.start_bundle(cohort=edition, format="pdf", created_by=None)
    old.refresh_from_db()
    assert new.pk != old.pk
    assert old.status == CertificateBundle.Status.FAILED
    assert "se interrumpió" in old.error


def test_running_the_task_twice_keeps_one_file(
    edition, django_capture_on_commit_callbacks
):
    bundle = _start(edition, "zip", django_capture_on_commit_callbacks)
    first = bundle.file.name
    before = set(private_storage.listdir(bundles.FOLDER)[1])
    assert bundles.build_bundle(bundle.pk) == CertificateBundle.Status.READY
    bundle.refresh_from_db()
    assert bundle.file.name == first
    assert set(private_storage.listdir(bundles.FOLDER)[1]) == before
    assert CertificateBundle.objects.count() == 1


def test_a_concurrent_run_that_loses_deletes_its_own_file(edition, monkeypatch):
    """Two workers got the same message: the one that marks it ready second
    finds it no longer pending and removes the file it wrote."""
    bundle = bundles.start_bundle(cohort=edition, format="pdf", created_by=None)
    before = set(_files())
    real_write = bundles._write_pdf

    def write_then_lose_the_race(certificates, out, progress):
        real_write(certificates, out, progress)
        CertificateBundle.objects.filter(pk=bundle.pk).update(
            status=CertificateBundle.Status.READY, file="certificados/paquetes/x.pdf"
        )

    monkeypatch.setattr(bundles, "_write_pdf", write_then_lose_the_race)
    bundles.build_bundle(bundle.pk)
    assert set(_files()) == before
    bundle.refresh_from_db()
    assert bundle.file.name == "certificados/paquetes/x.pdf"


def _files() -> list[str]:
    try:
        return private_storage.listdir(bundles.FOLDER)[1]
    except FileNotFoundError:
        return []


def test_a_missing_stored_pdf_fails_with_a_spanish_message(
    edition, django_capture_on_commit_callbacks, client, coordinator
):
    victim = _issued(edition)["Bárbara Ixcoy Pérez"]
    victim.pdf.storage.delete(victim.pdf.name)
    bundle = _start(edition, "pdf", django_capture_on_commit_callbacks)
    assert bundle.status == CertificateBundle.Status.FAILED
    assert not bundle.file
    assert "Falta el archivo del certificado de Bárbara Ixcoy Pérez" in bundle.error
    client.force_login(coordinator)
    page = client.get(f"/admin/certificados-acciones/descargas/{bundle.pk}/")
    html = page.content.decode()
    assert "No se pudo preparar el archivo." in html
    assert "Bárbara Ixcoy Pérez" in html and "Intentar de nuevo" in html
    assert client.get(f"{START}{bundle.pk}/archivo/").status_code == 404


def test_an_unexpected_error_fails_with_a_spanish_message(edition, monkeypatch):
    bundle = bundles.start_bundle(cohort=edition, format="pdf", created_by=None)

    def broken(*args):
        raise OSError("disco lleno")

    monkeypatch.setattr(bundles, "_write_pdf", broken)
    assert bundles.build_bundle(bundle.pk) == CertificateBundle.Status.FAILED
    bundle.refresh_from_db()
    assert bundle.error.startswith("Ocurrió un error al preparar el archivo.")
    assert "disco" not in bundle.error


def test_an_edition_without_issued_certificates_is_refused(coordinator):
    cohort = build_edition([])
    with pytest.raises(bundles.BundleError, match="todavía no tiene certificados"):
        bundles.start_bundle(cohort=cohort, format="pdf", created_by=coordinator)
    with pytest.raises(bundles.BundleError, match="Elija PDF o ZIP"):
        bundles.start_bundle(cohort=cohort, format="docx", created_by=coordinator)
    assert not CertificateBundle.objects.exists()


def _task_queries(size: int) -> tuple[int, list[str]]:
    names = [f"Persona Número {chr(65 + i)}" for i in range(size)]
    cohort = build_edition(names, title=f"Curso de {size}")
    bundle = bundles.start_bundle(cohort=cohort, format="zip", created_by=None)
    with CaptureQueriesContext(connection) as queries:
        bundles.build_bundle(bundle.pk)
    bundle.refresh_from_db()
    assert (bundle.status, bundle.done) == ("listo", size)
    return len(queries), [q["sql"] for q in queries.captured_queries]


def test_task_queries_do_not_grow_with_the_certificates():
    small, _ = _task_queries(2)
    large, _ = _task_queries(7)
    assert small == large <= 5


def test_progress_is_written_once_per_step_not_per_certificate(monkeypatch):
    monkeypatch.setattr(bundles, "PROGRESS_EVERY", 2)
    _count, sql = _task_queries(5)
    progress = [s for s in sql if s.startswith("UPDATE") and '"done"' in s]
    # Reset to 0, after 2 and after 4, then the final "ready" update with 5.
    assert len(progress) == 4


def test_cleanup_deletes_old_files_and_keeps_recent_ones(
    edition, django_capture_on_commit_callbacks, settings
):
    old = _start(edition, "pdf", django_capture_on_commit_callbacks)
    recent = _start(edition, "zip", django_capture_on_commit_callbacks)
    CertificateBundle.objects.filter(pk=old.pk).update(
        created_at=timezone.now()
        - timedelta(days=settings.CERTIFICATE_BUNDLE_KEEP_DAYS + 1)
    )
    orphan = private_storage.save(
        f"{bundles.FOLDER}/huerfano.zip", io.BytesIO(b"nadie lo nombra")
    )
    long_ago = (timezone.now() - timedelta(days=30)).timestamp()
    os.utime(private_storage.path(orphan), (long_ago, long_ago))
    fresh_orphan = private_storage.save(
        f"{bundles.FOLDER}/en-curso.zip", io.BytesIO(b"recien escrito")
    )
    from certificados.tasks import delete_old_bundles_task

    result = delete_old_bundles_task.delay().get()
    assert result == {"deleted": 1, "orphans": 1, "failed_stale": 0}
    assert not private_storage.exists(old.file.name)
    assert not CertificateBundle.objects.filter(pk=old.pk).exists()
    assert private_storage.exists(recent.file.name)
    assert not private_storage.exists(orphan)
    assert private_storage.exists(fresh_orphan)
    private_storage.delete(fresh_orphan)


def test_cleanup_is_in_the_beat_schedule(settings):
    entries = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "certificados.delete_old_bundles" in entries


# ------------------------------------------------------------------ admin
def test_coordinator_downloads_all_as_pdf_through_the_admin(
    edition, client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    page = client.get(BULK).content.decode()
    assert "Descargar todos (PDF para imprimir)" in page
    assert "Descargar todos (ZIP)" in page
    assert "se pierden las firmas digitales" in page
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_form(
            client, BULK, {"cohort": edition.pk, "format": "pdf"}, action=START
        )
    bundle = CertificateBundle.objects.get()
    assert response.status_code == 302
    assert response.url == f"{START}{bundle.pk}/"
    assert bundle.created_by == coordinator
    # Before the worker runs: the progress page refreshes itself, no script.
    progress = client.get(response.url).content.decode()
    assert "Preparando 0 de 4 certificados" in progress
    assert '<meta http-equiv="refresh" content="3">' in progress
    assert f'href="{START}{bundle.pk}/"' in progress  # "Actualizar"
    assert "<script>" not in progress.split("</header>")[-1]
    for callback in callbacks:
        callback()
    ready = client.get(response.url).content.decode()
    assert "Listo: 4 certificados." in ready
    assert "http-equiv" not in ready
    assert "es para imprimir" in ready and "firmas digitales" in ready
    assert f"{START}{bundle.pk}/archivo/" in ready
    download = client.get(f"{START}{bundle.pk}/archivo/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        'attachment; filename="certificados-diplomado-de-la-descarga-'
        'primera-edicion-2026.pdf"'
    )
    assert "no-store" in download["Cache-Control"]
    body = b"".join(download.streaming_content)
    assert len(PdfReader(io.BytesIO(body)).pages) == 4
    listing = client.get(BULK).content.decode()
    assert f"{START}{bundle.pk}/" in listing and "Listo" in listing


def test_zip_download_names_and_type(
    edition, client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            client, BULK, {"cohort": edition.pk, "format": "zip"}, action=START
        )
    page = client.get(response.url).content.decode()
    assert "Cada archivo del ZIP es el PDF de una persona" in page
    bundle = CertificateBundle.objects.get()
    download = client.get(f"{START}{bundle.pk}/archivo/")
    assert download["Content-Type"] == "application/zip"
    assert download["Content-Disposition"].endswith('.zip"')
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert len(archive.namelist()) == 4


def test_asking_twice_while_pending_shows_the_same_progress(
    edition, client, coordinator
):
    client.force_login(coordinator)
    first = post_form(
        client, BULK, {"cohort": edition.pk, "format": "pdf"}, action=START
    )
    second = post_form(
        client, BULK, {"cohort": edition.pk, "format": "pdf"}, action=START
    )
    assert first.url == second.url
    assert CertificateBundle.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"cohort": "999999", "format": "pdf"},
        {"cohort": "abc", "format": "pdf"},
        {"cohort": "１", "format": "pdf"},
        {"cohort": "1\x00", "format": "zip"},
        {"format": "<script>alert(1)</script>"},
    ],
)
def test_bad_input_is_refused_in_spanish_and_starts_nothing(
    edition, client, coordinator, data
):
    client.force_login(coordinator)
    response = post_form(client, BULK, data, action=START)
    assert response.status_code == 400
    html = response.content.decode()
    if not any("\x00" in value for value in data.values()):
        # (NUL bytes get the site-wide guard's own 400 page)
        assert "Elija una edición." in html or "Elija PDF o ZIP." in html
    assert "<script>alert(1)</script>" not in html
    assert not CertificateBundle.objects.exists()


def test_bad_format_for_a_real_edition(edition, client, coordinator):
    client.force_login(coordinator)
    response = post_form(
        client, BULK, {"cohort": edition.pk, "format": "docx"}, action=START
    )
    assert response.status_code == 400
    assert "Elija PDF o ZIP." in response.content.decode()
    assert not CertificateBundle.objects.exists()


def test_an_edition_of_a_never_published_course_is_not_offered(
    edition, client, coordinator
):
    from cursos.models import CoursePage

    CoursePage.objects.filter(pk=edition.course_id).update(first_published_at=None)
    client.force_login(coordinator)
    response = post_form(
        client, BULK, {"cohort": edition.pk, "format": "pdf"}, action=START
    )
    assert response.status_code == 400
    assert not CertificateBundle.objects.exists()


def test_post_without_csrf_token_is_refused(edition, client, coordinator):
    client.force_login(coordinator)
    response = client.post(START, {"cohort": edition.pk, "format": "pdf"})
    assert response.status_code == 403
    assert not CertificateBundle.objects.exists()


def _people():
    staff = UserFactory(groups_by_name=(STAFF_GROUP,), email="p.bundle@infom.gob.gt")
    tutor = UserFactory(groups_by_name=(TUTORS_GROUP,))
    # Someone who enters the admin (an editor) but may not manage certificates.
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return {"learner": UserFactory(), "staff": staff, "tutor": tutor, "editor": editor}


@pytest.mark.parametrize("role", ["anonymous", "learner", "staff", "tutor", "editor"])
def test_only_those_who_manage_certificates_start_see_or_download(
    edition, django_capture_on_commit_callbacks, client, role
):
    assert Group.objects.filter(name=TUTORS_GROUP).exists()
    bundle = _start(edition, "pdf", django_capture_on_commit_callbacks)
    if role != "anonymous":
        client.force_login(_people()[role])
    token = csrf_token(client, "/cuentas/login/" if role == "anonymous" else "/")
    started = client.post(
        START, {"cohort": edition.pk, "format": "zip", "csrfmiddlewaretoken": token}
    )
    page = client.get(f"{START}{bundle.pk}/")
    download = client.get(f"{START}{bundle.pk}/archivo/")
    for response in (started, page, download):
        assert response.status_code in (302, 403), role
        if response.status_code == 302:
            assert "/login/" in response.url or response.url in ("/admin/", "/admin")
    assert CertificateBundle.objects.count() == 1


def test_coordinator_gets_404_for_unknown_or_unready_bundles(
    edition, client, coordinator
):
    pending = bundles.start_bundle(cohort=edition, format="pdf", created_by=None)
    client.force_login(coordinator)
    assert client.get(f"{START}999999/").status_code == 404
    assert client.get(f"{START}999999/archivo/").status_code == 404
    assert client.get(f"{START}{pending.pk}/archivo/").status_code == 404
    assert client.get(f"{START}{pending.pk}/").status_code == 200


def test_bulk_page_queries_stay_flat_with_more_bundles(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    client.get(BULK)  # warm caches (session, site, menu)

    def count(extra: int) -> int:
        for _i in range(extra):
            cohort = build_edition(["Una Persona"])
            CertificateBundle.objects.create(cohort=cohort, format="pdf", total=1)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(BULK).status_code == 200
        return len(queries)

    assert count(1) == count(4)


# ------------------------------------------------------------------ signed PDFs
def _stored_signed(cohort) -> dict[str, str]:
    """The stored PDF of each issued certificate, signed by the service when it
    was rendered (certificados.signing): its hash, by holder."""
    hashes = {}
    for certificate in _issued(cohort).values():
        with certificate.pdf.storage.open(certificate.pdf.name, "rb") as handle:
            data = handle.read()
        assert "/AcroForm" in PdfReader(io.BytesIO(data)).trailer["/Root"]
        hashes[certificate.holder_name] = hashlib.sha256(data).hexdigest()
    return hashes


def test_signed_certificates_stay_signed_in_the_zip_and_not_in_the_merge(
    edition, django_capture_on_commit_callbacks
):
    signed = _stored_signed(edition)
    archive_bundle = _start(edition, "zip", django_capture_on_commit_callbacks)
    archive = zipfile.ZipFile(io.BytesIO(_content(archive_bundle)))
    for member, name in zip(archive.namelist(), ISSUED, strict=True):
        data = archive.read(member)
        assert hashlib.sha256(data).hexdigest() == signed[name]
        assert "/AcroForm" in PdfReader(io.BytesIO(data)).trailer["/Root"]
    merged_bundle = _start(edition, "pdf", django_capture_on_commit_callbacks)
    merged = PdfReader(io.BytesIO(_content(merged_bundle)))
    assert len(merged.pages) == 4
    # No signature field survives: a reader does not claim a broken signature.
    assert "/AcroForm" not in merged.trailer["/Root"]
    assert all("/Annots" not in page for page in merged.pages)
    assert ISSUED[0] in merged.pages[0].extract_text()
