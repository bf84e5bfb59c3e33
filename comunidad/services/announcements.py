"""Announcements of an edition: its tutors and coordinators post them (every
learner of the edition is notified), edit them or withdraw them (both kept in
the audit log); each learner marks them read.

Permission is checked here (``comunidad.access.may_moderate`` to write,
``may_read`` to mark read); the views look ids up inside the person's
editions too.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from comunidad.access import may_moderate, may_read
from comunidad.models import Announcement, AnnouncementRead, Notification
from comunidad.services.notifications import notify
from comunidad.text import excerpt
from cursos.assignment_files import check_file
from cursos.models import Enrollment

__all__ = [
    "EDITED_ACTION",
    "WITHDRAWN_ACTION",
    "AnnouncementError",
    "edit_announcement",
    "mark_read",
    "post_announcement",
    "withdraw_announcement",
]

EDITED_ACTION = "comunidad.announcement.edited"
WITHDRAWN_ACTION = "comunidad.announcement.withdrawn"
MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 20_000
FILE_FORMATS = ["pdf", "docx", "odt", "jpg", "png"]
MAX_FILE_MB = 10


class AnnouncementError(Exception):
    """Refused; ``str(error)`` is the message for the person, in Spanish."""


def _clean(value, *, limit: int, what: str) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise AnnouncementError(
            _("%(campo)s contiene un carácter nulo, que no se admite.")
            % {"campo": what}
        )
    if not text:
        raise AnnouncementError(_("Escriba %(campo)s.") % {"campo": what.lower()})
    if len(text) > limit:
        raise AnnouncementError(
            _("%(campo)s es demasiado largo (%(max)s caracteres como máximo).")
            % {"campo": what, "max": f"{limit:,}".replace(",", " ")}
        )
    return text


def _checked_attachment(attachment):
    if attachment is None:
        return None
    try:
        check_file(attachment, formats=FILE_FORMATS, max_mb=MAX_FILE_MB)
    except ValidationError as error:
        raise AnnouncementError(" ".join(error.messages)) from error
    return attachment


def announcements_url(cohort_id: int) -> str:
    return reverse("comunidad:foro-anuncios", args=[cohort_id])


def post_announcement(
    *, cohort, author, title: str, body: str, attachment=None
) -> Announcement:
    """Publish an announcement in ``cohort`` and notify each of its learners
    (kind "anuncio"). Not idempotent by itself: the form page redirects after
    posting, and an identical announcement by the same author in the last
    minute is returned instead of a second one (a double click)."""
    if not may_moderate(author, cohort):
        raise PermissionDenied
    title = _clean(title, limit=MAX_TITLE_CHARS, what=_("El título"))
    body = _clean(body, limit=MAX_BODY_CHARS, what=_("El texto"))
    attachment = _checked_attachment(attachment)
    recent = Announcement.objects.filter(
        cohort=cohort,
        author=author,
        title=title,
        body=body,
        withdrawn_at__isnull=True,
        created_at__gte=timezone.now() - timedelta(minutes=1),
    ).first()
    if recent is not None:
        return recent
    with transaction.atomic():
        announcement = Announcement(
            cohort=cohort, author=author, title=title, body=body
        )
        if attachment is not None:
            announcement.attachment = attachment
            announcement.attachment_name = (attachment.name or "adjunto")[:255]
        announcement.save()
        learners = [
            enrollment.user
            for enrollment in Enrollment.objects.filter(
                cohort=cohort, user__is_active=True
            ).select_related("user")
        ]
        notify(
            users=learners,
            kind=Notification.Kind.ANNOUNCEMENT,
            title=title,
            body=excerpt(body),
            url=f"{announcements_url(cohort.pk)}#anuncio-{announcement.pk}",
        )
    return announcement


def edit_announcement(
    *, announcement: Announcement, user, title: str, body: str
) -> Announcement:
    """Change an announcement's title and text (recorded in the audit log with
    the text before). Learners are not notified again."""
    if not may_moderate(user, announcement.cohort):
        raise PermissionDenied
    if announcement.withdrawn_at is not None:
        raise AnnouncementError(_("Este anuncio fue retirado; ya no se puede editar."))
    title = _clean(title, limit=MAX_TITLE_CHARS, what=_("El título"))
    body = _clean(body, limit=MAX_BODY_CHARS, what=_("El texto"))
    before = {"title": announcement.title, "body": announcement.body}
    with transaction.atomic():
        announcement.title = title
        announcement.body = body
        announcement.edited_at = timezone.now()
        announcement.save(update_fields=["title", "body", "edited_at"])
        log(
            instance=announcement,
            action=EDITED_ACTION,
            user=user,
            data={"before": before, "after": {"title": title, "body": body}},
        )
    return announcement


def withdraw_announcement(*, announcement: Announcement, user) -> Announcement:
    """Withdraw an announcement (kept, hidden from learners; recorded in the
    audit log). Twice: no change, one log entry."""
    if not may_moderate(user, announcement.cohort):
        raise PermissionDenied
    with transaction.atomic():
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if locked.withdrawn_at is None:
            locked.withdrawn_at = timezone.now()
            locked.save(update_fields=["withdrawn_at"])
            log(
                instance=locked,
                action=WITHDRAWN_ACTION,
                user=user,
                data={"title": locked.title},
            )
    announcement.withdrawn_at = locked.withdrawn_at
    return announcement


def mark_read(*, announcement: Announcement, user) -> None:
    """``user`` has read ``announcement``; it leaves the top of their pages.
    Twice: one row."""
    if not may_read(user, announcement.cohort):
        raise PermissionDenied
    try:
        with transaction.atomic():
            AnnouncementRead.objects.get_or_create(announcement=announcement, user=user)
    except IntegrityError:
        pass  # a concurrent click recorded it
