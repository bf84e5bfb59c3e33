"""Whether a person may enter the Wagtail admin, cached so that learner pages do
not pay two permission queries just to decide whether to show an admin link.

The admin itself always checks permissions for real; this only decides what the
public pages show. Any change to group membership or group permissions bumps a
version number, which invalidates every cached answer at once.
"""

from django.core.cache import cache

VERSION_KEY = "accounts:admin-access:version"
TIMEOUT = 60 * 10


def _version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def invalidate_admin_access() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def can_access_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    key = f"accounts:admin-access:{_version()}:{user.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, TIMEOUT)
    return allowed
