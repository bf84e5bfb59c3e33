from allauth.account.signals import email_confirmed
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .models import User
from .permissions import invalidate_admin_access
from .services import sync_staff_group


@receiver(email_confirmed, dispatch_uid="accounts_staff_group_on_confirm")
def join_staff_group_on_confirmation(sender, request, email_address, **kwargs):
    sync_staff_group(user=email_address.user)


@receiver(
    m2m_changed, sender=User.groups.through, dispatch_uid="accounts_groups_changed"
)
@receiver(
    m2m_changed, sender=Group.permissions.through, dispatch_uid="accounts_perms_changed"
)
@receiver(
    m2m_changed,
    sender=User.user_permissions.through,
    dispatch_uid="accounts_user_perms_changed",
)
def forget_admin_access(sender, **kwargs):
    invalidate_admin_access()
