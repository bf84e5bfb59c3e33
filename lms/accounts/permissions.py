"""Whether a person may enter the Wagtail admin, cached so that learner pages do
not pay two permission queries just to decide whether to show an admin link.

The admin itself always checks permissions for real; this only decides what the
public pages show. Any change to group membership or group permissions bumps a
version number, which invalidates every cached answer at once.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "accounts:admin-access:version"
TIMEOUT = 60 * 10


def _version() -> str:
    # A random token, not a counter: a version lost with the cache (Redis down
    # or flushed) never comes back as an old number whose answers are stale.
    return cache.get_or_set(VERSION_KEY, uuid.uuid4().hex, None)


def invalidate_admin_access() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def admin_access_key(version: str, user_id: int) -> str:
    return f"accounts:admin-access:{version}:{user_id}"


def may_enter_admin(user) -> bool:
    """The real check (a permission query), without the cache."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def remember_access(key: str, allowed: bool) -> bool:
    """Cache one access answer under ``key`` (a versioned key) and return it."""
    cache.set(key, allowed, TIMEOUT)
    return allowed


def cached_access(key: str, check) -> bool:
    """The answer cached under ``key``, or ``check()``'s, remembered."""
    allowed = cache.get(key)
    return remember_access(key, check()) if allowed is None else allowed


def can_access_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    key = admin_access_key(_version(), user.pk)
    return cached_access(key, lambda: may_enter_admin(user))
