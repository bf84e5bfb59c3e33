"""Writes in the forums of an edition: start a thread in a module's forum,
reply, edit one's own post for a while, mark a thread resolved or reopen it,
follow a thread, report a post to the tutoring team, hide a post (moderators).

Who may do what is checked here (the views look ids up inside the person's
editions too): reading an edition (``comunidad.access.may_read``) lets a person
post; moderating it (``may_moderate``: its tutors and coordinators) lets them
hide posts, and their posts carry the "Tutoría" badge.

A double click posts once: each form carries a one-time token, unique per
author (``Post.client_token``); the second call returns what the first made.
A learner posts at most ``RATE_LIMIT_POSTS`` times in ``RATE_LIMIT_SECONDS``;
past that, a Spanish message and nothing written (the edition's tutors and
coordinators are not limited: they answer a backlog of questions at once).
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from comunidad.access import may_moderate, may_read, readers_of
from comunidad.models import (
    Notification,
    Post,
    PostAttachment,
    PostReport,
    Thread,
    ThreadSubscription,
)
from comunidad.services.notifications import notify
from comunidad.text import excerpt
from cursos.assignment_files import check_file
from cursos.models import ModulePage

__all__ = [
    "ForumError",
    "edit_post",
    "hide_post",
    "may_edit",
    "reply",
    "report",
    "resolve",
    "start_thread",
    "subscribe",
]

MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 20_000
MAX_REASON_CHARS = 300
MAX_FILES = 3
MAX_FILE_MB = 10
FILE_FORMATS = ["pdf", "docx", "odt", "jpg", "png"]
RATE_LIMIT_POSTS = 10
RATE_LIMIT_SECONDS = 10 * 60
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


class ForumError(Exception):
    """Refused; ``str(error)`` is the message for the person, in Spanish."""


def edit_minutes() -> int:
    return int(getattr(settings, "FORUM_EDIT_MINUTES", 15))


# ------------------------------------------------------------------ checks
def _clean(value, *, limit: int, what: str, required: bool = True) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise ForumError(
            _("%(campo)s contiene un carácter nulo, que no se admite.")
            % {"campo": what}
        )
    if required and not text:
        raise ForumError(_("Escriba %(campo)s.") % {"campo": what.lower()})
    if len(text) > limit:
        raise ForumError(
            _("%(campo)s es demasiado largo (%(max)s caracteres como máximo).")
            % {"campo": what, "max": f"{limit:,}".replace(",", " ")}
        )
    return text


def _token(token) -> str:
    token = (token or "").strip()
    if not TOKEN_PATTERN.fullmatch(token):
        raise ForumError(
            _("El formulario caducó. Recargue la página e intente de nuevo.")
        )
    return token


def _checked_files(files) -> list[tuple[object, str]]:
    files = [f for f in files or () if f is not None]
    if len(files) > MAX_FILES:
        raise ForumError(
            _("Puede adjuntar hasta %(max)s archivos; adjuntó %(n)s.")
            % {"max": MAX_FILES, "n": len(files)}
        )
    checked = []
    for uploaded in files:
        try:
            kind = check_file(uploaded, formats=FILE_FORMATS, max_mb=MAX_FILE_MB)
        except ValidationError as error:
            raise ForumError(" ".join(error.messages)) from error
        checked.append((uploaded, kind))
    return checked


def _rate_key(user) -> str:
    return f"ratelimit:foro:{user.pk}"


def _check_rate(user) -> None:
    if (cache.get(_rate_key(user)) or 0) >= RATE_LIMIT_POSTS:
        raise ForumError(
            _(
                "Publicó muchos mensajes en poco tiempo. Espere unos minutos e "
                "intente de nuevo; su mensaje no se publicó."
            )
        )


def _count_post(user) -> None:
    key = _rate_key(user)
    if cache.add(key, 1, RATE_LIMIT_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_LIMIT_SECONDS)


def _require_reader(user, cohort) -> None:
    if not may_read(user, cohort):
        raise PermissionDenied


def _require_open_edition(user, cohort) -> None:
    """After the edition's end the forum stays to be read; tutors and
    coordinators may still answer (as they may still grade)."""
    if cohort.is_closed() and not may_moderate(user, cohort):
        raise ForumError(
            _("La edición «%(edicion)s» cerró: el foro queda para consulta.")
            % {"edicion": cohort.name}
        )


def module_belongs(module: ModulePage, cohort) -> bool:
    return (
        ModulePage.objects.live().child_of(cohort.course).filter(pk=module.pk).exists()
    )


def _attach(post: Post, checked) -> None:
    for uploaded, kind in checked:
        PostAttachment.objects.create(
            post=post,
            file=uploaded,
            original_name=(uploaded.name or "archivo")[:255],
            size=uploaded.size,
            kind=kind,
        )


def thread_url(thread: Thread) -> str:
    return reverse("comunidad:foro-hilo", args=[thread.cohort_id, thread.pk])


# ------------------------------------------------------------------ writes
def start_thread(
    *, cohort, module, author, title: str, body: str, files=(), token: str
) -> Thread:
    """Open a thread in ``module``'s forum of ``cohort`` with its first post;
    the author follows it. Twice with the same ``token``: the first thread."""
    token = _token(token)
    _require_reader(author, cohort)
    _require_open_edition(author, cohort)
    if not module_belongs(module, cohort):
        raise ForumError(_("Ese módulo no forma parte de esta edición."))
    existing = (
        Post.objects.filter(author=author, client_token=token)
        .select_related("thread")
        .first()
    )
    if existing is not None:
        return existing.thread
    title = _clean(title, limit=MAX_TITLE_CHARS, what=_("El título"))
    body = _clean(body, limit=MAX_BODY_CHARS, what=_("El mensaje"))
    checked = _checked_files(files)
    by_tutor = may_moderate(author, cohort)
    if not by_tutor:
        _check_rate(author)
    now = timezone.now()
    try:
        with transaction.atomic():
            thread = Thread.objects.create(
                cohort=cohort,
                module=module,
                author=author,
                title=title,
                last_post_at=now,
                posts_count=1,
            )
            post = Post.objects.create(
                thread=thread,
                author=author,
                body=body,
                by_tutor=by_tutor,
                client_token=token,
            )
            _attach(post, checked)
            ThreadSubscription.objects.create(thread=thread, user=author)
    except IntegrityError:
        # A concurrent first click with this token won.
        return (
            Post.objects.select_related("thread")
            .get(author=author, client_token=token)
            .thread
        )
    if not by_tutor:
        _count_post(author)
    return thread


def reply(*, thread: Thread, author, body: str, files=(), token: str) -> Post:
    """Answer ``thread``; its followers (but the author) are notified. Twice
    with the same ``token``: the first post, one notification each."""
    token = _token(token)
    _require_reader(author, thread.cohort)
    _require_open_edition(author, thread.cohort)
    existing = Post.objects.filter(author=author, client_token=token).first()
    if existing is not None:
        return existing
    body = _clean(body, limit=MAX_BODY_CHARS, what=_("El mensaje"))
    checked = _checked_files(files)
    by_tutor = may_moderate(author, thread.cohort)
    if not by_tutor:
        _check_rate(author)
    now = timezone.now()
    try:
        with transaction.atomic():
            post = Post.objects.create(
                thread=thread,
                author=author,
                body=body,
                by_tutor=by_tutor,
                client_token=token,
            )
            _attach(post, checked)
            Thread.objects.filter(pk=thread.pk).update(
                last_post_at=now, posts_count=F("posts_count") + 1
            )
            # Only followers who may still read the edition (a learner moved
            # to another edition, a tutor taken off it, no longer do).
            followers = (
                get_user_model()
                .objects.filter(readers_of(thread.cohort))
                .filter(
                    pk__in=ThreadSubscription.objects.filter(thread=thread).values(
                        "user_id"
                    )
                )
                .exclude(pk=author.pk)
                .distinct()
            )
            notify(
                users=list(followers),
                kind=Notification.Kind.REPLY,
                title=_("Nueva respuesta en «%(titulo)s»") % {"titulo": thread.title},
                body=excerpt(body),
                url=f"{thread_url(thread)}?pagina=ultima#mensaje-{post.pk}",
            )
    except IntegrityError:
        return Post.objects.get(author=author, client_token=token)
    if not by_tutor:
        _count_post(author)
    return post


def may_edit(post: Post, user, now=None) -> bool:
    """Its author, while it is not hidden and for ``FORUM_EDIT_MINUTES``."""
    now = now or timezone.now()
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and post.hidden_at is None
        and now <= post.created_at + timedelta(minutes=edit_minutes())
    )


def edit_post(*, post: Post, user, body: str) -> Post:
    """Change the text of one's own post within the edit window (the thread's
    followers are not notified again). Twice: the last text stays."""
    _require_reader(user, post.thread.cohort)
    if post.author_id != user.pk:
        raise PermissionDenied
    if not may_edit(post, user):
        raise ForumError(
            _("Los mensajes se pueden corregir solo durante %(n)s minutos.")
            % {"n": edit_minutes()}
        )
    body = _clean(body, limit=MAX_BODY_CHARS, what=_("El mensaje"))
    post.body = body
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    return post


def resolve(*, thread: Thread, user, resolved: bool = True) -> Thread:
    """Mark ``thread`` resolved (or reopen it): its author or a moderator.
    Twice: no change."""
    _require_reader(user, thread.cohort)
    if thread.author_id != user.pk and not may_moderate(user, thread.cohort):
        raise PermissionDenied
    if resolved and thread.resolved_at is None:
        thread.resolved_at = timezone.now()
        thread.resolved_by = user
    elif not resolved:
        thread.resolved_at = None
        thread.resolved_by = None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    return thread


def subscribe(*, thread: Thread, user, on: bool = True) -> bool:
    """Follow (``on``) or stop following ``thread``; returns whether ``user``
    follows it now. Twice: no change."""
    _require_reader(user, thread.cohort)
    if on:
        ThreadSubscription.objects.get_or_create(thread=thread, user=user)
    else:
        ThreadSubscription.objects.filter(thread=thread, user=user).delete()
    return on


def report(*, post: Post, user, reason: str) -> PostReport:
    """Tell the edition's tutoring team that ``post`` needs a look. Twice: one
    report (the reason first given stays)."""
    _require_reader(user, post.thread.cohort)
    reason = _clean(reason, limit=MAX_REASON_CHARS, what=_("El motivo"))
    report_row, _created = PostReport.objects.get_or_create(
        post=post, reporter=user, defaults={"reason": reason}
    )
    return report_row


def hide_post(*, post: Post, user, reason: str) -> Post:
    """Hide ``post`` (kept, not deleted) with a reason shown to learners; its
    reports are marked handled. Moderators only. Twice: the first reason."""
    if not may_moderate(user, post.thread.cohort):
        raise PermissionDenied
    reason = _clean(reason, limit=MAX_REASON_CHARS, what=_("El motivo"))
    now = timezone.now()
    with transaction.atomic():
        if post.hidden_at is None:
            post.hidden_at = now
            post.hidden_by = user
            post.hidden_reason = reason
            post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        PostReport.objects.filter(post=post, handled_at__isnull=True).update(
            handled_at=now
        )
    return post


def dismiss_reports(*, post: Post, user) -> int:
    """A moderator looked at ``post`` and leaves it visible: its reports are
    marked handled. Returns how many."""
    if not may_moderate(user, post.thread.cohort):
        raise PermissionDenied
    return PostReport.objects.filter(post=post, handled_at__isnull=True).update(
        handled_at=timezone.now()
    )
