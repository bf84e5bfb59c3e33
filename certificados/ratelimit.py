"""A small per-IP rate limit on the public verification pages (cache-based)."""

from django.core.cache import cache

WINDOW_SECONDS = 60


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "desconocida")


def allow(request, action: str, limit: int) -> bool:
    """True while the client stays under ``limit`` requests per minute."""
    key = f"ratelimit:{action}:{client_ip(request)}"
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)
        return True
    return count <= limit
