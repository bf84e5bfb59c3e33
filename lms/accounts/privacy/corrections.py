"""Correcting the name printed on certificates: with issued certificates, a
new name is a request a coordinator decides (the certificates carry it, and a
third party may hold a copy); without, the profile changes it directly."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import NameCorrectionRequest, User
from lms.accounts.validators import normalize_full_name, validate_full_name


class CorrectionError(Exception):
    pass


def certificates_of(user: User):
    from certificados.models import Certificate

    return Certificate.objects.filter(enrollment__user=user).exclude(
        status=Certificate.Status.REVOKED
    )


def holds_certificates(user: User) -> bool:
    return certificates_of(user).exists()


def pending_correction(user: User) -> NameCorrectionRequest | None:
    return NameCorrectionRequest.objects.filter(
        user=user, status=NameCorrectionRequest.Status.PENDING
    ).first()


def request_name_correction(*, user: User, name: str) -> NameCorrectionRequest:
    """Record the wish to be called ``name`` on certificates. A second request
    while one is pending replaces the name asked for (one pending request per
    person: a unique constraint)."""
    name = normalize_full_name(name)
    validate_full_name(name)
    current = User.objects.values_list("full_name", flat=True).get(pk=user.pk)
    try:
        with transaction.atomic():
            return NameCorrectionRequest.objects.create(
                user=user, current_name=current, requested_name=name
            )
    except IntegrityError:
        NameCorrectionRequest.objects.filter(
            user=user, status=NameCorrectionRequest.Status.PENDING
        ).update(requested_name=name)
        return pending_correction(user)


def approve(*, correction: NameCorrectionRequest, by: User) -> NameCorrectionRequest:
    """Change the person's name and reissue each of their certificates (a new
    version with the new name; earlier versions kept and still verifiable).
    Deciding twice changes nothing."""
    from wagtail.log_actions import log

    from certificados.services import CertificateError, reissue

    with transaction.atomic():
        correction = (
            NameCorrectionRequest.objects.select_for_update()
            .select_related("user")
            .get(pk=correction.pk)
        )
        if correction.status != NameCorrectionRequest.Status.PENDING:
            return correction
        user = correction.user
        try:
            validate_full_name(correction.requested_name)
        except ValidationError as error:
            raise CorrectionError(" ".join(error.messages)) from error
        user.full_name = correction.requested_name
        user.save(update_fields=["full_name"])
        for certificate in certificates_of(user).select_related("enrollment__user"):
            try:
                reissue(certificate=certificate)
            except CertificateError as error:
                raise CorrectionError(str(error)) from error
        correction.status = NameCorrectionRequest.Status.APPROVED
        correction.decided_at = timezone.now()
        correction.decided_by = by
        correction.save(update_fields=["status", "decided_at", "decided_by"])
        log(
            instance=user,
            action="accounts.name_correction.approved",
            user=by,
            data={"old": correction.current_name, "new": correction.requested_name},
        )
    return correction


def reject(
    *, correction: NameCorrectionRequest, by: User, reason: str
) -> NameCorrectionRequest:
    from wagtail.log_actions import log

    reason = " ".join((reason or "").split())[:500]
    if not reason:
        raise CorrectionError(_("Escriba el motivo del rechazo."))
    with transaction.atomic():
        correction = (
            NameCorrectionRequest.objects.select_for_update()
            .select_related("user")
            .get(pk=correction.pk)
        )
        if correction.status != NameCorrectionRequest.Status.PENDING:
            return correction
        correction.status = NameCorrectionRequest.Status.REJECTED
        correction.decided_at = timezone.now()
        correction.decided_by = by
        correction.reason = reason
        correction.save(update_fields=["status", "decided_at", "decided_by", "reason"])
        log(
            instance=correction.user,
            action="accounts.name_correction.rejected",
            user=by,
            data={"requested": correction.requested_name, "reason": reason},
        )
    return correction
