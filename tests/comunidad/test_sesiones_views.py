"""The sessions pages: who sees what (404 outside one's editions), the link
and place only for the edition's people, the session form in Guatemala's
time, the roster POST through a CSRF client, and flat query counts."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comunidad.models import Attendance, LiveSession
from tests.comunidad.sessions_data import session
from tests.cursos import tutoria_data as data
from tests.factories import UserFactory, municipality
from tests.forms import post_form

pytestmark = pytest.mark.django_db
GUATEMALA = ZoneInfo("America/Guatemala")


def as_user(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def list_url(cohort):
    return reverse("comunidad:sesion-lista", kwargs={"cohort_id": cohort.pk})


def roster_url(cohort, live):
    return reverse(
        "comunidad:sesion-asistencia",
        kwargs={"cohort_id": cohort.pk, "session_id": live.pk},
    )


@pytest.fixture
def world():
    course, cohort = data.edition(title="Diplomado de sesiones")
    _other_course, other_cohort = data.edition(title="Otro diplomado")
    return {
        "cohort": cohort,
        "other_cohort": other_cohort,
        "tutor": data.tutor(cohort),
        "other_tutor": data.tutor(other_cohort),
        "learner": data.learner(cohort, code=data.GUATEMALA),
        "toto": data.learner(cohort, code=data.TOTONICAPAN),
        "outsider": data.learner(other_cohort),
    }


def test_settings_time_zone_is_guatemala(settings):
    assert settings.TIME_ZONE == "America/Guatemala" and settings.USE_TZ


def test_learners_see_their_sessions_with_link_others_get_404(world):
    cohort = world["cohort"]
    everyone = session(
        cohort,
        hours_from_now=48,
        topic="Para todos",
        link="https://reunion.ejemplo.gt/todos",
    )
    session(
        cohort,
        hours_from_now=72,
        topic="Solo Totonicapán",
        mode="presencial",
        link="",
        place="Sede por confirmar",
        department=municipality(data.TOTONICAPAN).department,
    )
    session(cohort, hours_from_now=-48, topic="Ya pasó")  # past ones listed too
    page = as_user(world["learner"].user).get(list_url(cohort))
    html = page.content.decode()
    assert page.status_code == 200 and "Ya pasó" in html
    assert "Para todos" in html and everyone.link in html
    assert "Solo Totonicapán" not in html
    toto = as_user(world["toto"].user).get(list_url(cohort)).content.decode()
    assert "Solo Totonicapán" in toto and "Sede por confirmar" in toto
    for person in (world["outsider"].user, world["other_tutor"], UserFactory()):
        response = as_user(person).get(list_url(cohort))
        assert response.status_code == 404
        assert everyone.link.encode() not in response.content
    assert Client().get(list_url(cohort)).status_code == 302


def test_the_tutor_sees_every_session_and_management_links(world):
    cohort = world["cohort"]
    session(
        cohort,
        hours_from_now=72,
        topic="Solo Totonicapán",
        mode="presencial",
        link="",
        place="Sede por confirmar",
        department=municipality(data.TOTONICAPAN).department,
    )
    html = as_user(world["tutor"]).get(list_url(cohort)).content.decode()
    assert "Solo Totonicapán" in html and "Programar una sesión" in html


def test_a_session_at_nine_guatemala_shows_nine(world):
    cohort = world["cohort"]
    day = timezone.localdate() + timedelta(days=3)
    starts = datetime(day.year, day.month, day.day, 9, 0, tzinfo=GUATEMALA)
    LiveSession.objects.create(
        cohort=cohort,
        topic="A las nueve",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        link="https://reunion.ejemplo.gt/9",
    )
    html = as_user(world["learner"].user).get(list_url(cohort)).content.decode()
    assert "09:00</time>–10:00" in html
    # 09:00 in Guatemala is 15:00 UTC (UTC−6, no daylight saving).
    assert LiveSession.objects.get().starts_at.astimezone(ZoneInfo("UTC")).hour == 15


def test_the_tutor_creates_a_session_in_guatemala_time(world):
    cohort = world["cohort"]
    client = as_user(world["tutor"])
    url = reverse("comunidad:sesion-nueva", kwargs={"cohort_id": cohort.pk})
    day = timezone.localdate() + timedelta(days=5)
    response = post_form(
        client,
        url,
        {
            "topic": "Plazos de respuesta",
            "day": day.isoformat(),
            "start": "09:00",
            "end": "10:30",
            "mode": "virtual",
            "link": "https://reunion.ejemplo.gt/p",
            "place": "",
            "department": "",
            "counts_for_attendance": "on",
        },
    )
    assert response.status_code == 302
    created = LiveSession.objects.get()
    local = timezone.localtime(created.starts_at, GUATEMALA)
    assert (local.date(), local.hour, local.minute) == (day, 9, 0)
    assert world["learner"].user.notifications.filter(kind="sesion").exists()
    edit = reverse(
        "comunidad:sesion-editar",
        kwargs={"cohort_id": cohort.pk, "session_id": created.pk},
    )
    page = client.get(edit).content.decode()
    assert 'value="09:00"' in page and f'value="{day.isoformat()}"' in page


def test_the_session_form_refuses_bad_input_in_spanish(world):
    cohort = world["cohort"]
    url = reverse("comunidad:sesion-nueva", kwargs={"cohort_id": cohort.pk})
    response = post_form(
        as_user(world["tutor"]),
        url,
        {
            "topic": "<script>x</script>",
            "day": "2030-01-01",
            "start": "10:00",
            "end": "09:00",
            "mode": "virtual",
            "link": "https://reunion.ejemplo.gt/p",
        },
    )
    assert response.status_code == 400
    assert "terminar después de iniciar" in response.content.decode()
    assert "<script>x" not in response.content.decode()
    response = post_form(
        as_user(world["tutor"]),
        url,
        {
            "topic": "Tema",
            "day": "no",
            "start": "x",
            "end": "",
            "mode": "otro",
        },
    )
    assert response.status_code == 400
    assert not LiveSession.objects.exists()


def test_learners_and_other_tutors_cannot_manage(world):
    cohort = world["cohort"]
    live = session(cohort)
    urls = [
        reverse("comunidad:sesion-nueva", kwargs={"cohort_id": cohort.pk}),
        reverse(
            "comunidad:sesion-editar",
            kwargs={"cohort_id": cohort.pk, "session_id": live.pk},
        ),
        roster_url(cohort, live),
    ]
    for person in (world["learner"].user, world["other_tutor"], world["outsider"].user):
        for url in urls:
            assert as_user(person).get(url).status_code == 404
    # A session id of another edition under this edition's address: 404.
    foreign = session(world["other_cohort"])
    assert as_user(world["tutor"]).get(roster_url(cohort, foreign)).status_code == 404


def test_the_roster_post_saves_everyone(world):
    cohort = world["cohort"]
    live = session(cohort)
    client = as_user(world["tutor"])
    url = roster_url(cohort, live)
    page = client.get(url).content.decode()
    assert f'name="estado-{world["learner"].pk}"' in page
    assert f'name="estado-{world["outsider"].pk}"' not in page
    response = post_form(
        client,
        url,
        {
            f"estado-{world['learner'].pk}": "presente",
            f"estado-{world['toto'].pk}": "justificada",
        },
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("enrollment_id", "status")) == {
        world["learner"].pk: "presente",
        world["toto"].pk: "justificada",
    }
    again = client.get(url).content.decode()
    pk = world["learner"].pk
    assert f'name="estado-{pk}" value="presente" checked' in again
    assert f'name="estado-{pk}" value="ausente" checked' not in again


def test_an_outsider_id_in_the_roster_post_saves_nothing(world):
    cohort = world["cohort"]
    live = session(cohort)
    response = post_form(
        as_user(world["tutor"]),
        roster_url(cohort, live),
        {
            f"estado-{world['learner'].pk}": "presente",
            f"estado-{world['outsider'].pk}": "presente",
        },
    )
    assert response.status_code == 400
    assert "no se guardó nada" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_learner_sees_own_attendance_and_percent(world):
    cohort = world["cohort"]
    coordinator = UserFactory(coordinator=True)
    from comunidad.services.sessions import record_attendance

    for status in ("presente", "ausente", "justificada"):
        record_attendance(
            session=session(cohort, topic=f"Sesión {status}"),
            recorded_by=coordinator,
            statuses={world["learner"].pk: status},
        )
    html = as_user(world["learner"].user).get(list_url(cohort)).content.decode()
    assert "50 %" in html and "Ausencia justificada" in html
    assert "no cuenta ni a favor ni en contra" in html


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(cohort, n):
    for i in range(n):
        learner = data.learner(cohort)
        live = session(cohort, hours_from_now=-3 - i, topic=f"Sesión {i}")
        Attendance.objects.create(session=live, enrollment=learner, status="presente")
        session(cohort, hours_from_now=24 + i, topic=f"Próxima {i}")


def test_query_counts_are_flat(world):
    cohort = world["cohort"]
    tutor = world["tutor"]
    learner = world["learner"]
    target = session(cohort, topic="Con lista")
    _grow(cohort, 3)
    small = (
        _count(as_user(tutor), list_url(cohort)),
        _count(as_user(learner.user), list_url(cohort)),
        _count(as_user(tutor), roster_url(cohort, target)),
    )
    _grow(cohort, 30)
    large = (
        _count(as_user(tutor), list_url(cohort)),
        _count(as_user(learner.user), list_url(cohort)),
        _count(as_user(tutor), roster_url(cohort, target)),
    )
    assert small == large


def test_the_course_page_shows_upcoming_sessions_to_the_edition(world):
    cohort = world["cohort"]
    session(cohort, hours_from_now=30, topic="Próxima sesión del diplomado")
    html = as_user(world["learner"].user).get(cohort.course.url).content.decode()
    assert "Próxima sesión del diplomado" in html and list_url(cohort) in html


def test_tutor_area_links_to_sessions(world):
    cohort = world["cohort"]
    client = as_user(world["tutor"])
    for url in (
        reverse("tutoria:home"),
        reverse("tutoria:edition", kwargs={"cohort_id": cohort.pk}),
    ):
        assert list_url(cohort) in client.get(url).content.decode()


def test_coordinators_create_sessions_in_the_wagtail_admin(world):
    cohort = world["cohort"]
    coordinator = UserFactory(coordinator=True, is_staff=True)
    client = as_user(coordinator)
    url = reverse("sesiones_en_vivo:add")
    page = client.get(url)
    assert page.status_code == 200
    day = (timezone.localdate() + timedelta(days=4)).isoformat()
    data = {
        "cohort": cohort.pk,
        "topic": "Sesión desde el administrador",
        "starts_at": f"{day} 09:00",
        "ends_at": f"{day} 08:00",
        "mode": "virtual",
        "link": "",
        "place": "",
        "department": "",
        "counts_for_attendance": "on",
    }
    refused = post_form(client, url, data, action=url)
    assert refused.status_code == 200 and not LiveSession.objects.exists()
    data.update(ends_at=f"{day} 10:00", link="https://reunion.ejemplo.gt/admin")
    created = post_form(client, url, data, action=url)
    assert created.status_code == 302
    live = LiveSession.objects.get()
    assert timezone.localtime(live.starts_at, GUATEMALA).hour == 9
    assert world["learner"].user.notifications.filter(kind="sesion").exists()
