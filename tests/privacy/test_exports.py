"""«Descargar mis datos»: requested from the profile, built by the task (eager
here), announced by e-mail, downloaded only by its owner, signed in, until the
link expires."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from lms.accounts.models import DataExport
from lms.accounts.privacy.exports import purge_expired_exports
from tests.factories import UserFactory
from tests.forms import post_form

pytestmark = pytest.mark.django_db
PROFILE = "/cuentas/perfil/"
REQUEST = "/cuentas/perfil/mis-datos/"


def _request(client, capture):
    with capture(execute=True):
        response = post_form(client, PROFILE, action=REQUEST)
    assert response.status_code == 302
    return response


def test_request_builds_files_mails_the_owner_and_lists_links(
    client, participant, django_capture_on_commit_callbacks
):
    client.force_login(participant)
    _request(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=participant)
    assert export.status == DataExport.Status.READY
    assert export.expires_at - export.finished_at == timedelta(days=7)
    assert [m.to for m in mail.outbox] == [[participant.email]]
    assert "/cuentas/perfil/#mis-datos" in mail.outbox[0].body
    page = client.get(PROFILE).content.decode()
    json_url = f"/cuentas/perfil/mis-datos/{export.token}/datos.json"
    html_url = f"/cuentas/perfil/mis-datos/{export.token}/datos.html"
    assert json_url in page and html_url in page
    response = client.get(json_url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(b"".join(response.streaming_content))
    profile = next(s for s in data["secciones"] if s["modelo"] == "accounts.User")
    assert profile["filas"][0]["correo"] == participant.email
    assert profile["filas"][0]["municipio"] == "Totonicapán"
    html = b"".join(client.get(html_url).streaming_content).decode()
    assert "<h2" in html and "Perfil" in html and participant.full_name in html


def test_a_second_click_while_preparing_makes_no_second_export(participant):
    from django.db import transaction

    from lms.accounts.privacy.exports import request_export

    # Without the commit, the task has not run: the export is still pending.
    with transaction.atomic():
        first = request_export(user=participant)
        second = request_export(user=participant)
    assert first.pk == second.pk
    assert DataExport.objects.filter(user=participant).count() == 1


def test_only_the_owner_downloads(
    client, participant, django_capture_on_commit_callbacks
):
    client.force_login(participant)
    _request(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=participant)
    url = f"/cuentas/perfil/mis-datos/{export.token}/datos.json"
    other = UserFactory()
    client.force_login(other)
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/cuentas/login/" in response.url
    # Unknown tokens and markup in the path: 404, never a 5xx.
    client.force_login(participant)
    for token in ("no-existe", "%3Cscript%3E", "a" * 300):
        assert (
            client.get(f"/cuentas/perfil/mis-datos/{token}/datos.json").status_code
            == 404
        )


def test_expired_link_says_so_in_spanish_and_files_are_purged(
    client, participant, django_capture_on_commit_callbacks
):
    client.force_login(participant)
    _request(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=participant)
    url = f"/cuentas/perfil/mis-datos/{export.token}/datos.html"
    storage, name = export.json_file.storage, export.json_file.name
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        client.force_login(participant)
        response = client.get(url)
        assert response.status_code == 410
        assert "El enlace de descarga venció" in response.content.decode()
        assert url not in client.get(PROFILE).content.decode()
        assert purge_expired_exports() == 1
    assert not DataExport.objects.filter(pk=export.pk).exists()
    assert not storage.exists(name)


def test_request_needs_post_and_csrf(client, participant):
    client.force_login(participant)
    assert client.get(REQUEST).status_code == 405
    assert client.post(REQUEST).status_code == 403
    assert not DataExport.objects.exists()


def test_an_export_stuck_in_preparation_does_not_block_a_new_one(participant):
    from django.db import transaction

    from lms.accounts.privacy.exports import request_export

    with time_machine.travel(timezone.now() - timedelta(hours=2)):
        with transaction.atomic():
            stuck = request_export(user=participant)
    with transaction.atomic():
        fresh = request_export(user=participant)
    assert fresh.pk != stuck.pk
    stuck.refresh_from_db()
    assert stuck.status == DataExport.Status.FAILED


def test_the_export_costs_the_same_queries_for_1_and_4_enrollments(participant):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cursos.models import LessonCompletion
    from cursos.services.enrollment import enroll
    from lms.accounts.privacy.exports import personal_data
    from tests.factories import build_course, course_lessons

    def add_course():
        course = build_course(modules=1, lessons=2)
        enrollment = enroll(user=participant, course=course)
        for lesson in course_lessons(course):
            LessonCompletion.objects.create(enrollment=enrollment, lesson=lesson)

    add_course()
    with CaptureQueriesContext(connection) as small:
        personal_data(user=participant)
    for _ in range(3):
        add_course()
    with CaptureQueriesContext(connection) as large:
        data = personal_data(user=participant)
    completions = next(
        s for s in data["secciones"] if s["modelo"] == "cursos.LessonCompletion"
    )
    assert len(completions["filas"]) == 8
    assert len(large) == len(small)


def test_requesting_goes_through_the_outbox(participant):
    from django.db import transaction

    from lms.accounts.privacy.exports import request_export
    from lms.outbox.models import OutboxMessage

    with transaction.atomic():
        export = request_export(user=participant)
        message = OutboxMessage.objects.get(task_name="accounts.build_data_export")
    assert message.args == [export.pk]


def test_under_the_site_policy_only_the_export_page_allows_its_inline_styles(
    client, participant, settings, django_capture_on_commit_callbacks
):
    from lms.security import header_settings

    settings.CONTENT_SECURITY_POLICY = header_settings()["CONTENT_SECURITY_POLICY"]
    client.force_login(participant)
    _request(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=participant)
    page = client.get(f"/cuentas/perfil/mis-datos/{export.token}/datos.html")
    style = next(
        part
        for part in page["Content-Security-Policy"].split(";")
        if part.strip().startswith("style-src")
    )
    assert "'unsafe-inline'" in style
    profile = client.get(PROFILE)["Content-Security-Policy"]
    assert "'unsafe-inline'" not in profile
