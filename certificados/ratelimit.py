"""A small per-IP rate limit on the public verification pages (cache-based)."""

from django.core.cache import cache

from lms.net import client_ip

__all__ = ["WINDOW_SECONDS", "allow", "client_ip"]

WINDOW_SECONDS = 60


def allow(request, action: str, limit: int) -> bool:
    """True while the client stays under ``limit`` requests per minute; the
    client is its real address behind the trusted proxies (lms.net)."""
    key = f"ratelimit:{action}:{client_ip(request)}"
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)
        return True
    return count <= limit
