"""Correcting the name: without certificates the profile changes it; with
certificates it becomes a request a coordinator approves (certificates
reissued, earlier versions kept) or rejects with a reason."""

import pytest
from wagtail.models import ModelLogEntry

from certificados.models import Certificate, CertificateVersion
from lms.accounts.models import NameCorrectionRequest
from tests.factories import UserFactory
from tests.forms import post_form

pytestmark = pytest.mark.django_db
PROFILE = "/cuentas/perfil/"


def _profile_data(user, **changes):
    data = {
        "full_name": user.full_name,
        "institution_type": user.institution_type,
        "institution_name": user.institution_name,
        "department": user.department_id,
        "municipality": user.municipality_id,
        "post": user.post,
        "post_other": user.post_other,
        "phone": user.phone,
    }
    data.update(changes)
    return data


def test_without_certificates_the_name_changes_directly(client, participant):
    client.force_login(participant)
    response = post_form(
        client,
        PROFILE,
        _profile_data(participant, full_name="Ana Lucía Choc"),
        action=PROFILE,
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.full_name == "Ana Lucía Choc"
    assert not NameCorrectionRequest.objects.exists()


def test_with_certificates_the_change_is_a_request_then_approved(
    client, coordinator, completed_enrollment, django_capture_on_commit_callbacks
):
    holder = completed_enrollment.user
    old_name = holder.full_name
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    assert certificate.status == Certificate.Status.ISSUED
    client.force_login(holder)
    response = post_form(
        client,
        PROFILE,
        _profile_data(
            holder, full_name="María José Tzul Batz de León", phone="5555 0202"
        ),
        action=PROFILE,
        follow=True,
    )
    html = response.content.decode()
    assert "quedó como solicitud" in html
    assert "María José Tzul Batz de León" in html  # the pending request is shown
    holder.refresh_from_db()
    assert holder.full_name == old_name  # unchanged until approved
    assert holder.phone == "5555 0202"  # the other fields were saved
    correction = NameCorrectionRequest.objects.get(user=holder)
    assert correction.status == NameCorrectionRequest.Status.PENDING

    client.force_login(coordinator)
    listing = client.get("/admin/correcciones-de-nombre/")
    assert listing.status_code == 200
    assert "María José Tzul Batz de León" in listing.content.decode()
    url = f"/admin/correcciones-de-nombre/{correction.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, url, {"action": "approve"}, action=url)
    assert response.status_code == 302
    holder.refresh_from_db()
    assert holder.full_name == "María José Tzul Batz de León"
    certificate.refresh_from_db()
    assert certificate.version == 2
    assert certificate.holder_name == "María José Tzul Batz de León"
    assert list(
        CertificateVersion.objects.filter(certificate=certificate)
        .order_by("version")
        .values_list("holder_name", flat=True)
    ) == [old_name, "María José Tzul Batz de León"]
    assert ModelLogEntry.objects.filter(
        action="accounts.name_correction.approved", user=coordinator
    ).exists()
    # Deciding again changes nothing.
    from lms.accounts.privacy.corrections import approve

    approve(correction=correction, by=coordinator)
    certificate.refresh_from_db()
    assert certificate.version == 2
    correction.refresh_from_db()
    assert correction.status == NameCorrectionRequest.Status.APPROVED


def test_reject_needs_a_reason_and_keeps_the_name(
    client, coordinator, completed_enrollment
):
    holder = completed_enrollment.user
    correction = NameCorrectionRequest.objects.create(
        user=holder,
        current_name=holder.full_name,
        requested_name="Otro Nombre Distinto",
    )
    client.force_login(coordinator)
    url = f"/admin/correcciones-de-nombre/{correction.pk}/"
    response = post_form(client, url, {"action": "reject", "reason": ""}, action=url)
    assert response.status_code == 400
    assert "Escriba el motivo del rechazo." in response.content.decode()
    correction.refresh_from_db()
    assert correction.status == NameCorrectionRequest.Status.PENDING
    response = post_form(
        client,
        url,
        {"action": "reject", "reason": "El documento no coincide."},
        action=url,
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == NameCorrectionRequest.Status.REJECTED
    holder.refresh_from_db()
    assert holder.full_name != "Otro Nombre Distinto"


def test_learners_and_unknown_ids_cannot_decide(client, participant, coordinator):
    other = UserFactory()
    correction = NameCorrectionRequest.objects.create(
        user=other, current_name=other.full_name, requested_name="Nombre Nuevo Aquí"
    )
    client.force_login(participant)
    response = client.get(f"/admin/correcciones-de-nombre/{correction.pk}/")
    assert response.status_code in (302, 403)
    client.force_login(coordinator)
    assert client.get("/admin/correcciones-de-nombre/999999/").status_code == 404
    url = f"/admin/correcciones-de-nombre/{correction.pk}/"
    response = post_form(client, url, {"action": "<script>"}, action=url)
    assert response.status_code == 400
    correction.refresh_from_db()
    assert correction.status == NameCorrectionRequest.Status.PENDING


def test_an_invalid_new_name_is_refused_and_nothing_is_requested(
    client, completed_enrollment
):
    holder = completed_enrollment.user
    client.force_login(holder)
    response = post_form(
        client,
        PROFILE,
        _profile_data(holder, full_name="=HYPERLINK(1)"),
        action=PROFILE,
    )
    assert response.status_code == 200
    assert not NameCorrectionRequest.objects.exists()


def test_the_corrections_list_costs_the_same_for_2_and_8_requests(
    client, coordinator, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def make(n):
        for _ in range(n):
            person = UserFactory()
            NameCorrectionRequest.objects.create(
                user=person,
                current_name=person.full_name,
                requested_name="Nombre Corregido Largo",
            )

    client.force_login(coordinator)
    make(2)
    client.get("/admin/correcciones-de-nombre/")  # warm caches
    with CaptureQueriesContext(connection) as small:
        assert client.get("/admin/correcciones-de-nombre/").status_code == 200
    make(6)
    with CaptureQueriesContext(connection) as large:
        response = client.get("/admin/correcciones-de-nombre/")
    assert response.content.decode().count("Nombre Corregido Largo") == 8
    assert len(large) == len(small)
