"""Who may read and moderate an edition's common life.

Only the edition's learners, its tutors and coordinators read its
announcements, forums and sessions; tutors of the edition and coordinators
moderate (post announcements, hide posts, take attendance). Every view looks
ids up inside ``readable_cohorts(user)`` (404 otherwise).
"""

from django.db.models import Q, QuerySet

from cursos.editions import COORDINATOR_PERMISSION, is_coordinator, is_tutor
from cursos.models import Cohort, EditionTutor, Enrollment


def readable_cohorts(user) -> QuerySet[Cohort]:
    """The editions whose common life ``user`` may read."""
    if not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    if is_coordinator(user):
        return Cohort.objects.all()
    tutoring = (
        EditionTutor.objects.filter(tutor=user).values("cohort_id")
        if is_tutor(user)
        else EditionTutor.objects.none().values("cohort_id")
    )
    # A tutor reads an edition while assigned to it (a learner's hand-assigned
    # tutor is always one of the edition's tutors: cursos.services.editions).
    return Cohort.objects.filter(
        Q(pk__in=Enrollment.objects.filter(user=user).values("cohort_id"))
        | Q(pk__in=tutoring)
    )


def moderated_cohorts(user) -> QuerySet[Cohort]:
    """The editions ``user`` moderates: as their tutor, or as a coordinator."""
    if not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    if is_coordinator(user):
        return Cohort.objects.all()
    if not is_tutor(user):
        return Cohort.objects.none()
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


def readers_of(cohort: Cohort) -> Q:
    """A filter on users: who may read ``cohort`` now (its learners, its tutors
    in the group "Tutores", coordinators), in SQL, for notifying many at once."""
    from django.contrib.auth.models import Permission

    from cursos.models import TUTORS_GROUP

    app_label, codename = COORDINATOR_PERMISSION.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )
    return Q(is_active=True) & (
        Q(pk__in=Enrollment.objects.filter(cohort=cohort).values("user_id"))
        | Q(
            pk__in=EditionTutor.objects.filter(
                cohort=cohort, tutor__groups__name=TUTORS_GROUP
            ).values("tutor_id")
        )
        | Q(is_superuser=True)
        | Q(groups__permissions__in=permission)
        | Q(user_permissions__in=permission)
    )
