"""A certificate's holder name changes only through "Volver a emitir": validated
from the profile, a new PDF version rendered, the old one kept. The registry's
generic edit/add views refuse everyone, superusers included, even with a valid
CSRF token."""

import pytest

from certificados.models import Certificate, CertificateVersion
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import UserFactory, build_course, course_lessons
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db
LIST = "/admin/registro-certificados/"
OLD = "María José Tzul Batz"


@pytest.fixture
def certificate(django_capture_on_commit_callbacks):
    course = build_course(modules=1, lessons=1, title="Diplomado de prueba")
    enrollment = enroll(user=UserFactory(full_name=OLD), course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.ISSUED
    return certificate


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


def reissue_url(certificate):
    return f"/admin/certificados-acciones/{certificate.pk}/reemitir/"


IDENTITY = {
    "holder_name": "Nombre Inventado",
    "code": "A" * 32,
    "course_title": "Otro curso",
    "hours": "999",
    "cohort_name": "Otra edición",
    "completed_on": "2020-01-01",
    "status": "emitido",
    "version": "7",
}


@pytest.mark.parametrize("who", ["superusuario", "coordinador"])
def test_crafted_post_to_the_edit_view_changes_nothing(
    csrf_client, certificate, superuser, coordinator, who
):
    user = superuser if who == "superusuario" else coordinator
    csrf_client.force_login(user)
    before = Certificate.objects.values().get(pk=certificate.pk)
    # A real token of this session, taken from the reissue form.
    token = csrf_token(csrf_client, reissue_url(certificate))
    for url in (f"{LIST}edit/{certificate.pk}/", f"{LIST}new/"):
        assert csrf_client.get(url).status_code in (302, 403)
        response = csrf_client.post(url, {**IDENTITY, "csrfmiddlewaretoken": token})
        assert response.status_code in (302, 403), url
    assert Certificate.objects.values().get(pk=certificate.pk) == before
    assert Certificate.objects.count() == 1


def test_the_registry_links_to_the_read_only_view(csrf_client, certificate, superuser):
    csrf_client.force_login(superuser)
    html = csrf_client.get(LIST).content.decode()
    assert f"{LIST}inspect/{certificate.pk}/" in html
    assert f"{LIST}edit/{certificate.pk}/" not in html and f"{LIST}new/" not in html
    inspect = csrf_client.get(f"{LIST}inspect/{certificate.pk}/")
    assert inspect.status_code == 200 and OLD in inspect.content.decode()


def test_reissue_is_the_way_to_change_the_name(
    csrf_client, certificate, coordinator, django_capture_on_commit_callbacks
):
    user = certificate.enrollment.user
    user.full_name = "María José Tzul Batz de León"
    user.save(update_fields=["full_name"])
    csrf_client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(csrf_client, reissue_url(certificate), follow=True)
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.holder_name == "María José Tzul Batz de León"
    assert certificate.version == 2 and certificate.status == "emitido"
    versions = dict(
        CertificateVersion.objects.filter(certificate=certificate).values_list(
            "version", "holder_name"
        )
    )
    assert versions == {1: OLD, 2: "María José Tzul Batz de León"}


@pytest.mark.parametrize(
    "bad_name", ['=HYPERLINK("http://x.example")', "X", "Juan 2", "  "]
)
def test_reissue_refuses_an_invalid_profile_name(
    csrf_client, certificate, coordinator, bad_name
):
    user = certificate.enrollment.user
    user.full_name = bad_name
    user.save(update_fields=["full_name"])
    csrf_client.force_login(coordinator)
    before = Certificate.objects.values().get(pk=certificate.pk)
    response = post_form(csrf_client, reissue_url(certificate), follow=True)
    assert response.status_code == 200
    assert "no es válido para un certificado" in response.content.decode()
    assert Certificate.objects.values().get(pk=certificate.pk) == before
    assert CertificateVersion.objects.filter(certificate=certificate).count() == 1
