"""One model, one service: every part of the platform tells a person that
something happened for them through ``notify``; it lands in "Avisos" and, by
the person's preference, in an e-mail now, in the daily digest, or nowhere
else. Reminders of duties are always e-mailed."""

from collections.abc import Iterable

from django.db import transaction

from comunidad.models import Notification

Kind = Notification.Kind


def notify(
    *,
    users: Iterable,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
) -> list[Notification]:
    """Record one notification per user (one INSERT) and send the e-mails their
    preferences ask for, after the surrounding transaction commits. ``title``
    and ``body`` are plain text (escaped wherever they are shown); ``url`` is a
    path on this site."""
    users = [user for user in users if user is not None]
    if not users:
        return []
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            [
                Notification(user=user, kind=kind, title=title, body=body, url=url)
                for user in users
            ]
        )
        ids = [n.pk for n in notifications]
        transaction.on_commit(lambda: email_now(notification_ids=ids))
    return notifications


def email_now(*, notification_ids: list[int]) -> int:
    """E-mail the notifications whose person wants them right away (or that
    are duties). Returns how many e-mails were queued. (Built out with the
    preferences, digest and unsubscribe links.)"""
    return 0
