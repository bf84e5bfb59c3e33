"""One model, one service: every part of the platform tells a person that
something happened for them through ``notify``; it lands in "Avisos" and, by
the person's preference, in an e-mail now, in the daily digest, or nowhere
else. Reminders of duties are always e-mailed.

E-mails are claimed before they are queued (a conditional UPDATE on
``emailed_at IS NULL``), so running ``email_now`` or ``send_digests`` twice
sends nothing the second time. Optional kinds carry a one-click unsubscribe
link and the RFC 8058 headers; the link's token is a signature of (person,
kind), so no row is needed to honour it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from comunidad.models import DUTY_KINDS, Notification, NotificationPreference
from lms.outbox.mail import send_message

Kind = Notification.Kind
Email = NotificationPreference.Email

UNSUBSCRIBE_SALT = "comunidad.avisos.baja"
UNREAD_CACHE_TIMEOUT = 300
# The digest takes what was not e-mailed in the last day, with a margin for a
# run that starts late (``emailed_at`` keeps a row from going out twice).
DIGEST_WINDOW = datetime.timedelta(hours=36)
OPTIONAL_KINDS = [kind for kind in Kind if kind not in DUTY_KINDS]


class NotificationError(ValueError):
    """Bad input to a notification service; the message is for the person."""


# ------------------------------------------------------------------ recording
def notify(
    *,
    users: Iterable,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    email: bool = True,
) -> list[Notification]:
    """Record one notification per user (one INSERT) and send the e-mails their
    preferences ask for, after the surrounding transaction commits. ``title``
    and ``body`` are plain text (escaped wherever they are shown); ``url`` is a
    path on this site.

    ``email=False`` is for events that already sent their own e-mail (a grade,
    a reminder): the notification is only listed in "Avisos" and is marked as
    e-mailed, so the daily digest does not repeat it."""
    return notify_many(
        kind=kind,
        items=[(user, title, body, url) for user in users],
        email=email,
    )


def notify_many(
    *, kind: str, items: Iterable[tuple], email: bool = True
) -> list[Notification]:
    """``notify`` for notifications of one kind whose text differs per person:
    ``items`` are (user, title, body, url); still one INSERT."""
    items = [item for item in items if item[0] is not None]
    if not items:
        return []
    now = timezone.now()
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            [
                Notification(
                    user=user,
                    kind=kind,
                    title=_one_line(title)[:200],
                    body=body or "",
                    url=url or "",
                    emailed_at=None if email else now,
                )
                for user, title, body, url in items
            ]
        )
        ids = [n.pk for n in notifications]
        keys = [unread_cache_key(item[0].pk) for item in items]
        transaction.on_commit(lambda: cache.delete_many(keys))
        if email:
            transaction.on_commit(lambda: email_now(notification_ids=ids))
    return notifications


# ------------------------------------------------------------------ e-mail
def email_now(*, notification_ids: list[int]) -> int:
    """E-mail the notifications whose person wants them right away (no
    preference row means right away) or that are duties; skip inactive people
    and people without e-mail. Each is claimed first, so a second call sends
    nothing. A fixed number of queries plus one outbox row per e-mail; returns
    how many e-mails were queued."""
    if not notification_ids:
        return 0
    candidates = list(
        Notification.objects.filter(
            pk__in=notification_ids, emailed_at__isnull=True, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user")
    )
    if not candidates:
        return 0
    choices = {
        (user_id, kind): choice
        for user_id, kind, choice in NotificationPreference.objects.filter(
            user_id__in={n.user_id for n in candidates},
            kind__in={n.kind for n in candidates},
        ).values_list("user_id", "kind", "email")
    }
    wanted = [
        n
        for n in candidates
        if n.kind in DUTY_KINDS
        or choices.get((n.user_id, n.kind), Email.NOW) == Email.NOW
    ]
    with transaction.atomic():
        claimed = _claim(wanted)
        for notification in claimed:
            _send_one(notification)
    return len(claimed)


def _claim(notifications: list[Notification]) -> list[Notification]:
    """Mark ``notifications`` e-mailed where nobody did yet (one conditional
    UPDATE with a marker time, one SELECT to learn which rows this call won)."""
    if not notifications:
        return []
    marker = timezone.now()
    ids = [n.pk for n in notifications]
    Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).update(
        emailed_at=marker
    )
    won = set(
        Notification.objects.filter(pk__in=ids, emailed_at=marker).values_list(
            "pk", flat=True
        )
    )
    return [n for n in notifications if n.pk in won]


def site_link(path: str) -> str:
    return settings.SITE_URL + path


def open_link(notification: Notification) -> str:
    """The e-mail's link: opening it marks the notification read and goes on
    to its page (after signing in, when needed)."""
    return site_link(reverse("comunidad:avisos-abrir", args=[notification.pk]))


def unsubscribe_token(*, user_id: int, kind: str) -> str:
    """A signed (person, kind) pair: the authorization of the one-click link.
    It does not expire (an old e-mail's link keeps working)."""
    return signing.dumps([user_id, str(kind)], salt=UNSUBSCRIBE_SALT, compress=False)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The (person id, kind) a token names; NotificationError when it was not
    made here or names a kind that cannot be turned off."""
    try:
        user_id, kind = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise NotificationError(
            _("El enlace para darse de baja no es válido.")
        ) from error
    if not isinstance(user_id, int) or kind not in OPTIONAL_KINDS:
        raise NotificationError(_("El enlace para darse de baja no es válido."))
    return user_id, kind


def unsubscribe_link(*, user_id: int, kind: str) -> str:
    token = unsubscribe_token(user_id=user_id, kind=kind)
    return site_link(reverse("comunidad:avisos-baja", args=[token]))


def wants_email_now(user, kind: str) -> bool:
    """Whether ``user`` wants an e-mail of ``kind`` right away (duties always;
    no preference row means right away). For callers that write their own
    richer e-mail for an event (a released grade) instead of the generic one."""
    if kind in DUTY_KINDS:
        return True
    choice = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("email", flat=True)
        .first()
    )
    return (choice or Email.NOW) == Email.NOW


def unsubscribe_headers(*, user_id: int, kind: str) -> tuple[str, dict[str, str]]:
    """The one-click unsubscribe link of an optional kind and its RFC 8058
    headers, for e-mails written outside this module."""
    link = unsubscribe_link(user_id=user_id, kind=kind)
    return link, _unsubscribe_headers(link)


def _unsubscribe_headers(link: str) -> dict[str, str]:
    # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to the link.
    return {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _send_one(notification: Notification) -> None:
    from django.core.mail import EmailMessage

    user = notification.user
    optional = notification.kind not in DUTY_KINDS
    unsubscribe = (
        unsubscribe_link(user_id=user.pk, kind=notification.kind) if optional else ""
    )
    context = {
        "user": user,
        "notification": notification,
        "kind_label": Kind(notification.kind).label,
        "link": open_link(notification),
        "unsubscribe_url": unsubscribe,
        "preferences_url": site_link(reverse("comunidad:avisos-preferencias")),
        "site_url": settings.SITE_URL,
    }
    message = EmailMessage(
        subject=_one_line(_("Aviso: %(titulo)s") % {"titulo": notification.title})[
            :200
        ],
        body=render_to_string("comunidad/email/notification.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=_unsubscribe_headers(unsubscribe) if optional else {},
    )
    send_message(message)


def send_digests(*, now=None) -> int:
    """The daily digest: one e-mail per person whose preference for a kind is
    "resumen", listing that kind's notifications of the last day not e-mailed
    yet; nothing for a person with nothing. Three queries for everyone (the
    pending rows with their people, the claim, the check) plus one outbox row
    per e-mail; a second run sends nothing. Returns how many e-mails."""
    now = now or timezone.now()
    digest_pref = NotificationPreference.objects.filter(
        user=OuterRef("user"), kind=OuterRef("kind"), email=Email.DIGEST
    )
    pending = list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            created_at__gte=now - DIGEST_WINDOW,
            user__is_active=True,
        )
        .exclude(user__email="")
        .exclude(kind__in=list(DUTY_KINDS))
        .filter(Exists(digest_pref))
        .select_related("user")
        .order_by("user_id", "created_at", "pk")
    )
    if not pending:
        return 0
    sent = 0
    with transaction.atomic():
        claimed = _claim(pending)
        by_user: dict[int, list[Notification]] = {}
        for notification in claimed:
            by_user.setdefault(notification.user_id, []).append(notification)
        for notifications in by_user.values():
            _send_digest(notifications)
            sent += 1
    return sent


def _send_digest(notifications: list[Notification]) -> None:
    from django.core.mail import EmailMessage

    user = notifications[0].user
    kinds = sorted({n.kind for n in notifications})
    items = [
        {
            "notification": n,
            "kind_label": Kind(n.kind).label,
            "link": open_link(n),
        }
        for n in notifications
    ]
    unsubscribe = [
        {
            "kind_label": Kind(kind).label,
            "url": unsubscribe_link(user_id=user.pk, kind=kind),
        }
        for kind in kinds
    ]
    context = {
        "user": user,
        "items": items,
        "count": len(items),
        "unsubscribe": unsubscribe,
        "avisos_url": site_link(reverse("comunidad:avisos")),
        "preferences_url": site_link(reverse("comunidad:avisos-preferencias")),
        "site_url": settings.SITE_URL,
    }
    headers = {}
    if len(kinds) == 1:
        headers = _unsubscribe_headers(unsubscribe[0]["url"])
    message = EmailMessage(
        subject=render_to_string("comunidad/email/digest_subject.txt", context).strip(),
        body=render_to_string("comunidad/email/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=headers,
    )
    send_message(message)


# ------------------------------------------------------------------ reading
def unread_cache_key(user_id: int) -> str:
    return f"avisos:sin-leer:{user_id}"


def unread_count(user) -> int:
    """How many unread notifications ``user`` has (cached; every write that
    changes it drops the cached value)."""
    if not user.is_authenticated:
        return 0
    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(user=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_CACHE_TIMEOUT)
    return count


def mark_read(*, user, notification_id: int) -> Notification:
    """Mark one of ``user``'s notifications read (Notification.DoesNotExist
    when it is not theirs); twice changes nothing."""
    notification = Notification.objects.get(pk=notification_id, user=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
        cache.delete(unread_cache_key(user.pk))
    return notification


def mark_all_read(*, user) -> int:
    changed = Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    cache.delete(unread_cache_key(user.pk))
    return changed


# ------------------------------------------------------------------ preferences
def preferences_of(user) -> dict[str, str]:
    """Each optional kind's e-mail choice for ``user`` (one query)."""
    stored = dict(
        NotificationPreference.objects.filter(user=user).values_list("kind", "email")
    )
    return {
        kind.value: stored.get(kind.value, Email.NOW.value) for kind in OPTIONAL_KINDS
    }


def set_preferences(*, user, choices: dict[str, str]) -> None:
    """Store ``choices`` (kind → inmediato/resumen/nunca) for the optional
    kinds; duty kinds cannot be changed. Bad input: NotificationError and
    nothing stored. One upsert."""
    valid_kinds = {kind.value for kind in OPTIONAL_KINDS}
    valid_choices = set(Email.values)
    for kind, choice in choices.items():
        if kind not in valid_kinds:
            raise NotificationError(_("Ese tipo de aviso no se puede cambiar."))
        if choice not in valid_choices:
            raise NotificationError(
                _("Elija una de las opciones de cada tipo de aviso.")
            )
    if not choices:
        return
    NotificationPreference.objects.bulk_create(
        [
            NotificationPreference(user=user, kind=kind, email=choice)
            for kind, choice in choices.items()
        ],
        update_conflicts=True,
        unique_fields=["user", "kind"],
        update_fields=["email"],
    )


def unsubscribe(*, token: str) -> tuple[object, str]:
    """Turn off the e-mail of the kind a signed token names (sets "nunca");
    NotificationError for a forged or unknown token, nothing changed. Twice:
    the same result."""
    from django.contrib.auth import get_user_model

    user_id, kind = read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise NotificationError(_("El enlace para darse de baja no es válido."))
    set_preferences(user=user, choices={kind: Email.NEVER})
    return user, kind
