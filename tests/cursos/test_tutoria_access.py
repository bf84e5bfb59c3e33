"""Who may enter /tutoria/ and what each tutor sees: only the learners they
follow (by department or assigned by hand); ids of anyone else are a 404."""

import pytest
from django.test import Client

from lms.accounts.models import STAFF_GROUP
from tests.cursos import tutoria_data as data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    course, cohort = data.edition(title="Diplomado de gestión municipal")
    homework = data.assignment(course)
    # Tutor A attends Guatemala, tutor B Totonicapán; Bea (in Guatemala) was
    # assigned to tutor B by hand.
    tutor_a = data.tutor(cohort, departments=(data.GUATEMALA,), full_name="Tutora A")
    tutor_b = data.tutor(cohort, departments=(data.TOTONICAPAN,), full_name="Tutor B")
    ana = data.learner(cohort, code=data.GUATEMALA, full_name="Ana de Guatemala")
    tono = data.learner(cohort, code=data.TOTONICAPAN, full_name="Tono de Toto")
    bea = data.learner(
        cohort, code=data.GUATEMALA, tutor=tutor_b, full_name="Bea a mano"
    )
    return {
        "course": course,
        "cohort": cohort,
        "a": tutor_a,
        "b": tutor_b,
        "ana": ana,
        "tono": tono,
        "bea": bea,
        "ana_work": data.hand_in(ana, homework),
        "tono_work": data.hand_in(tono, homework),
        "bea_work": data.hand_in(bea, homework),
    }


def as_user(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def urls(world, enrollment_key, work_key):
    cohort = world["cohort"]
    return [
        f"/tutoria/ediciones/{cohort.pk}/participantes/{world[enrollment_key].pk}/",
        f"/tutoria/entregas/{world[work_key].pk}/",
    ]


def test_tutor_sees_only_their_learners(world):
    page = as_user(world["a"]).get(f"/tutoria/ediciones/{world['cohort'].pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Ana de Guatemala" in html
    assert "Tono de Toto" not in html  # another department
    assert "Bea a mano" not in html  # assigned by hand to tutor B

    page = as_user(world["b"]).get(f"/tutoria/ediciones/{world['cohort'].pk}/")
    html = page.content.decode()
    assert "Tono de Toto" in html and "Bea a mano" in html
    assert "Ana de Guatemala" not in html


@pytest.mark.parametrize(
    ("enrollment_key", "work_key"), [("tono", "tono_work"), ("bea", "bea_work")]
)
def test_tutor_cannot_open_another_tutors_learner_or_work(
    world, enrollment_key, work_key
):
    client = as_user(world["a"])
    for url in urls(world, enrollment_key, work_key):
        assert client.get(url).status_code == 404, url
    for url in urls(world, "ana", "ana_work"):
        assert client.get(url).status_code == 200, url


def test_queue_and_home_count_only_their_work(world):
    client = as_user(world["a"])
    queue = client.get("/tutoria/pendientes/").content.decode()
    assert "Ana de Guatemala" in queue
    assert "Tono de Toto" not in queue and "Bea a mano" not in queue
    home = client.get("/tutoria/").content.decode()
    assert "1 participante" in home and "1 entrega por calificar" in home


def test_learner_of_an_edition_with_the_wrong_edition_id_is_404(world):
    _course, other_cohort = data.edition()
    data.tutor(other_cohort)  # the edition exists, and has tutors
    client = as_user(world["a"])
    url = f"/tutoria/ediciones/{other_cohort.pk}/participantes/{world['ana'].pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"/tutoria/ediciones/{other_cohort.pk}/").status_code == 404


def test_unassigned_tutor_sees_nothing(world):
    client = as_user(data.tutor())
    assert client.get("/tutoria/").status_code == 200
    for url in urls(world, "ana", "ana_work"):
        assert client.get(url).status_code == 404


def test_coordinator_sees_everyone(world, coordinator):
    client = as_user(coordinator)
    html = client.get(f"/tutoria/ediciones/{world['cohort'].pk}/").content.decode()
    for name in ("Ana de Guatemala", "Tono de Toto", "Bea a mano"):
        assert name in html
    for key in ("tono", "bea"):
        for url in urls(world, key, f"{key}_work"):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "who",
    ["learner", "staff", "inactive_tutor", "superuser_is_coordinator"],
)
def test_others_are_refused(world, who):
    users = {
        "learner": lambda: world["ana"].user,
        "staff": lambda: UserFactory(
            groups_by_name=(STAFF_GROUP,), email="alguien@infom.gob.gt"
        ),
        "inactive_tutor": lambda: data.tutor(world["cohort"], is_active=False),
        "superuser_is_coordinator": lambda: UserFactory(
            is_superuser=True, is_staff=True
        ),
    }
    client = Client(enforce_csrf_checks=True)
    user = users[who]()
    client.force_login(user)
    expected = 200 if who == "superuser_is_coordinator" else 403
    for url in ["/tutoria/", "/tutoria/pendientes/", *urls(world, "ana", "ana_work")]:
        response = client.get(url)
        if who == "inactive_tutor":
            # An inactive account is not signed in at all.
            assert response.status_code in (302, 403), url
        else:
            assert response.status_code == expected, url
    if expected == 403:
        assert "Tutoría" not in client.get("/mi-aprendizaje/").content.decode()


def test_anonymous_is_sent_to_log_in(world):
    response = Client().get("/tutoria/pendientes/")
    assert response.status_code == 302
    assert response["Location"].startswith("/cuentas/login/")


def test_header_link_only_for_tutors_and_coordinators(world, coordinator):
    for user in (world["a"], coordinator):
        html = as_user(user).get("/mi-aprendizaje/").content.decode()
        assert 'href="/tutoria/"' in html
    html = as_user(world["ana"].user).get("/mi-aprendizaje/").content.decode()
    assert 'href="/tutoria/"' not in html
