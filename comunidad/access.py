"""Who may read and moderate an edition's common life.

Only the edition's learners, its tutors and coordinators read its
announcements, forums and sessions; tutors of the edition and coordinators
moderate (post announcements, hide posts, take attendance). Every view looks
ids up inside ``readable_cohorts(user)`` (404 otherwise).
"""

from django.db.models import Q, QuerySet

from cursos.editions import is_coordinator
from cursos.models import Cohort, EditionTutor, Enrollment


def readable_cohorts(user) -> QuerySet[Cohort]:
    """The editions whose common life ``user`` may read."""
    if not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    if is_coordinator(user):
        return Cohort.objects.all()
    return Cohort.objects.filter(
        Q(pk__in=Enrollment.objects.filter(user=user).values("cohort_id"))
        | Q(pk__in=EditionTutor.objects.filter(tutor=user).values("cohort_id"))
        | Q(pk__in=Enrollment.objects.filter(tutor=user).values("cohort_id"))
    )


def moderated_cohorts(user) -> QuerySet[Cohort]:
    """The editions ``user`` moderates: as their tutor, or as a coordinator."""
    if not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    if is_coordinator(user):
        return Cohort.objects.all()
    return Cohort.objects.filter(
        pk__in=EditionTutor.objects.filter(tutor=user).values("cohort_id")
    )


def may_read(user, cohort: Cohort) -> bool:
    return readable_cohorts(user).filter(pk=cohort.pk).exists()


def may_moderate(user, cohort: Cohort) -> bool:
    return moderated_cohorts(user).filter(pk=cohort.pk).exists()


def learner_enrollment(user, cohort: Cohort) -> Enrollment | None:
    """``user``'s enrollment in ``cohort`` (None for tutors and coordinators)."""
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, cohort=cohort).first()
