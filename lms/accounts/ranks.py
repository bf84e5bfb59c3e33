"""Who may manage whom in the admin's user screens.

Coordinators manage learners, staff and tutors; only superusers manage
coordinators and superusers, and only superusers grant a group that opens the
admin ("Coordinadores", or any group holding ``wagtailadmin.access_admin``) or
superuser status. A person is *privileged* when they are a superuser or hold
admin access through a group or a direct permission.
"""

from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet
from django.db.models.deletion import Collector, ProtectedError, RestrictedError

from .models import COORDINATORS_GROUP, User

_ACCESS_ADMIN = Q(
    permissions__content_type__app_label="wagtailadmin",
    permissions__codename="access_admin",
)


def privileged_groups() -> QuerySet[Group]:
    """Groups whose members may enter the admin: only superusers grant them."""
    return Group.objects.filter(Q(name=COORDINATORS_GROUP) | _ACCESS_ADMIN)


def privileged_users() -> QuerySet[User]:
    return User.objects.filter(
        Q(is_superuser=True)
        | Q(groups__in=privileged_groups())
        | Q(
            user_permissions__content_type__app_label="wagtailadmin",
            user_permissions__codename="access_admin",
        )
    )


def manageable_users(actor) -> QuerySet[User]:
    """The users ``actor`` may see and change in the admin's user screens."""
    users = User.objects.all()
    if actor.is_superuser:
        return users
    return users.exclude(pk__in=privileged_users().values("pk"))


def can_manage(actor, target) -> bool:
    return manageable_users(actor).filter(pk=target.pk).exists()


def grantable_groups(actor) -> QuerySet[Group]:
    if actor.is_superuser:
        return Group.objects.order_by("name")
    return Group.objects.exclude(pk__in=privileged_groups().values("pk")).order_by(
        "name"
    )


def deletion_blockers(user) -> list[str]:
    """Names of the records that keep ``user`` from being deleted (e.g. an issued
    certificate); empty when deleting would succeed."""
    collector = Collector(using=User.objects.db)
    try:
        collector.collect([user])
    except (ProtectedError, RestrictedError) as error:
        objects = getattr(error, "protected_objects", None) or getattr(
            error, "restricted_objects", ()
        )
        return sorted({str(obj._meta.verbose_name_plural) for obj in objects})
    return []
