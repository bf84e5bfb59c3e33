"""Writes on accounts: roles that follow from a person's verified e-mail."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group

from .models import STAFF_GROUP, User


def is_staff_email(email: str) -> bool:
    """True when the address is on one of ``INFOM_STAFF_EMAIL_DOMAINS``."""
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in {d.lower() for d in settings.INFOM_STAFF_EMAIL_DOMAINS}


def sync_staff_group(*, user: User) -> bool:
    """Place ``user`` in "Personal INFOM" when one of their *verified* e-mails is
    on INFOM's domain. Idempotent; never removes anyone (that is a coordinator's
    decision). Returns whether the user is in the group afterwards because of it.
    """
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    if not any(is_staff_email(email) for email in verified):
        return False
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    user.groups.add(group)
    return True
