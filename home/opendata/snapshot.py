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


def _key(day: datetime.date) -> str:
    return f"{KEY}{day.isoformat()}"


def _seconds_until_tomorrow() -> int:
    now = timezone.localtime()
    tomorrow = (now + datetime.timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return max(60, int((tomorrow - now).total_seconds()) + 60)


def published_dataset() -> Dataset:
    """Today's suppressed dataset: computed on the first request of the day
    (five queries and the suppression), then read from the cache."""
    key = _key(timezone.localdate())
    dataset = cache.get(key)
    if dataset is None:
        dataset = publish(build_dataset(fetch_counts()))
        dataset.relations = Relations()  # only needed to suppress; keep it small
        cache.set(key, dataset, _seconds_until_tomorrow())
    return dataset


def unsuppressed_dataset() -> Dataset:
    """The same tables with their true counts, as of now (coordinators only)."""
    return build_dataset(fetch_counts())
