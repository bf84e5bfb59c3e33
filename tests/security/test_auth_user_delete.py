"""Deleting a person in the admin erases them (lms.accounts.privacy.erasure),
the same path as their own "Eliminar mi cuenta": a certificate holder is
anonymized, never a 500; single and bulk delete."""

import pytest

from certificados.models import Certificate
from lms.accounts.models import User
from lms.accounts.privacy.erasure import WITHDRAWN_NAME
from tests.factories import UserFactory
from tests.forms import post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


def test_single_delete_of_a_certificate_holder_erases_them(
    csrf_client, superuser, completed_enrollment, django_capture_on_commit_callbacks
):
    holder = completed_enrollment.user
    csrf_client.force_login(superuser)
    url = f"/admin/users/delete/{holder.pk}/"
    page = csrf_client.get(url)
    assert page.status_code == 200
    assert "No se puede deshacer" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(csrf_client, url, action=url)
    assert response.status_code == 302
    holder = User.objects.get(pk=holder.pk)
    assert holder.erased_at is not None and holder.full_name == "Participante"
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    assert certificate.holder_name == WITHDRAWN_NAME


def test_bulk_delete_erases_holders_and_others(
    csrf_client, superuser, completed_enrollment, django_capture_on_commit_callbacks
):
    holder = completed_enrollment.user
    other = UserFactory()
    csrf_client.force_login(superuser)
    url = (
        "/admin/bulk/accounts/user/delete/?next=/admin/users/"
        f"&id={holder.pk}&id={other.pk}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(csrf_client, url, {}, follow=True)
    assert response.status_code == 200
    erased = User.objects.filter(pk__in=[holder.pk, other.pk], erased_at__isnull=False)
    assert erased.count() == 2
