"""Every e-mail of the platform: rendered in the caller, sent by one task
(``lms.send_email``) enqueued through the outbox, so neither a broker nor an
SMTP server that is down fails the request or loses the message."""

from django.conf import settings
from django.core.mail import EmailMessage

from .services import enqueue


def send_message(message: EmailMessage) -> None:
    """Queue an already-built message (allauth's, Django's) for sending."""
    enqueue(
        "lms.send_email",
        subject=str(message.subject),
        body=str(message.body),
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        alternatives=[
            [str(content), mimetype]
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        headers=dict(message.extra_headers),
    )


def send_mail(
    subject,
    message,
    from_email,
    recipient_list,
    fail_silently=False,
    html_message=None,
) -> int:
    """Same signature as ``django.core.mail.send_mail``; queues instead of
    sending (``fail_silently`` is moot: nothing is sent here)."""
    email = EmailMessage(
        subject=subject,
        body=message,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(recipient_list),
    )
    email.alternatives = [(html_message, "text/html")] if html_message else []
    send_message(email)
    return 1
