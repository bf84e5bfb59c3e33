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
