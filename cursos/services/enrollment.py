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


def enroll(*, user, course: CoursePage, cohort: Cohort | None = None) -> Enrollment:
    """Enroll ``user`` in ``course`` (in ``cohort``, or the open one).

    Idempotent: enrolling twice returns the existing enrollment. Refused with an
    ``EnrollmentError`` (message in Spanish) when the audience does not match,
    enrollment is closed or not yet open, or the cohort is full. The capacity
    check locks the cohort row, so two people cannot take the last seat.
    """
    existing = Enrollment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    if not course.live:
        raise EnrollmentError(_("Este curso no está disponible."))
    if not audience_allows(user=user, course=course):
        raise EnrollmentError(_audience_message(course))
    chosen = _pick_cohort(course, cohort)
    try:
        with transaction.atomic():
            if chosen is not None and chosen.capacity is not None:
                locked = Cohort.objects.select_for_update().get(pk=chosen.pk)
                if locked.enrollments.count() >= locked.capacity:
                    raise EnrollmentError(
                        _("El cupo de «%(edicion)s» está lleno.")
                        % {"edicion": chosen.name}
                    )
            return Enrollment.objects.create(
                user=user,
                course=course,
                cohort=chosen,
                last_activity_at=timezone.now(),
            )
    except IntegrityError:
        # Another request enrolled the same person at the same moment.
        return Enrollment.objects.get(user=user, course=course)
