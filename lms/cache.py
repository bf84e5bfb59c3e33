"""A Redis cache that degrades instead of failing when Redis is unreachable.

Django's ``RedisCache`` raises on every operation while Redis is down, and the
whole site answers 500 (sessions, the page cache, the cached site and outlines
all go through it). ``ResilientRedisCache`` catches the connection errors:

- reads are misses, writes and deletes are skipped, so every caller falls back
  to the database (``cached_db`` sessions included) and nothing needs its own
  ``try``;
- keys under ``LOCAL_FALLBACK_PREFIXES`` (rate-limit counters and their locks)
  go to a process-local memory cache instead, so rate limits are still enforced,
  per process, rather than switched off or locking everyone out;
- after a failure Redis is not tried again for ``RETRY_SECONDS`` (a dead Redis
  costs nothing per request, not a connect timeout per call), and the error is
  logged once per outage;
- every key this process wrote or deleted while Redis was down is deleted from
  Redis when it answers again, before anything else is read: a session logged
  out, a page purged or an outline changed during the outage cannot come back
  from a stale entry.

Short socket timeouts and no client-side retries are the defaults (OPTIONS can
override them), so a Redis that hangs costs a fraction of a second once.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)

DEFAULT_OPTIONS = {
    "socket_connect_timeout": 0.3,
    "socket_timeout": 0.5,
    "retry_on_timeout": False,
    "health_check_interval": 30,
}
# allauth's rate limits ("allauth:rl:...", their locks too) and the project's
# own (certificados.ratelimit).
DEFAULT_LOCAL_FALLBACK_PREFIXES = ("allauth:rl:", "ratelimit:")
# Keys remembered for invalidation on recovery; beyond this, the oldest are
# dropped (they expire on their own timeout).
MAX_PENDING_INVALIDATIONS = 10_000


class ReusedRedisCacheClient(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` for every cache call; with
    redis-py 8 building one costs about as much as the round trip itself (its
    table of response callbacks), and an exam page makes several calls. A
    ``redis.Redis`` is safe to share between threads (each command takes a
    connection from the pool), so one is kept per connection pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(
                id(pool), self._client(connection_pool=pool)
            )
        return client


class ResilientRedisCache(RedisCache):
    """``RedisCache`` that treats an unreachable Redis as an empty cache.

    Extra params (beside Django's): ``RETRY_SECONDS`` (default 5) and
    ``LOCAL_FALLBACK_PREFIXES`` (keys kept in process memory while Redis is down).
    """

    def __init__(self, server, params):
        params = dict(params)
        params["OPTIONS"] = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient
        self.retry_seconds = float(params.get("RETRY_SECONDS", 5))
        self.local_prefixes = tuple(
            params.get("LOCAL_FALLBACK_PREFIXES", DEFAULT_LOCAL_FALLBACK_PREFIXES)
        )
        self._local = LocMemCache(
            f"resilient-fallback-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": 10_000}}
        )
        self._state_lock = threading.Lock()
        self._down_until = 0.0
        self._pending: dict[str, None] = {}  # ordered set of made keys

    # --- state -------------------------------------------------------------

    @property
    def available(self) -> bool:
        """False while Redis is considered down (a recent failure)."""
        return time.monotonic() >= self._down_until

    def _failed(self, error: Exception) -> None:
        with self._state_lock:
            first = self._down_until == 0.0
            self._down_until = time.monotonic() + self.retry_seconds
        if first:
            logger.error(
                "Redis cache unreachable (%s); serving without it and retrying "
                "every %s s.",
                error,
                self.retry_seconds,
            )

    def _remember(self, made_keys) -> None:
        with self._state_lock:
            for key in made_keys:
                self._pending.pop(key, None)
                self._pending[key] = None
            while len(self._pending) > MAX_PENDING_INVALIDATIONS:
                self._pending.pop(next(iter(self._pending)))

    def _use_redis(self) -> bool:
        """Whether to talk to Redis now; on recovery, first delete what went
        stale while it was down."""
        if not self.available:
            return False
        if self._down_until or self._pending:
            with self._state_lock:
                pending = list(self._pending)
            try:
                if pending:
                    self._cache.delete_many(pending)
                else:
                    self._cache.get_client(None).ping()
            except UNAVAILABLE as error:
                self._failed(error)
                return False
            with self._state_lock:
                for key in pending:
                    self._pending.pop(key, None)
                recovered = self._down_until != 0.0
                self._down_until = 0.0
            if recovered:
                logger.warning(
                    "Redis cache reachable again; %s stale key(s) deleted.",
                    len(pending),
                )
        return True

    def _is_local(self, key) -> bool:
        return isinstance(key, str) and key.startswith(self.local_prefixes)

    def _run(self, operation, fallback, written_keys=(), version=None):
        """Run ``operation`` on Redis, or ``fallback`` when it is unreachable;
        ``written_keys`` are remembered for deletion when Redis comes back."""
        if self._use_redis():
            try:
                return operation()
            except UNAVAILABLE as error:
                self._failed(error)
        if written_keys:
            self._remember(
                [self.make_key(key, version=version) for key in written_keys]
            )
        return fallback()

    def ping(self) -> bool:
        """A real round trip to Redis (for the health check), without waiting
        for the retry pause; a success ends an outage."""
        with self._state_lock:
            if self._down_until:
                self._down_until = 1e-9  # may be tried now, still recovering
        if not self._use_redis():
            return False
        try:
            self._cache.get_client(None).ping()
        except UNAVAILABLE as error:
            self._failed(error)
            return False
        return True

    # --- operations ----------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        local = self._is_local(key)
        return self._run(
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            lambda: self._local.add(key, value, timeout, version) if local else False,
            written_keys=() if local else (key,),
            version=version,
        )

    def get(self, key, default=None, version=None):
        local = self._is_local(key)
        return self._run(
            lambda: super(ResilientRedisCache, self).get(key, default, version),
            lambda: self._local.get(key, default, version) if local else default,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        local = self._is_local(key)
        return self._run(
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
            lambda: self._local.set(key, value, timeout, version) if local else None,
            written_keys=() if local else (key,),
            version=version,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        local = self._is_local(key)
        return self._run(
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
            lambda: self._local.touch(key, timeout, version) if local else False,
        )

    def delete(self, key, version=None):
        local = self._is_local(key)
        return self._run(
            lambda: super(ResilientRedisCache, self).delete(key, version),
            lambda: self._local.delete(key, version) if local else False,
            written_keys=() if local else (key,),
            version=version,
        )

    def get_many(self, keys, version=None):
        keys = list(keys)
        local = [key for key in keys if self._is_local(key)]
        return self._run(
            lambda: super(ResilientRedisCache, self).get_many(keys, version),
            lambda: self._local.get_many(local, version) if local else {},
        )

    def has_key(self, key, version=None):
        local = self._is_local(key)
        return self._run(
            lambda: super(ResilientRedisCache, self).has_key(key, version),
            lambda: self._local.has_key(key, version) if local else False,
        )

    def incr(self, key, delta=1, version=None):
        def fallback():
            if self._is_local(key):
                return self._local.incr(key, delta, version)
            # Unknown while Redis is down: callers treat it as a missing key.
            raise ValueError(f"Key '{key}' not found (cache unavailable).")

        return self._run(
            lambda: super(ResilientRedisCache, self).incr(key, delta, version),
            fallback,
            written_keys=() if self._is_local(key) else (key,),
            version=version,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        data = dict(data)
        local = {k: v for k, v in data.items() if self._is_local(k)}
        shared = [k for k in data if k not in local]

        def fallback():
            if local:
                self._local.set_many(local, timeout, version)
            return shared

        return self._run(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            fallback,
            written_keys=shared,
            version=version,
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        local = [key for key in keys if self._is_local(key)]
        shared = [key for key in keys if key not in local]
        return self._run(
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
            lambda: self._local.delete_many(local, version),
            written_keys=shared,
            version=version,
        )

    def clear(self):
        self._local.clear()
        return self._run(
            lambda: super(ResilientRedisCache, self).clear(), lambda: False
        )
