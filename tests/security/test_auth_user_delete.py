"""Deleting a person who holds a certificate is refused with a Spanish message
(deactivate instead), never a 500; single and bulk delete."""

import pytest

from lms.accounts.models import User
from tests.factories import UserFactory
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


def test_single_delete_of_a_certificate_holder_is_refused(
    csrf_client, superuser, completed_enrollment
):
    holder = completed_enrollment.user
    csrf_client.force_login(superuser)
    url = f"/admin/users/delete/{holder.pk}/"
    response = csrf_client.get(url, follow=True)
    assert response.status_code == 200
    assert "Desactive la cuenta" in response.content.decode()
    # POST straight to the delete URL with a valid token: refused, no 500.
    response = csrf_client.post(
        url, {"csrfmiddlewaretoken": csrf_token(csrf_client, "/cuentas/perfil/")}
    )
    assert response.status_code == 302
    assert response.url == f"/admin/users/edit/{holder.pk}/"
    assert User.objects.filter(pk=holder.pk).exists()


def test_bulk_delete_leaves_certificate_holders_and_says_why(
    csrf_client, superuser, completed_enrollment
):
    holder = completed_enrollment.user
    other = UserFactory()
    csrf_client.force_login(superuser)
    url = (
        "/admin/bulk/accounts/user/delete/?next=/admin/users/"
        f"&id={holder.pk}&id={other.pk}"
    )
    page = csrf_client.get(url).content.decode()
    assert "Desactive la cuenta" in page
    response = post_form(csrf_client, url, {}, follow=True)
    assert response.status_code == 200
    assert User.objects.filter(pk=holder.pk).exists()
    assert not User.objects.filter(pk=other.pk).exists()
