"""The rules of an edition that every part of the diploma asks: when its content
opens, when it is read-only for learners, and who tutors whom.

Reads only; no writes. Services and views call these so the same rule holds
in lessons, quizzes, assignments, the tutor area and reports.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from cursos.models import TUTORS_GROUP, EditionTutor, Enrollment

COORDINATOR_PERMISSION = "cursos.view_reports"


def has_started(enrollment: Enrollment, today=None) -> bool:
    """Content opens on the edition's start date (always, without an edition)."""
    cohort = enrollment.cohort
    return cohort is None or cohort.has_started(today)


def is_read_only(enrollment: Enrollment, today=None) -> bool:
    """After the edition's end date learners read but change nothing."""
    cohort = enrollment.cohort
    return cohort is not None and cohort.is_closed(today)


def grading_is_open(enrollment: Enrollment, today=None) -> bool:
    """Tutors grade until the edition's grace days after its end date."""
    cohort = enrollment.cohort
    return cohort is None or cohort.grading_is_open(today)


def is_coordinator(user) -> bool:
    """Coordinators (and superusers) see every learner of every edition."""
    return bool(user.is_authenticated and user.has_perm(COORDINATOR_PERMISSION))


def is_tutor(user) -> bool:
    """Someone in the group "Tutores" (whether or not assigned to an edition)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name=TUTORS_GROUP).exists()


def tutored_enrollments(user) -> QuerySet[Enrollment]:
    """The enrollments ``user`` follows as a tutor; every enrollment in an
    edition for a coordinator; none for anyone else.

    A learner assigned by hand (``Enrollment.tutor``, one of the edition's
    tutors) belongs to that tutor only. Otherwise the learner belongs to every
    tutor of the edition who attends all of it (no departments) or the
    learner's department.
    """
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return Enrollment.objects.none()
    if is_coordinator(user):
        return Enrollment.objects.filter(cohort__isnull=False)
    if not is_tutor(user):
        return Enrollment.objects.none()
    assignments = EditionTutor.objects.filter(cohort=OuterRef("cohort"), tutor=user)
    attends_all = assignments.filter(departments__isnull=True)
    attends_department = assignments.filter(departments=OuterRef("user__department"))
    # Only while the tutor is assigned to the learner's edition (a tutor taken
    # off it, or a learner moved to another edition, leaves), and never the
    # tutor's own enrollment.
    return Enrollment.objects.filter(
        Exists(assignments)
        & (
            Q(tutor=user)
            | Q(tutor__isnull=True)
            & (Q(Exists(attends_all)) | Q(Exists(attends_department)))
        )
    ).exclude(user=user)


def may_tutor(user, enrollment: Enrollment) -> bool:
    """Whether ``user`` may read this learner's work and grade it."""
    if is_coordinator(user):
        return True
    return tutored_enrollments(user).filter(pk=enrollment.pk).exists()


def today():
    return timezone.localdate()
