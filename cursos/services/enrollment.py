"""Writes on enrollments."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cursos.models import Cohort, CoursePage, Enrollment
from cursos.selectors import audience_allows, cohort_status


class EnrollmentError(Exception):
    """Enrollment refused; ``str(error)`` is the message for the learner."""


def _audience_message(course: CoursePage) -> str:
    if course.audience == CoursePage.Audience.INFOM:
        return _(
            "Este curso es solo para el personal del INFOM. Si trabaja en el INFOM, "
            "verifique su correo institucional o pida a la coordinación que le "
            "agregue al grupo «Personal INFOM»."
        )
    return _(
        "Este curso es para funcionarios municipales. Si trabaja en una "
        "municipalidad, indíquelo en «Mi perfil» y vuelva a intentarlo."
    )


def _pick_cohort(course: CoursePage, cohort: Cohort | None) -> Cohort | None:
    cohorts = list(course.cohorts.all())
    if not cohorts:
        if cohort is not None:
            raise EnrollmentError(_("La edición elegida no pertenece a este curso."))
        return None
    if cohort is not None and cohort.pk not in {c.pk for c in cohorts}:
        raise EnrollmentError(_("La edición elegida no pertenece a este curso."))
    now = timezone.now()
    if cohort is None:
        status, cohort = cohort_status(cohorts, now)
    else:
        status = cohort.enrollment_state(now)
    if status == "proximamente":
        raise EnrollmentError(
            _("Las inscripciones para «%(edicion)s» abren el %(fecha)s.")
            % {
                "edicion": cohort.name,
                "fecha": date_format(
                    timezone.localtime(cohort.enrollment_opens), "j \\d\\e F \\d\\e Y"
                ),
            }
        )
    if status == "cerrada":
        raise EnrollmentError(_("Las inscripciones de este curso están cerradas."))
    return cohort


class EditionFull(EnrollmentError):
    """The edition has no free seat; the learner may join its waiting list."""

    def __init__(self, message: str, *, cohort: Cohort):
        super().__init__(message)
        self.cohort = cohort


def is_approved(enrollment: Enrollment) -> bool:
    """Approved: graded "aprobado", or completed in a course without grades."""
    if enrollment.result == Enrollment.Result.APPROVED:
        return True
    return enrollment.completed_at is not None and not enrollment.result


def seats_taken(cohort: Cohort, *, except_offer=None) -> int:
    """Enrollments of the edition plus seats held by open waiting-list offers
    (an offer holds its seat until it is taken or expires)."""
    from cursos.models import WaitlistEntry

    offers = WaitlistEntry.objects.filter(
        cohort=cohort,
        status=WaitlistEntry.Status.OFFERED,
        offer_expires_at__gt=timezone.now(),
    )
    if except_offer is not None:
        offers = offers.exclude(pk=except_offer.pk)
    return cohort.enrollments.count() + offers.count()


def close_waitlist_place(*, user_id: int, cohort_id: int | None) -> None:
    """Someone enrolled in an edition (by any route) leaves its waiting line,
    so no seat is offered to them again."""
    from cursos.models import WaitlistEntry

    if cohort_id is None:
        return
    WaitlistEntry.objects.filter(
        user_id=user_id,
        cohort_id=cohort_id,
        status__in=[WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED],
    ).update(status=WaitlistEntry.Status.ENROLLED)


def may_enroll_check(*, user, course: CoursePage, cohort: Cohort) -> None:
    """The rules of ``enroll`` that do not depend on a free seat: the course's
    audience, "already approved" and "still active in a running edition".
    Raises ``EnrollmentError`` (Spanish). The waiting list asks them when
    someone joins the line and again when they take the seat."""
    if not audience_allows(user=user, course=course):
        raise EnrollmentError(_audience_message(course))
    existing = _current_for_course(user, course, cohort)
    if existing is not None and existing.cohort_id != cohort.pk:
        raise EnrollmentError(
            _("Usted ya cursa «%(curso)s» en la edición «%(edicion)s».")
            % {"curso": course.title, "edicion": existing.cohort or ""}
        )


def full_message(cohort: Cohort) -> str:
    return _("El cupo de «%(edicion)s» está lleno.") % {"edicion": cohort.name}


def _current_for_course(user, course: CoursePage, cohort: Cohort | None):
    """The enrollment ``enroll`` gives back instead of creating one, or None.
    Raises when the person already approved the course."""
    enrollments = list(
        Enrollment.objects.select_related("cohort")
        .filter(user=user, course=course)
        .order_by("-enrolled_at", "-pk")
    )
    if not enrollments:
        return None
    # The same edition (or the course without editions): that enrollment,
    # whatever its state; enrolling twice changes nothing. In a course without
    # editions, the current one (the latest renewal; earlier ones are history).
    same = cohort.pk if cohort is not None else None
    for e in enrollments:
        if e.cohort_id == same or (e.cohort_id is None and e.superseded_at is None):
            return e
    # An approval replaced by its renewal (required training that expires)
    # does not stop enrolling in a new edition.
    if any(is_approved(e) and e.superseded_at is None for e in enrollments):
        raise EnrollmentError(_("Usted ya aprobó este curso."))
    for e in enrollments:
        # Still in a running edition (or a course without editions): that one.
        if e.cohort is None or not e.cohort.is_closed():
            if e.completed_at is None and not e.result:
                return e
    return None


def enroll(
    *, user, course: CoursePage, cohort: Cohort | None = None, by_coordinator=False
) -> Enrollment:
    """Enroll ``user`` in ``course`` (in ``cohort``, or the open one).

    One enrollment per person per edition. Idempotent: enrolling twice in the
    same edition returns that enrollment, and someone active in a running
    edition gets that one back. Someone who did not approve (failed, dropped
    out) and whose edition closed starts fresh in a later edition: a new
    enrollment; the earlier one stays in their history and in reports. An
    approved person is refused ("Usted ya aprobó este curso").

    Refused with an ``EnrollmentError`` (message in Spanish) when the audience
    does not match, enrollment is closed or not yet open, or the cohort is full
    (``EditionFull``). The capacity check locks the cohort row, so two people
    cannot take the last seat. ``by_coordinator`` skips the enrollment window
    and the audience (a coordinator enrolls whom they decide), not capacity.
    """
    wanted = cohort
    if wanted is None:
        # The edition a plain "Inscribirme" would choose (the open one).
        wanted = cohort_status(list(course.cohorts.all()))[1]
    existing = _current_for_course(user, course, wanted)
    if existing is not None:
        return existing
    if not course.live:
        raise EnrollmentError(_("Este curso no está disponible."))
    if not by_coordinator and not audience_allows(user=user, course=course):
        raise EnrollmentError(_audience_message(course))
    if by_coordinator and cohort is not None:
        chosen = cohort
    else:
        chosen = _pick_cohort(course, cohort)
    try:
        with transaction.atomic():
            if chosen is not None and chosen.capacity is not None:
                locked = Cohort.objects.select_for_update().get(pk=chosen.pk)
                if seats_taken(locked) >= locked.capacity:
                    raise EditionFull(full_message(chosen), cohort=chosen)
            enrollment = Enrollment.objects.create(
                user=user,
                course=course,
                cohort=chosen,
                last_activity_at=timezone.now(),
            )
            close_waitlist_place(user_id=user.pk, cohort_id=enrollment.cohort_id)
            return enrollment
    except IntegrityError:
        # Another request enrolled the same person at the same moment.
        if chosen is None:
            return Enrollment.objects.get(
                user=user, course=course, cohort=None, superseded_at__isnull=True
            )
        return Enrollment.objects.get(user=user, cohort=chosen)
