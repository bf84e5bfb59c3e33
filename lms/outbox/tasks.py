from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(name="lms.send_email")
def send_email(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
    reply_to: list[str] | None = None,
    alternatives: list[list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """Send one rendered e-mail. An SMTP failure is retried (bounded, with
    backoff: lms.celery.PlatformTask); a duplicate after a worker crash beats a
    lost confirmation link."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email,
        to=to,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        headers=headers or None,
    )
    for content, mimetype in alternatives or ():
        message.attach_alternative(content, mimetype)
    return message.send()


@shared_task(name="lms.deliver_outbox")
def deliver_outbox() -> dict[str, int]:
    """Beat task: publish the outbox messages a dead broker left pending."""
    from .services import deliver_pending

    return deliver_pending()
