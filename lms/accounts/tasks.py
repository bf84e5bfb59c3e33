from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(name="accounts.send_email")
def send_email(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    alternatives: list[tuple[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """Send one already-rendered e-mail (allauth's confirmations, resets, ...).

    Rendering happens in the web request, so the task only needs plain JSON.
    Sending is the only side effect; a retried task may send a duplicate, which
    beats losing a confirmation link.
    """
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers
    )
    for content, mimetype in alternatives or ():
        message.attach_alternative(content, mimetype)
    return message.send()


@shared_task(name="accounts.build_data_export")
def build_data_export(export_id: int) -> str | None:
    """Build one "Descargar mis datos" export; safe to run twice."""
    from .privacy.exports import build_export

    export = build_export(export_id)
    return export.status if export else None


@shared_task(name="accounts.apply_retention")
def apply_retention() -> dict[str, int]:
    """Beat task: remove sign-ups never verified after
    ``UNVERIFIED_SIGNUP_RETENTION_DAYS`` and expired data exports."""
    from .privacy.exports import purge_expired_exports
    from .privacy.retention import purge_unverified_signups

    return {
        "registros_sin_verificar": purge_unverified_signups(),
        "descargas_vencidas": purge_expired_exports(),
    }
