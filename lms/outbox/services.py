"""Write tasks to the outbox and publish them (see the package docstring)."""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# A deliverer leaves messages younger than this to the request that wrote them
# (which publishes them right after its commit), so the two do not race.
DEFAULT_MIN_AGE_SECONDS = 60
# How long a deliverer owns the messages it took before another may take them.
LEASE_SECONDS = 300
# After this many failed publications a message waits for an operator
# (`manage.py deliver_outbox --reintentar`); /salud/ counts them.
MAX_ATTEMPTS = 20
# Sent messages are kept this long (to answer "was it sent?"), then deleted.
KEEP_SENT_DAYS = 7


def enqueue(task, /, *args, **kwargs) -> OutboxMessage:
    """Record ``task(*args, **kwargs)`` in the current transaction and publish it
    after the commit. Arguments must be JSON (ids, plain strings). The task must
    be idempotent: after a crash between publishing and marking it sent, the
    deliverer publishes it again."""
    name = task if isinstance(task, str) else task.name
    message = OutboxMessage.objects.create(
        task_name=name, args=list(args), kwargs=kwargs
    )
    transaction.on_commit(
        partial(_publish, message.pk, name, list(args), kwargs, retry=False),
        robust=True,
    )
    return message


def _publish(pk: int, name: str, args: list, kwargs: dict, *, retry: bool) -> bool:
    """Hand one message to Celery; mark it sent, or leave it pending with the
    error. In eager mode the task runs here, and its failure (an SMTP server
    down) also leaves the message pending instead of failing the request."""
    from lms.celery import app

    try:
        # retry=False on the request path: a dead broker costs one refused
        # connection, not kombu's retry loop; the deliverer will try again.
        _task(app, name).apply_async(args=args, kwargs=kwargs, retry=retry)
    except Exception as error:  # noqa: BLE001 (any failure: keep it pending)
        logger.warning("Outbox message %s (%s) not published: %s", pk, name, error)
        OutboxMessage.objects.filter(pk=pk).update(
            attempts=F("attempts") + 1,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            locked_until=None,
        )
        return False
    OutboxMessage.objects.filter(pk=pk, sent_at__isnull=True).update(
        sent_at=timezone.now(), attempts=F("attempts") + 1, locked_until=None
    )
    return True


def _task(app, name: str):
    """The registered task; a process that has not imported its module yet (a
    web process delivering what a worker wrote) imports every app's tasks."""
    if name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[name]


def pending():
    return OutboxMessage.objects.filter(sent_at__isnull=True)


def deliver_pending(
    *, min_age_seconds: float = DEFAULT_MIN_AGE_SECONDS, limit: int = 500
) -> dict[str, int]:
    """Publish pending messages older than ``min_age_seconds``, oldest first.

    Messages are taken under a lease (``SELECT ... FOR UPDATE SKIP LOCKED`` on
    PostgreSQL), so concurrent deliverers never take the same message; a message
    is marked sent as soon as the broker accepts it, so running this again
    publishes nothing twice."""
    now = timezone.now()
    lease = now + timedelta(seconds=LEASE_SECONDS)
    with transaction.atomic():
        batch = list(
            pending()
            .select_for_update(skip_locked=True)
            .filter(
                Q(locked_until__isnull=True) | Q(locked_until__lt=now),
                attempts__lt=MAX_ATTEMPTS,
                created_at__lte=now - timedelta(seconds=min_age_seconds),
            )
            .order_by("pk")
            .values_list("pk", "task_name", "args", "kwargs")[:limit]
        )
        OutboxMessage.objects.filter(pk__in=[row[0] for row in batch]).update(
            locked_until=lease
        )
    sent = sum(
        _publish(pk, name, args, kwargs, retry=True) for pk, name, args, kwargs in batch
    )
    OutboxMessage.objects.filter(
        sent_at__lt=now - timedelta(days=KEEP_SENT_DAYS)
    ).delete()
    return {"sent": sent, "failed": len(batch) - sent}


def retry_failed() -> int:
    """Give messages that reached MAX_ATTEMPTS a new round (operator action)."""
    return pending().filter(attempts__gte=MAX_ATTEMPTS).update(attempts=0)
