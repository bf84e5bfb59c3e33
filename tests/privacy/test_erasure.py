"""Erasure: nothing that names the person is left anywhere in the database,
uploaded files are gone, counts keep their numbers, certificates still verify
without the name; the person's own "Eliminar mi cuenta" (with
re-authentication) and the admin's "Eliminar" take the same path."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail

from certificados.models import Certificate, CertificateVersion
from comunidad.models import Notification, Post, PostAttachment
from cursos.models import Enrollment, QuizAttempt, SubmissionFile
from lms.accounts.models import User
from lms.accounts.privacy.erasure import (
    ANONYMOUS_NAME,
    ERASED_EMAIL_DOMAIN,
    WITHDRAWN_NAME,
    erase_user,
)
from tests.factories import PASSWORD, UserFactory
from tests.forms import post_form
from tests.privacy.data import (
    EMAIL,
    NAME,
    OLD_NAME,
    PHONE,
    SECOND_EMAIL,
    person_everywhere,
    version_file,
)
from tests.privacy.scan import find_everywhere

pytestmark = pytest.mark.django_db
NEEDLES = [NAME, OLD_NAME, EMAIL, SECOND_EMAIL, PHONE]


def _assert_erased(person):
    user = User.objects.get(pk=person.user.pk)
    assert user.erased_at is not None
    assert user.full_name == ANONYMOUS_NAME
    assert user.email.endswith("@" + ERASED_EMAIL_DOMAIN)
    assert not user.has_usable_password()
    assert user.is_active is False
    assert user.phone == "" and user.institution_name == ""
    assert not user.groups.exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert not Notification.objects.filter(user=user).exists()
    for storage, name in person.files:
        assert not storage.exists(name), name
    assert not SubmissionFile.objects.filter(
        version__submission__enrollment__user=user
    ).exists()
    assert not PostAttachment.objects.filter(post__author=user).exists()
    # Counts keep their numbers: the enrollment, attempt and post stay.
    assert Enrollment.objects.filter(user=user).count() == 1
    assert QuizAttempt.objects.filter(enrollment__user=user).count() == 1
    assert Post.objects.filter(author=user).count() == 1
    certificate = Certificate.objects.get(pk=person.certificate.pk)
    assert certificate.holder_name == WITHDRAWN_NAME
    assert certificate.sha256 == person.certificate.sha256 and not certificate.pdf
    assert set(
        CertificateVersion.objects.filter(certificate=certificate).values_list(
            "holder_name", flat=True
        )
    ) == {WITHDRAWN_NAME}
    from wagtail.models import Page

    assert not Page.objects.filter(locked_by=user).exists()
    leftovers = find_everywhere(NEEDLES)
    assert leftovers == [], f"personal data left in: {leftovers}"


def test_erase_user_leaves_no_name_email_or_phone_anywhere(
    django_capture_on_commit_callbacks,
):
    person = person_everywhere()
    assert find_everywhere(NEEDLES)  # the scan does find them before
    with django_capture_on_commit_callbacks(execute=True):
        erase_user(person.user, by=person.user)
    _assert_erased(person)


def test_erasing_twice_changes_nothing(django_capture_on_commit_callbacks):
    person = UserFactory(full_name="Ana Lucía Choc Pop")
    with django_capture_on_commit_callbacks(execute=True):
        erase_user(person)
    first = User.objects.get(pk=person.pk)
    erase_user(person)
    again = User.objects.get(pk=person.pk)
    assert (again.email, again.erased_at) == (first.email, first.erased_at)


def test_forum_shows_an_erased_author_as_participante(
    client, django_capture_on_commit_callbacks
):
    person = person_everywhere()
    with django_capture_on_commit_callbacks(execute=True):
        erase_user(person.user)
    reader = person.post.thread.posts.exclude(author=person.user).first().author
    client.force_login(reader)
    thread = person.post.thread
    from cursos.models import Enrollment

    Enrollment.objects.get_or_create(
        user=reader, course=person.enrollment.course, cohort=person.enrollment.cohort
    )
    from django.urls import reverse

    page = client.get(
        reverse("comunidad:foro-hilo", args=[thread.cohort_id, thread.pk])
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert f"<strong>{ANONYMOUS_NAME}</strong>" in html
    assert NAME not in html


def test_verification_says_the_name_was_withdrawn_and_old_files_still_verify(
    client, django_capture_on_commit_callbacks
):
    person = person_everywhere()
    with django_capture_on_commit_callbacks(execute=True):
        erase_user(person.user)
    page = client.get(person.certificate.verification_path)
    html = page.content.decode()
    assert page.status_code == 200
    assert WITHDRAWN_NAME in html and NAME not in html

    # A copy of the first version (with the old name) that a third party kept
    # still verifies: its hash is kept, and the page shows no name.
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = post_form(
        client,
        "/certificados/verificar/",
        {"archivo-pdf": SimpleUploadedFile("copia.pdf", version_file(1))},
        action="/certificados/verificar/",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Certificado válido" in html and WITHDRAWN_NAME in html
    assert OLD_NAME not in html and NAME not in html


# ------------------------------------------------------------ the person's own
def _reauthenticate(client, next_url):
    """allauth's reauthentication page, as the person fills it."""
    page = client.get(next_url)
    assert page.status_code == 302 and "/reauthenticate/" in page.url
    response = post_form(client, page.url, {"password": PASSWORD})
    assert response.status_code == 302
    return response


def test_delete_my_account_asks_for_the_password_again_then_erases(
    client, django_capture_on_commit_callbacks
):
    person = UserFactory(full_name="Ana Lucía Choc Pop", phone="5555 0101")
    client.force_login(person)
    url = "/cuentas/perfil/eliminar-cuenta/"
    _reauthenticate(client, url)
    page = client.get(url)
    assert page.status_code == 200
    assert "Participante" in page.content.decode()  # the consequences, in Spanish
    # Without ticking the box: refused, nothing changes.
    response = post_form(client, url, {}, action=url)
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Marque la casilla") == 1
    # The error sits by the box (includes/form_field.html) and the box names it.
    assert '<ul class="field__errors" id="id_confirm_error">' in html
    assert 'aria-describedby="id_confirm_error"' in html
    assert User.objects.get(pk=person.pk).erased_at is None
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, url, {"confirm": "on"}, action=url)
    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).erased_at is not None
    assert find_everywhere(["Ana Lucía Choc Pop", person.email, "5555 0101"]) == []
    # Signed out, and the old password no longer opens anything.
    assert client.get("/cuentas/perfil/").status_code == 302
    assert not client.login(email=person.email, password=PASSWORD)


def test_delete_my_account_without_reauthentication_changes_nothing(client):
    from tests.forms import csrf_token

    person = UserFactory()
    client.force_login(person)
    token = csrf_token(client, "/cuentas/perfil/")
    response = client.post(
        "/cuentas/perfil/eliminar-cuenta/",
        {"confirm": "on", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302 and "/reauthenticate/" in response.url
    assert User.objects.get(pk=person.pk).erased_at is None


def test_delete_my_account_refuses_a_post_without_csrf_token(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/cuentas/perfil/eliminar-cuenta/", {"confirm": "on"})
    assert response.status_code == 403
    assert User.objects.get(pk=person.pk).erased_at is None


# ------------------------------------------------------------ the admin path
@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


def test_superuser_deletes_a_person_with_everything_no_5xx(
    client, superuser, django_capture_on_commit_callbacks
):
    person = person_everywhere()
    client.force_login(superuser)
    url = f"/admin/users/delete/{person.user.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Participante" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, url, action=url)
    assert response.status_code == 302
    _assert_erased(person)
    # The audit log says who erased, without the name.
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(
        action="accounts.user.erased", object_id=str(person.user.pk)
    )
    assert entry.user_id == superuser.pk and entry.label == ANONYMOUS_NAME


def test_superuser_bulk_delete_erases_certificate_holders(
    client, superuser, completed_enrollment, django_capture_on_commit_callbacks
):
    holder = completed_enrollment.user
    other = UserFactory()
    client.force_login(superuser)
    url = (
        "/admin/bulk/accounts/user/delete/?next=/admin/users/"
        f"&id={holder.pk}&id={other.pk}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, url, {}, follow=True)
    assert response.status_code == 200
    for pk in (holder.pk, other.pk):
        assert User.objects.get(pk=pk).erased_at is not None
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    assert certificate.holder_name == WITHDRAWN_NAME


def test_coordinator_cannot_delete_even_through_the_new_path(client, coordinator):
    person = person_everywhere()
    client.force_login(coordinator)
    from tests.forms import csrf_token

    response = client.post(
        f"/admin/users/delete/{person.user.pk}/",
        {"csrfmiddlewaretoken": csrf_token(client, "/cuentas/perfil/")},
    )
    assert response.status_code in (302, 403)
    assert User.objects.get(pk=person.user.pk).erased_at is None
    assert len(mail.outbox) >= 0
