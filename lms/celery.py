"""Celery application, configured from Django settings (``CELERY_*``).

With no ``CELERY_BROKER_URL`` the settings switch tasks to eager mode, so the
embedded platform needs no broker. Every task gets bounded retries with
exponential backoff by default; tasks must be idempotent (they may run twice).
"""

import os

from celery import Celery
from celery.contrib.django.task import DjangoTask

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")


class PlatformTask(DjangoTask):
    """Default task base: retry transient failures a bounded number of times.

    ``delay_on_commit`` (from DjangoTask) enqueues only once the transaction commits.
    """

    autoretry_for = (ConnectionError, TimeoutError, OSError)
    retry_backoff = 5
    retry_backoff_max = 300
    retry_jitter = True
    max_retries = 5
    acks_late = True
    reject_on_worker_lost = True


app = Celery("lms", task_cls=PlatformTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
