"""The published dataset, computed once a day and shared by the page and every
file, so all of them show the same figures with the same cut-off date (files
from two different days could be compared cell by cell)."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.utils import timezone

from .aggregate import Dataset, build_dataset, fetch_counts, publish
from .suppression import Relations

KEY = "home:opendata:v2:"
LATEST_KEY = "home:opendata:v2:latest"
LATEST_SECONDS = 2 * 24 * 60 * 60


def _key(day: datetime.date) -> str:
    return f"{KEY}{day.isoformat()}"


def _seconds_until_tomorrow() -> int:
    now = timezone.localtime()
    tomorrow = (now + datetime.timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return max(60, int((tomorrow - now).total_seconds()) + 60)


def refresh_published_dataset() -> Dataset:
    """Compute today's suppressed dataset (five queries and the suppression,
    which grows with the number of small cells) and store it as today's and
    as the latest one."""
    dataset = publish(build_dataset(fetch_counts()))
    dataset.relations = Relations()  # only needed to suppress; keep it small
    cache.set(_key(timezone.localdate()), dataset, _seconds_until_tomorrow())
    cache.set(LATEST_KEY, dataset, LATEST_SECONDS)
    return dataset


def published_dataset() -> Dataset:
    """Today's suppressed dataset if the beat task (home.refresh_open_data,
    00:05) or an earlier request computed it; otherwise the latest one (at
    most two days old, its cut-off date says so), so that a visitor never
    waits for the suppression; computed here only when there is none."""
    dataset = cache.get(_key(timezone.localdate())) or cache.get(LATEST_KEY)
    if dataset is None:
        dataset = refresh_published_dataset()
    return dataset


def unsuppressed_dataset() -> Dataset:
    """The same tables with their true counts, as of now (coordinators only)."""
    return build_dataset(fetch_counts())
