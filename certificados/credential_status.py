"""The database side of verifiable credentials: a certificate's place in the
status list, the published lists, and checking a pasted credential against
the registry. The credential format itself is ``certificados.credentials``."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from lms.page_cache import purge_paths

from . import credentials
from .models import Certificate

TRIES_PER_LIST = 8


def allocate_status_index(certificate: Certificate) -> int:
    """Give the certificate a random free position in a status list, once.

    Random rather than sequential, so that a position says nothing about when a
    certificate was issued (herd privacy). Unique by the database constraint: a
    position taken meanwhile by another issue fails its UPDATE in a savepoint and
    another is drawn; a list where eight draws in a row are taken (about half
    full) is left for the next one. Idempotent: a certificate that already has a
    position keeps it."""
    if certificate.status_index is not None:
        return certificate.status_index
    draw = secrets.SystemRandom()
    list_number = 0
    while True:
        for _ in range(TRIES_PER_LIST):
            candidate = list_number * credentials.LIST_SIZE + draw.randrange(
                credentials.LIST_SIZE
            )
            try:
                with transaction.atomic():
                    updated = Certificate.objects.filter(
                        pk=certificate.pk, status_index__isnull=True
                    ).update(status_index=candidate)
            except IntegrityError:
                continue
            if not updated:
                certificate.refresh_from_db(fields=["status_index"])
                return certificate.status_index
            certificate.status_index = candidate
            return candidate
        list_number += 1


def allocate_status_indexes(count: int) -> list[int]:
    """``count`` distinct free positions for certificates about to be inserted
    together (``services.issue_many``), drawn by the rule of
    ``allocate_status_index`` (random; a list where eight draws in a row are
    taken is left for the next) but checked against the taken ones in one
    query per batch of draws instead of one UPDATE per certificate. Nothing is
    reserved: the unique constraint is still the guard, and a bulk insert that
    loses a position to a concurrent one fails whole and is retried."""
    draw = secrets.SystemRandom()
    chosen: list[int] = []
    picked: set[int] = set()
    list_number = 0
    taken_in_a_row = 0
    while len(chosen) < count:
        low = list_number * credentials.LIST_SIZE
        # Enough draws for the usual case (a list less than half full) at once.
        draws = [
            low + draw.randrange(credentials.LIST_SIZE)
            for _ in range(2 * (count - len(chosen)) + TRIES_PER_LIST)
        ]
        taken = set(
            Certificate.objects.filter(status_index__in=draws).values_list(
                "status_index", flat=True
            )
        )
        for candidate in draws:
            if candidate in taken or candidate in picked:
                taken_in_a_row += 1
                if taken_in_a_row == TRIES_PER_LIST:
                    list_number += 1
                    taken_in_a_row = 0
                    break
                continue
            taken_in_a_row = 0
            chosen.append(candidate)
            picked.add(candidate)
            if len(chosen) == count:
                break
    return chosen


def status_list_path(list_number: int) -> str:
    return reverse("certificados:status_list", args=[list_number])


def revoked_positions(list_number: int) -> list[int] | None:
    """Positions revoked in a list (one query), or None when no certificate has
    ever been placed in it (the list does not exist)."""
    low = (list_number - 1) * credentials.LIST_SIZE
    rows = list(
        Certificate.objects.filter(
            status_index__gte=low, status_index__lt=low + credentials.LIST_SIZE
        ).values_list("status_index", "status")
    )
    if not rows and list_number != 1:
        return None
    return [
        index - low for index, status in rows if status == Certificate.Status.REVOKED
    ]


def status_changed(certificate: Certificate) -> None:
    """A certificate was revoked: its status list is rebuilt on the next visit
    (purged now and again after commit, so no request in between caches the old
    list)."""
    if certificate.status_index is None:
        return
    list_number, _position = credentials.status_position(certificate.status_index)
    path = status_list_path(list_number)
    purge_paths([path])
    transaction.on_commit(lambda: purge_paths([path]))


# ------------------------------------------------------------ verification


@dataclass
class CredentialCheck:
    """What the public page says about a pasted credential.

    ``state``: "valida", "vencida", "revocada", "aun_no" (validFrom ahead),
    "firma" (signature not valid / altered), "emisor" (not issued by us) or
    "formato" (not a credential we can read)."""

    state: str
    credential: dict | None = None
    revoked_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.state == "valida"

    @property
    def facts(self) -> dict | None:
        """What the credential itself says, for the result page."""
        if self.credential is None:
            return None
        subject = self.credential.get("credentialSubject", {})
        achievement = subject.get("achievement", {})
        names = [
            entry.get("identityHash")
            for entry in subject.get("identifier", [])
            if isinstance(entry, dict)
            and entry.get("identityType") == "name"
            and not entry.get("hashed")
        ]
        return {
            "name": names[0] if names else "",
            "title": self.credential.get("name", ""),
            "course": achievement.get("name", ""),
            "hours": achievement.get("creditsAvailable"),
            "valid_from": _parse(self.credential.get("validFrom")),
            "valid_until": _parse(self.credential.get("validUntil")),
        }


def _parse(stamp):
    if not stamp:
        return None
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _belongs_to(credential: dict, certificate: Certificate) -> bool:
    """Whether the credential was built from this certificate (one of its
    versions), not merely pointing at its status position: a position freed by
    a deleted certificate and drawn again must not lend its verdict to the old
    credential. The ids derive from the certificate's secret code
    (``credentials.build_credential``)."""
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return False
    if subject.get("id") != credentials._uuid_urn("subject", certificate.code):
        return False
    return credential.get("id") in {
        credentials._uuid_urn("credential", certificate.code, version)
        for version in range(1, certificate.version + 1)
    }


def check_credential(token: str, *, now: datetime | None = None) -> CredentialCheck:
    """Verify a pasted credential: form, issuer, signature with our published
    keys, dates, and status from the registry (the same facts the status list
    publishes). One query when the signature holds, none otherwise."""
    decoded = credentials.decode_verified(token)
    if decoded.problem:
        return CredentialCheck(decoded.problem)
    credential = decoded.credential
    index = credentials.status_index_of(credential)
    certificate = (
        Certificate.objects.filter(status_index=index).first()
        if index is not None
        else None
    )
    if (
        certificate is None
        or certificate.issued_at is None
        or not _belongs_to(credential, certificate)
    ):
        return CredentialCheck("emisor")
    now = now or timezone.now()
    verdict = certificate.verdict(on=timezone.localdate(now))
    if verdict is None:
        # Pending again while a name correction is rendered: it was issued and
        # its earlier versions stand (as an earlier PDF does); only the dates
        # can end it.
        verdict = "valido"
    if verdict == "revocado":
        return CredentialCheck("revocada", credential, certificate.revoked_at)
    if credential.get("nbf", 0) > now.timestamp():
        return CredentialCheck("aun_no", credential)
    expired = "exp" in credential and credential["exp"] < now.timestamp()
    if expired or verdict == "vencido":
        return CredentialCheck("vencida", credential)
    return CredentialCheck("valida", credential)
