"""Media and private files on S3-compatible object storage (MEDIA_STORAGE=s3).

A local S3 server (moto's server mode, on a free port, in this process) holds
two buckets: the media bucket and the private one. The storages point at it the
way lms/settings/base.py does with MEDIA_STORAGE=s3; then a certificate, an
assignment submission and a data export are written there by the real code and
downloaded through our views: each view checks who is asking and answers with a
redirect to a URL signed for PRIVATE_URL_SECONDS.

moto accepts a presigned URL after its expiry (real S3 answers 403 "Request has
expired"), so the server here is moto behind a small WSGI layer that applies
that one AWS rule from the URL's own X-Amz-Date and X-Amz-Expires; everything
else (buckets, objects, ACLs, the refusal of an unsigned request for a private
object) is moto's.
"""

import json
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit, urlunsplit

import boto3
import pytest
from django.urls import reverse

from certificados.models import Certificate
from cursos.models import SubmissionFile
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.storage import private_storage
from lms.accounts.models import DataExport
from tests.cursos.assignments_support import (
    PDF,
    add_assignment,
    edition_course,
    enrolled,
    tutor_of,
    upload,
)
from tests.factories import UserFactory, build_course, course_lessons
from tests.forms import post_form

pytestmark = [pytest.mark.integration]

MEDIA_BUCKET = "infom-medios"
PRIVATE_BUCKET = "infom-privado"
KEYS = {"access_key": "prueba", "secret_key": "prueba-secreta"}
REGION = "us-east-1"
SIGNED_SECONDS = 3


class ExpiringPresignedUrls:
    """WSGI layer: a presigned request past X-Amz-Date + X-Amz-Expires gets
    S3's 403 AccessDenied; anything else goes to moto."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        query = parse_qs(environ.get("QUERY_STRING", ""))
        if "X-Amz-Expires" in query:
            signed_at = datetime.strptime(
                query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ"
            ).replace(tzinfo=UTC)
            lifetime = timedelta(seconds=int(query["X-Amz-Expires"][0]))
            if datetime.now(UTC) > signed_at + lifetime:
                body = (
                    b'<?xml version="1.0" encoding="UTF-8"?><Error>'
                    b"<Code>AccessDenied</Code><Message>Request has expired</Message>"
                    b"</Error>"
                )
                start_response(
                    "403 Forbidden",
                    [
                        ("Content-Type", "application/xml"),
                        ("Content-Length", str(len(body))),
                    ],
                )
                return [body]
        return self.app(environ, start_response)


@pytest.fixture(scope="module")
def s3_server():
    from moto.moto_server.threaded_moto_server import ThreadedMotoServer
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import make_server

    class Server(ThreadedMotoServer):
        def _server_entry(self):
            app = ExpiringPresignedUrls(DomainDispatcherApplication(create_backend_app))
            self._server = make_server(
                self._ip_address,
                self._port,
                app,
                True,
                request_handler=MotoRequestHandler,
            )
            self._server_ready_event.set()
            self._server.serve_forever()

    server = Server(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket)
    yield endpoint, client
    server.stop()


@pytest.fixture
def s3(s3_server, settings, postgresql):
    """The storages of MEDIA_STORAGE=s3 (same options as lms/settings/base.py),
    on the local server."""
    endpoint, client = s3_server
    common = {
        **KEYS,
        "endpoint_url": endpoint,
        "region_name": REGION,
        "addressing_style": "path",
        "signature_version": "s3v4",
        "file_overwrite": False,
        "default_acl": None,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": MEDIA_BUCKET,
                "querystring_auth": False,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": PRIVATE_BUCKET,
                "querystring_auth": True,
                "querystring_expire": SIGNED_SECONDS,
            },
        },
    }
    settings.PRIVATE_URL_SECONDS = SIGNED_SECONDS
    assert private_storage.bucket_name == PRIVATE_BUCKET
    return endpoint, client


def fetch(url: str):
    """GET from outside Django (the browser following the redirect): status,
    headers (case-insensitive) and body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def signed_location(response, endpoint: str) -> str:
    """The redirect of a download view: to the private bucket, signed, short."""
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    assert location.startswith(f"{endpoint}/{PRIVATE_BUCKET}/")
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Expires"] == [str(SIGNED_SECONDS)]
    assert query["X-Amz-Signature"][0]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    return location


def private_keys(client) -> set[str]:
    listing = client.list_objects_v2(Bucket=PRIVATE_BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


def test_certificate_pdf_goes_to_the_private_bucket_and_its_holder_gets_a_short_url(
    client, s3, django_capture_on_commit_callbacks
):
    endpoint, s3_client = s3
    course = build_course(modules=1, lessons=1, title="Diplomado en la nube")
    holder = UserFactory(full_name="Ana Lucía Pop Caal")
    enrollment = enroll(user=holder, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.pdf.name in private_keys(s3_client)
    url = reverse("certificados:download", args=[certificate.pk])

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # someone else: nothing revealed

    client.force_login(holder)
    location = signed_location(client.get(url), endpoint)
    status, headers, body = fetch(location)
    assert status == 200
    assert body.startswith(b"%PDF-")
    assert headers["Content-Type"] == "application/pdf"
    assert (
        f'attachment; filename="certificado-{certificate.display_code}.pdf"'
        == headers["Content-Disposition"]
    )
    # Without its signature the same object is refused (the bucket is private).
    unsigned = urlunsplit(urlsplit(location)._replace(query=""))
    assert fetch(unsigned)[0] == 403

    # The URL lives PRIVATE_URL_SECONDS and no longer.
    query = parse_qs(urlsplit(location).query)
    signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ")
    ends = signed_at.replace(tzinfo=UTC) + timedelta(seconds=SIGNED_SECONDS)
    time.sleep(max(0.0, (ends - datetime.now(UTC)).total_seconds()) + 1.1)
    status, _headers, body = fetch(location)
    assert status == 403 and b"Request has expired" in body
    # A fresh click gives a fresh URL that works again.
    assert fetch(signed_location(client.get(url), endpoint))[0] == 200


def test_submission_uploaded_by_the_learner_is_downloaded_by_the_tutor(client, s3):
    endpoint, s3_client = s3
    course, cohort = edition_course()
    assignment = add_assignment(course, max_points=100, max_file_mb=1)
    enrollment = enrolled(course, cohort)
    client.force_login(enrollment.user)
    page = client.get(assignment.url).content.decode()
    token = page.split('name="token" value="')[1].split('"')[0]
    action = reverse("cursos:assignment-submit", args=[assignment.pk])
    data = {"token": token, "texto": "Diagnóstico", "archivos": upload("plan.pdf")}
    response = post_form(client, assignment.url, data, action=action)
    assert response.status_code == 302
    stored = SubmissionFile.objects.get(version__submission__enrollment=enrollment)
    assert stored.file.name in private_keys(s3_client)
    url = reverse("cursos:submission-file", args=[stored.pk])

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404

    client.force_login(tutor_of(cohort))
    status, headers, body = fetch(signed_location(client.get(url), endpoint))
    assert status == 200 and body == PDF
    assert headers["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert headers["Content-Type"] == "application/pdf"


def test_data_export_is_built_into_the_bucket_and_read_by_its_owner(
    client, s3, django_capture_on_commit_callbacks
):
    endpoint, s3_client = s3
    person = UserFactory(full_name="Pedro Ixcoy")
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            client, "/cuentas/perfil/", action="/cuentas/perfil/mis-datos/"
        )
    assert response.status_code == 302
    export = DataExport.objects.get(user=person)
    assert export.status == DataExport.Status.READY
    assert {export.json_file.name, export.html_file.name} <= private_keys(s3_client)
    json_url = f"/cuentas/perfil/mis-datos/{export.token}/datos.json"
    html_url = f"/cuentas/perfil/mis-datos/{export.token}/datos.html"

    client.force_login(UserFactory())
    assert client.get(json_url).status_code == 404

    client.force_login(person)
    status, headers, body = fetch(signed_location(client.get(json_url), endpoint))
    assert status == 200
    assert headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(body)
    profile = next(s for s in data["secciones"] if s["modelo"] == "accounts.User")
    assert profile["filas"][0]["correo"] == person.email
    status, headers, body = fetch(signed_location(client.get(html_url), endpoint))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Disposition"].startswith("inline;")
    assert "Pedro Ixcoy" in body.decode()


def test_media_bucket_gets_public_files_and_private_ones_stay_out(s3):
    """Files of the default storage (Wagtail images, documents) go to the media
    bucket, with plain URLs there; private files never do."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    endpoint, s3_client = s3
    name = default_storage.save("original_images/escudo.png", ContentFile(b"png"))
    assert default_storage.url(name) == f"{endpoint}/{MEDIA_BUCKET}/{name}"
    assert "X-Amz-Signature" not in default_storage.url(name)
    listing = s3_client.list_objects_v2(Bucket=MEDIA_BUCKET)
    assert name in {item["Key"] for item in listing["Contents"]}
    assert name not in private_keys(s3_client)


def test_migration_moves_existing_certificate_pdfs_out_of_public_media(s3):
    """certificados 0007: a PDF issued before it (in the media storage) ends in
    the private storage under the same name, and leaves the media storage."""
    import importlib

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    migration = importlib.import_module(
        "certificados.migrations.0007_certificate_pdfs_in_private_storage"
    )
    _endpoint, s3_client = s3
    name = default_storage.save(
        "certificados/versiones/antiguo-v1.pdf", ContentFile(PDF)
    )
    migration._move(
        [name, "certificados/no-existe.pdf"], default_storage, private_storage
    )
    assert name in private_keys(s3_client)
    assert not default_storage.exists(name)
    with private_storage.open(name, "rb") as handle:
        assert handle.read() == PDF
    # Run again (a retried deploy): nothing to move, nothing lost.
    migration._move([name], default_storage, private_storage)
    assert private_storage.exists(name)
