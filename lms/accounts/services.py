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


# --- audit of changes made to people in the admin -----------------------------
AUDITED_ACTIONS = {
    "accounts.user.groups": "Grupos cambiados",
    "accounts.user.active": "Estado activo cambiado",
    "accounts.user.superuser": "Rol de administrador cambiado",
    "accounts.user.email": "Correo cambiado",
    "accounts.user.password": "Contraseña cambiada",
}


def user_snapshot(user: User) -> dict:
    """What the audit compares: who they are, what they may do, their secret."""
    return {
        "email": user.email,
        "is_active": user.is_active,
        "is_superuser": user.is_superuser,
        "password": user.password,
        "groups": sorted(user.groups.values_list("name", flat=True)) if user.pk else [],
    }


def record_user_changes(*, actor: User, target: User, before: dict) -> int:
    """Write one Wagtail audit-log entry (with ``actor``) per sensitive change
    to ``target`` since ``before`` (a :func:`user_snapshot`). Returns how many."""
    from wagtail.log_actions import log

    after = user_snapshot(target)
    entries = []
    added = sorted(set(after["groups"]) - set(before["groups"]))
    removed = sorted(set(before["groups"]) - set(after["groups"]))
    if added or removed:
        entries.append(("accounts.user.groups", {"added": added, "removed": removed}))
    for field, action in (
        ("is_active", "accounts.user.active"),
        ("is_superuser", "accounts.user.superuser"),
    ):
        if before[field] != after[field]:
            entries.append((action, {field: after[field]}))
    if before["email"] != after["email"]:
        entries.append(
            ("accounts.user.email", {"old": before["email"], "new": after["email"]})
        )
    if before["password"] != after["password"]:
        entries.append(("accounts.user.password", {"by_self": actor.pk == target.pk}))
    for action, data in entries:
        log(instance=target, action=action, user=actor, data=data)
    return len(entries)
