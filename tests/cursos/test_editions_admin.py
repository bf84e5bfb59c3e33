"""Coordinators run editions in the admin: participants, one-by-one enrollment,
moving a learner (keeping their work, logged), tutors; all in Spanish, and out
of reach of learners and staff."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from cursos.models import (
    Cohort,
    EditionTutor,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
)
from cursos.services.editions import EditionError, move_enrollment
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.quizzes import start_attempt
from lms.accounts.models import STAFF_GROUP, User
from tests.factories import UserFactory, add_quiz, build_course, course_lessons
from tests.forms import csrf_token, post_form
from tests.test_admin_spanish import crawl, english_on_page

pytestmark = pytest.mark.django_db

GT = ZoneInfo("America/Guatemala")
NOW = datetime.datetime(2027, 2, 10, 10, tzinfo=GT)


def edition(name, capacity=None):
    return {
        "name": name,
        "enrollment_opens": datetime.datetime(2027, 1, 1, 8, tzinfo=GT),
        "enrollment_closes": datetime.datetime(2027, 3, 31, 18, tzinfo=GT),
        "starts_on": datetime.date(2027, 2, 3),
        "ends_on": datetime.date(2027, 6, 30),
        "capacity": capacity,
    }


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def course():
    course = build_course(
        modules=1,
        lessons=2,
        title="Diplomado de ediciones",
        cohorts=[edition("Edición A", capacity=1), edition("Edición B", capacity=1)],
    )
    add_quiz(course, max_attempts=3)
    return course


def cohort(course, name):
    return Cohort.objects.get(course=course, name=name)


@pytest.fixture
def tutor():
    return UserFactory(full_name="Tomasa Tutora Ixcot", groups_by_name=("Tutores",))


def test_move_keeps_completions_and_attempts_and_is_logged(course, coordinator):
    a, b = cohort(course, "Edición A"), cohort(course, "Edición B")
    learner = UserFactory()
    enrollment = enroll(user=learner, course=course, cohort=a)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    from cursos.models import QuizPage

    start_attempt(enrollment=enrollment, quiz=QuizPage.objects.get())
    move_enrollment(actor=coordinator, enrollment=enrollment, target=b)
    enrollment.refresh_from_db()
    assert enrollment.cohort == b
    assert LessonCompletion.objects.filter(enrollment=enrollment).count() == 1
    assert QuizAttempt.objects.filter(enrollment=enrollment).count() == 1
    entry = ModelLogEntry.objects.get(action="cursos.enrollment.move")
    assert entry.user == coordinator and entry.data["to"] == "Edición B"
    assert entry.message == "Trasladada de «Edición A» a «Edición B»"


def test_move_refuses_a_full_target_unless_overridden(course, coordinator):
    a, b = cohort(course, "Edición A"), cohort(course, "Edición B")
    moving = enroll(user=UserFactory(), course=course, cohort=a)
    enroll(user=UserFactory(), course=course, cohort=b)
    with pytest.raises(EditionError, match="lleno"):
        move_enrollment(actor=coordinator, enrollment=moving, target=b)
    move_enrollment(
        actor=coordinator, enrollment=moving, target=b, override_capacity=True
    )
    assert Enrollment.objects.filter(cohort=b).count() == 2


def test_move_refuses_someone_already_in_the_target(course, coordinator):
    a, b = cohort(course, "Edición A"), cohort(course, "Edición B")
    learner = UserFactory()
    old = Enrollment.objects.create(user=learner, course=course, cohort=b)
    Enrollment.objects.filter(pk=old.pk).update(result="no_aprobado")
    current = Enrollment.objects.create(user=learner, course=course, cohort=a)
    with pytest.raises(EditionError, match="ya está inscrito"):
        move_enrollment(
            actor=coordinator, enrollment=current, target=b, override_capacity=True
        )
    with pytest.raises(EditionError, match="mismo curso"):
        other = build_course(modules=1, lessons=1, cohorts=[edition("Otra")])
        move_enrollment(
            actor=coordinator, enrollment=current, target=cohort(other, "Otra")
        )


def test_a_learner_cannot_move_anyone(course, participant):
    from django.core.exceptions import PermissionDenied

    a, b = cohort(course, "Edición A"), cohort(course, "Edición B")
    enrollment = enroll(user=participant, course=course, cohort=a)
    with pytest.raises(PermissionDenied):
        move_enrollment(actor=participant, enrollment=enrollment, target=b)


def test_move_through_the_admin(client, course, coordinator):
    a, b = cohort(course, "Edición A"), cohort(course, "Edición B")
    enrollment = enroll(user=UserFactory(), course=course, cohort=a)
    client.force_login(coordinator)
    url = f"/admin/ediciones/inscripciones/{enrollment.pk}/trasladar/"
    response = post_form(client, url, {"target": b.pk}, action=None)
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.cohort == b
    enroll(user=UserFactory(), course=course, cohort=a)
    response = post_form(client, url, {"target": a.pk}, action=None)
    assert response.status_code == 400
    assert "Trasladar aunque supere el cupo" in response.content.decode()


def test_enroll_one_existing_person_and_one_new(
    client, course, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    Cohort.objects.update(capacity=None)
    a = cohort(course, "Edición A")
    existing = UserFactory(email="existe@muni.example")
    client.force_login(coordinator)
    url = f"/admin/ediciones/{a.pk}/inscribir/"
    response = post_form(client, url, {"email": "EXISTE@muni.example"}, action=url)
    assert response.status_code == 302
    assert Enrollment.objects.filter(user=existing, cohort=a).exists()
    # A new person without their data: every missing field is named.
    response = post_form(client, url, {"email": "nueva@muni.example"}, action=url)
    assert response.status_code == 400
    assert "este dato es obligatorio" in response.content.decode()
    from tests.factories import municipality

    place = municipality("0301")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            client,
            url,
            {
                "email": "nueva@muni.example",
                "full_name": "Ana Lucía Xocop",
                "department": place.department_id,
                "municipality": place.pk,
                "post": "uip",
            },
            action=url,
        )
    assert response.status_code == 302
    new = User.objects.get(email="nueva@muni.example")
    assert Enrollment.objects.filter(user=new, cohort=a).exists()
    assert [m.to for m in mailoutbox] == [["nueva@muni.example"]]
    assert "Le inscribieron" in mailoutbox[0].subject


def test_municipality_outside_department_is_refused(client, course, coordinator):
    a = cohort(course, "Edición A")
    client.force_login(coordinator)
    url = f"/admin/ediciones/{a.pk}/inscribir/"
    from tests.factories import municipality

    response = post_form(
        client,
        url,
        {
            "email": "nueva@muni.example",
            "full_name": "Ana Lucía Xocop",
            "department": municipality("0801").department_id,
            "municipality": municipality("0301").pk,
            "post": "uip",
        },
        action=url,
    )
    assert response.status_code == 400
    assert "no pertenece a ese departamento" in response.content.decode()
    assert not User.objects.filter(email="nueva@muni.example").exists()


def test_assign_a_tutor_by_hand_from_the_participants(
    client, course, coordinator, tutor
):
    from cursos.models import EditionTutor

    a = cohort(course, "Edición A")
    enrollment = enroll(user=UserFactory(), course=course, cohort=a)
    client.force_login(coordinator)
    page = f"/admin/ediciones/{a.pk}/"
    action = f"/admin/ediciones/inscripciones/{enrollment.pk}/tutoria/"
    # A tutor not assigned to the edition is refused (they would see nothing).
    post_form(client, page, {"tutor": tutor.pk}, action=action)
    enrollment.refresh_from_db()
    assert enrollment.tutor is None
    EditionTutor.objects.create(cohort=a, tutor=tutor)
    response = post_form(client, page, {"tutor": tutor.pk}, action=action)
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.tutor == tutor
    assert ModelLogEntry.objects.filter(action="cursos.enrollment.tutor").exists()
    # Someone outside "Tutores" is refused.
    response = post_form(
        client, page, {"tutor": UserFactory().pk}, action=action, follow=True
    )
    assert "grupo «Tutores»" in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.tutor == tutor


def test_edition_tutors_viewset(client, course, coordinator, tutor):
    a = cohort(course, "Edición A")
    client.force_login(coordinator)
    response = post_form(
        client,
        "/admin/tutorias-ediciones/new/",
        {"cohort": a.pk, "tutor": tutor.pk},
        action="/admin/tutorias-ediciones/new/",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert EditionTutor.objects.filter(cohort=a, tutor=tutor).exists()
    listing = client.get("/admin/tutorias-ediciones/").content.decode()
    assert "Tomasa Tutora Ixcot" in listing


def _participants_queries(client, cohort_):
    client.get(f"/admin/ediciones/{cohort_.pk}/")  # warm caches and menus
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/admin/ediciones/{cohort_.pk}/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_participants_and_editions_pages_stay_flat(client, course, coordinator, tutor):
    Cohort.objects.update(capacity=None)
    a = cohort(course, "Edición A")
    client.force_login(coordinator)
    for _ in range(2):
        enroll(user=UserFactory(), course=course, cohort=a)
    client.get(f"/admin/ediciones/{a.pk}/")  # warm the session and menus
    small = _participants_queries(client, a)
    with CaptureQueriesContext(connection) as ctx:
        client.get("/admin/ediciones/")
    editions_small = len(ctx.captured_queries)
    assert small <= 15 and editions_small <= 15
    for _ in range(10):
        enroll(user=UserFactory(), course=course, cohort=a)
    build_course(modules=1, lessons=1, cohorts=[edition("X"), edition("Y")])
    assert _participants_queries(client, a) == small
    client.get("/admin/ediciones/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/admin/ediciones/")
    assert len(ctx.captured_queries) == editions_small


def test_admin_edition_pages_are_in_spanish(client, course, coordinator, tutor):
    a = cohort(course, "Edición A")
    enrollment = enroll(user=UserFactory(), course=course, cohort=a)
    EditionTutor.objects.create(cohort=a, tutor=tutor)
    client.force_login(coordinator)
    report = crawl(
        client,
        [
            "/admin/ediciones/",
            f"/admin/ediciones/{a.pk}/",
            f"/admin/ediciones/{a.pk}/inscribir/",
            f"/admin/ediciones/inscripciones/{enrollment.pk}/trasladar/",
            "/admin/tutorias-ediciones/",
            "/admin/tutorias-ediciones/new/",
        ],
        limit=40,
        scope=("/admin/ediciones/", "/admin/tutorias-ediciones/"),
    )
    assert len(report) >= 6, sorted(report)
    assert {url: found for url, found in report.items() if found} == {}
    # The preview page answers a POST only: check it directly.
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = post_form(
        client,
        f"/admin/ediciones/{a.pk}/inscribir/",
        {
            "archivo": SimpleUploadedFile(
                "p.csv",
                b"correo,nombre_completo,departamento,municipio,cargo\n"
                b"a@muni.example,Ana Xocop,03,0301,uip\n",
            )
        },
        action=f"/admin/ediciones/{a.pk}/importar/",
    )
    assert english_on_page(response.content.decode())[0] == set()


@pytest.mark.parametrize("who", ["participant", "staff"])
def test_learners_and_staff_reach_none_of_it(client, course, who):
    a = cohort(course, "Edición A")
    enrollment = enroll(user=UserFactory(), course=course, cohort=a)
    user = (
        UserFactory(groups_by_name=(STAFF_GROUP,), email="p@infom.gob.gt")
        if who == "staff"
        else UserFactory()
    )
    client.force_login(user)
    for url in (
        "/admin/ediciones/",
        f"/admin/ediciones/{a.pk}/",
        f"/admin/ediciones/{a.pk}/inscribir/",
        f"/admin/ediciones/inscripciones/{enrollment.pk}/trasladar/",
        "/admin/tutorias-ediciones/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    token = csrf_token(client, "/cuentas/perfil/")
    response = client.post(
        f"/admin/ediciones/inscripciones/{enrollment.pk}/tutoria/",
        {"csrfmiddlewaretoken": token, "tutor": ""},
    )
    assert response.status_code == 302 and "login" in response["Location"]


def refused(response) -> bool:
    """Wagtail turns PermissionDenied into a redirect to the admin home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_an_admin_user_without_the_permission_is_refused(client, course):
    """Someone with admin access but without cursos.manage_enrollments."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Solo editores")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(groups_by_name=("Solo editores",))
    a = cohort(course, "Edición A")
    client.force_login(editor)
    assert refused(client.get("/admin/ediciones/"))
    assert refused(client.get(f"/admin/ediciones/{a.pk}/inscribir/"))
    token = csrf_token(client, "/cuentas/perfil/")
    response = client.post(
        f"/admin/ediciones/{a.pk}/inscribir/",
        {"csrfmiddlewaretoken": token, "email": "x@muni.example"},
    )
    assert refused(response)
    assert not Enrollment.objects.exists()
