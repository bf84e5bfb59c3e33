"""The waiting list of a full edition: first come, first served; a freed seat
is offered by e-mail for WAITLIST_OFFER_HOURS; an expired offer passes on."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cursos.models import Cohort, Enrollment, WaitlistEntry
from cursos.services.editions import (
    EditionError,
    advance_waitlists,
    join_waitlist,
    leave_waitlist,
    move_enrollment,
    offer_free_seats,
    take_seat,
    waitlist_position,
)
from cursos.services.enrollment import EditionFull, enroll
from tests.factories import UserFactory, build_course
from tests.forms import post_form

pytestmark = pytest.mark.django_db

GT = ZoneInfo("America/Guatemala")
D = datetime.date


def at(day, hour=10):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=GT)


OPEN_DAY = at(D(2027, 1, 10))
EDITION = {
    "name": "Edición con cupo",
    "enrollment_opens": at(D(2027, 1, 1)),
    "enrollment_closes": at(D(2027, 1, 31)),
    "starts_on": D(2027, 2, 3),
    "ends_on": D(2027, 5, 31),
    "capacity": 2,
}
OTHER = {**EDITION, "name": "Otra edición", "capacity": None}


@pytest.fixture
def full(settings):
    """A two-seat edition with two people enrolled and three in line."""
    settings.WAITLIST_OFFER_HOURS = 48
    course = build_course(modules=1, lessons=1, cohorts=[EDITION, OTHER])
    cohort = Cohort.objects.get(course=course, name="Edición con cupo")
    with time_machine.travel(OPEN_DAY, tick=False):
        seated = [
            enroll(user=UserFactory(), course=course, cohort=cohort) for _ in "ab"
        ]
        waiting = []
        for minute in range(3):
            with time_machine.travel(OPEN_DAY + datetime.timedelta(minutes=minute)):
                user = UserFactory()
                with pytest.raises(EditionFull):
                    enroll(user=user, course=course, cohort=cohort)
                join_waitlist(user=user, cohort=cohort)
                waiting.append(user)
    return cohort, seated, waiting


def entry(user, cohort):
    return WaitlistEntry.objects.filter(user=user, cohort=cohort).latest("pk")


def test_positions_are_first_come_first_served(full):
    cohort, _seated, waiting = full
    assert [waitlist_position(entry(u, cohort)) for u in waiting] == [1, 2, 3]
    # Joining twice keeps the place.
    with time_machine.travel(OPEN_DAY, tick=False):
        join_waitlist(user=waiting[0], cohort=cohort)
    assert WaitlistEntry.objects.filter(user=waiting[0]).count() == 1


def test_joining_an_edition_with_seats_is_refused():
    course = build_course(modules=1, lessons=1, cohorts=[EDITION])
    cohort = Cohort.objects.get(course=course)
    with time_machine.travel(OPEN_DAY, tick=False):
        with pytest.raises(EditionError, match="todavía tiene cupo"):
            join_waitlist(user=UserFactory(), cohort=cohort)


def test_leaving_moves_the_others_up(full):
    cohort, _seated, waiting = full
    assert leave_waitlist(user=waiting[0], cohort=cohort)
    assert waitlist_position(entry(waiting[1], cohort)) == 1
    assert not leave_waitlist(user=waiting[0], cohort=cohort)


def test_a_freed_seat_is_offered_to_the_first_by_email_and_taken(
    full, mailoutbox, django_capture_on_commit_callbacks
):
    cohort, seated, waiting = full
    with time_machine.travel(OPEN_DAY + datetime.timedelta(hours=1), tick=False):
        Enrollment.objects.filter(pk=seated[0].pk).delete()
        with django_capture_on_commit_callbacks(execute=True):
            offered = offer_free_seats(cohort=cohort)
        # Idempotent: the seat is held by the offer.
        with django_capture_on_commit_callbacks(execute=True):
            assert offer_free_seats(cohort=cohort) == []
    first = entry(waiting[0], cohort)
    assert offered == [first.pk]
    assert first.status == "ofrecido"
    assert first.offer_expires_at == OPEN_DAY + datetime.timedelta(hours=49)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [waiting[0].email]
    assert "Hay un cupo para usted" in message.subject
    assert f"/mi-aprendizaje/lista-de-espera/{cohort.pk}/" in message.body
    # Nobody else may take the held seat.
    with time_machine.travel(OPEN_DAY + datetime.timedelta(hours=2), tick=False):
        with pytest.raises(EditionFull):
            enroll(user=UserFactory(), course=cohort.course, cohort=cohort)
        with pytest.raises(EditionError):
            take_seat(user=waiting[1], cohort=cohort)
        enrollment = take_seat(user=waiting[0], cohort=cohort)
        assert take_seat(user=waiting[0], cohort=cohort).pk == enrollment.pk
    assert entry(waiting[0], cohort).status == "inscrito"
    assert cohort.enrollments.count() == 2


def test_an_expired_offer_passes_to_the_next(
    full, mailoutbox, django_capture_on_commit_callbacks
):
    cohort, seated, waiting = full
    with time_machine.travel(OPEN_DAY + datetime.timedelta(hours=1), tick=False):
        Enrollment.objects.filter(pk=seated[0].pk).delete()
        with django_capture_on_commit_callbacks(execute=True):
            advance_waitlists()
    assert entry(waiting[0], cohort).status == "ofrecido"
    later = OPEN_DAY + datetime.timedelta(hours=50)
    with time_machine.travel(later, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert advance_waitlists() == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert advance_waitlists() == 0  # the beat running twice
        with pytest.raises(EditionError, match="venció"):
            take_seat(user=waiting[0], cohort=cohort)
    assert entry(waiting[0], cohort).status == "vencido"
    assert entry(waiting[1], cohort).status == "ofrecido"
    assert entry(waiting[2], cohort).status == "esperando"
    assert [m.to for m in mailoutbox] == [[waiting[0].email], [waiting[1].email]]


def test_capacity_raised_offers_more_seats(full, django_capture_on_commit_callbacks):
    cohort, _seated, waiting = full
    Cohort.objects.filter(pk=cohort.pk).update(capacity=4)
    with time_machine.travel(OPEN_DAY + datetime.timedelta(hours=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            advance_waitlists()
    statuses = [entry(u, cohort).status for u in waiting]
    assert statuses == ["ofrecido", "ofrecido", "esperando"]


def test_moving_someone_out_offers_the_seat(
    full, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    cohort, seated, waiting = full
    other = Cohort.objects.get(course=cohort.course, name="Otra edición")
    with time_machine.travel(OPEN_DAY + datetime.timedelta(hours=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            move_enrollment(actor=coordinator, enrollment=seated[0], target=other)
    assert entry(waiting[0], cohort).status == "ofrecido"
    assert len(mailoutbox) == 1


def test_the_waitlist_page_joins_shows_the_place_and_takes_the_seat(
    client, full, django_capture_on_commit_callbacks
):
    cohort, seated, waiting = full
    newcomer = UserFactory()
    url = f"/mi-aprendizaje/lista-de-espera/{cohort.pk}/"
    with time_machine.travel(OPEN_DAY + datetime.timedelta(hours=1), tick=False):
        client.force_login(newcomer)
        page = client.get(url).content.decode()
        assert "Unirme a la lista de espera" in page
        response = post_form(client, url, {"accion": "unirme"}, action=None)
        assert response.status_code == 302
        assert "lugar 4" in client.get(url).content.decode()
        client.force_login(waiting[0])
        Enrollment.objects.filter(pk=seated[0].pk).delete()
        with django_capture_on_commit_callbacks(execute=True):
            offer_free_seats(cohort=cohort)
        page = client.get(url).content.decode()
        assert "Tomar el cupo" in page
        # The page has two forms (take, decline); both post to the page.
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        response = client.post(
            url, {"accion": "tomar", "csrfmiddlewaretoken": token.group(1)}
        )
    assert response.status_code == 302
    assert Enrollment.objects.filter(user=waiting[0], cohort=cohort).exists()
