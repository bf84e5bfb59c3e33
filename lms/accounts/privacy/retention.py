"""How long the platform keeps what nobody needs any more."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from lms.accounts.models import User


def unverified_signup_retention_days() -> int:
    return int(getattr(settings, "UNVERIFIED_SIGNUP_RETENTION_DAYS", 30))


def stale_unverified_signups(*, now=None):
    """Accounts created more than the retention period ago whose e-mail was
    never verified and that never signed in: with mandatory verification they
    never could, so they hold nothing but the sign-up form. Staff accounts
    (created by an administrator) and accounts with any enrollment are left
    alone."""
    from allauth.account.models import EmailAddress

    from cursos.models import Enrollment

    now = now or timezone.now()
    cutoff = now - timedelta(days=unverified_signup_retention_days())
    return (
        User.objects.filter(
            date_joined__lt=cutoff,
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            erased_at__isnull=True,
        )
        .exclude(
            Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True))
        )
        .exclude(Exists(Enrollment.objects.filter(user=OuterRef("pk"))))
    )


def purge_unverified_signups(*, now=None) -> int:
    """Delete the stale unverified sign-ups (rows and everything that cascades:
    their e-mail addresses). Returns how many accounts were removed."""
    pks = list(stale_unverified_signups(now=now).values_list("pk", flat=True))
    if not pks:
        return 0
    User.objects.filter(pk__in=pks).delete()
    return len(pks)
