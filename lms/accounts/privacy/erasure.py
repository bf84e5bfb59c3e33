"""Erasure ("Eliminar mi cuenta", and the admin's "Eliminar usuario"): the
person is anonymized, not deleted, so enrollments, attempts and certificates
keep counting in reports and open data, and certificates already issued can
still be verified by code or by file hash.

What each model does is declared in its registry entry (``lms.accounts.privacy``);
this module runs the entries in one transaction and deletes the files after the
commit. In short: profile fields cleared, e-mail replaced by a unique address on
the reserved ``.invalid`` domain, password unusable, account inactive, groups
and permissions removed, e-mail addresses, two-step devices, notifications,
subscriptions, calendar token and exports deleted, uploaded files deleted,
forum posts kept and shown as "Participante", certificates kept with the name
replaced by "Nombre retirado a solicitud de su titular" and their PDF files
deleted (the SHA-256 of every version stays, so a copy a third party holds
still verifies). The person's name, e-mail and phone are scrubbed from the text
of the records that are kept (audit log, feedback, queued e-mails).
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from lms.accounts.models import User

from . import entries

logger = logging.getLogger(__name__)

ANONYMOUS_NAME = "Participante"
WITHDRAWN_NAME = "Nombre retirado a solicitud de su titular"
REDACTED = "[dato retirado]"
ERASED_EMAIL_DOMAIN = "anonimo.invalid"


def placeholder_email() -> str:
    """A unique address that can never receive mail (RFC 2606 ``.invalid``)."""
    return f"borrado-{uuid.uuid4().hex}@{ERASED_EMAIL_DOMAIN}"


@dataclass
class Erasure:
    """What the entries share while erasing one person."""

    user: User
    needles: list[str]
    files: list = field(default_factory=list)

    @property
    def pattern(self):
        if not self.needles:
            return None
        return re.compile(
            "|".join(re.escape(n) for n in sorted(self.needles, key=len, reverse=True)),
            re.IGNORECASE,
        )

    def scrub(self, value):
        """``value`` (text, or JSON: dicts, lists, strings) without the person's
        name, e-mail or phone."""
        pattern = self.pattern
        if pattern is None or value is None:
            return value
        if isinstance(value, str):
            return pattern.sub(REDACTED, value)
        if isinstance(value, list):
            return [self.scrub(item) for item in value]
        if isinstance(value, dict):
            return {self.scrub(k): self.scrub(v) for k, v in value.items()}
        return value

    def scrub_rows(self, queryset, fields: list[str]) -> int:
        """Scrub ``fields`` of every row of ``queryset`` (one read, one bulk
        write of the rows that changed). Returns how many changed."""
        changed = []
        for row in queryset.only("pk", *fields):
            dirty = False
            for name in fields:
                old = getattr(row, name)
                new = self.scrub(old)
                if new != old:
                    setattr(row, name, new)
                    dirty = True
            if dirty:
                changed.append(row)
        if changed:
            queryset.model.objects.bulk_update(changed, fields, batch_size=500)
        return len(changed)

    def delete_files(self, fieldfiles) -> None:
        """Delete these stored files once the erasure commits."""
        for fieldfile in fieldfiles:
            if fieldfile:
                self.files.append((fieldfile.storage, fieldfile.name))


def needles_for(user: User) -> list[str]:
    from allauth.account.models import EmailAddress

    from certificados.models import CertificateVersion
    from lms.accounts.models import NameCorrectionRequest

    values = {user.full_name.strip(), user.email.strip()}
    values.update(
        EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    # Names the person went by before a correction.
    for current, requested in NameCorrectionRequest.objects.filter(
        user=user
    ).values_list("current_name", "requested_name"):
        values.update({current.strip(), requested.strip()})
    values.update(
        name.strip()
        for name in CertificateVersion.objects.filter(
            certificate__enrollment__user=user
        ).values_list("holder_name", flat=True)
    )
    if len(user.phone.strip()) >= 6:
        values.add(user.phone.strip())
    # Very short values ("Ana") would scrub unrelated words; a full name has
    # at least two words (lms.accounts.validators) and e-mails are long.
    return sorted(v for v in values if len(v) >= 6)


def erase_user(user: User, *, by: User | None = None) -> User:
    """Anonymize ``user`` as described in this module's docstring.

    Idempotent: erasing an erased person changes nothing. ``by`` is who asked
    (the person themselves, an administrator, or None for the retention task);
    the audit log records it, without the person's name."""
    from wagtail.log_actions import log

    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.erased_at is not None:
            return user
        erasure = Erasure(user=user, needles=needles_for(user))
        # The profile last: the other entries still read the person's name.
        ordered = sorted(entries(), key=lambda e: e.model.lower() == "accounts.user")
        for entry in ordered:
            if entry.erase is not None:
                entry.erase(user, erasure)
        user.refresh_from_db()
        log(
            instance=user,
            action="accounts.user.erased",
            user=by if by is not None and by.pk != user.pk else None,
            data={"by_self": by is not None and by.pk == user.pk},
        )
        files = list(erasure.files)
        transaction.on_commit(lambda: _delete_files(files))
    return user


def _delete_files(files) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError as error:  # a file already gone is not a failure
            logger.warning("Could not delete %s: %s", name, error)


def anonymize_account(user: User, erasure: Erasure) -> None:
    """The User row itself (run last: the other entries still see the name)."""
    User.objects.filter(pk=user.pk).update(
        full_name=ANONYMOUS_NAME,
        email=placeholder_email(),
        phone="",
        institution_name="",
        post_other="",
        password=make_password(None),  # unusable
        is_active=False,
        is_staff=False,
        is_superuser=False,
        erased_at=timezone.now(),
    )
    user.groups.clear()
    user.user_permissions.clear()
