"""A page cache for anonymous visitors.

A public page (a page class with `PublicPageCacheMixin`) served to a visitor without
a session is stored whole in the cache; the next anonymous request for the same URL
is answered by `PublicPageCacheMiddleware` before any view, session or database
work: 0 SQL queries.

Purging is by version tokens instead of key scans (which Redis and locmem answer
differently): the cache key of a response includes the token of its URL path, the
token of its parent path and a site-wide token. Publishing a page renews the tokens
of its path and of every ancestor's path, so the page, its listings, the home page
and its siblings (related articles) are rebuilt; unpublishing, moving or deleting a
page, or editing the menus, renews the site-wide token, because those change
navigation and links on every page. See `home.signal_handlers`.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache

SITE_TOKEN_KEY = "pagecache:token:site"  # noqa: S105 (a cache key)
HEADER = "X-Page-Cache"


def _path_token_key(path: str) -> str:
    return "pagecache:token:path:" + hashlib.sha256(path.encode()).hexdigest()


def _parent_path(path: str) -> str:
    trimmed = path.rstrip("/")
    return trimmed.rsplit("/", 1)[0] + "/" if trimmed else "/"


def _tokens(keys: list[str]) -> list[str]:
    """The current token of each key, creating the missing ones (a token that was
    evicted must not bring back entries stored under an older one)."""
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, None)
    if missing:
        found = cache.get_many(keys)
    return [found.get(key, "") for key in keys]


def _response_key(request) -> str | None:
    path = request.path
    tokens = _tokens(
        [SITE_TOKEN_KEY, _path_token_key(path), _path_token_key(_parent_path(path))]
    )
    if not all(tokens):
        return None
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pagecache:response:{':'.join(tokens)}:{url}"


def purge_paths(paths) -> None:
    """Renew the tokens of these URL paths (their cached pages and their children's
    are rebuilt on the next visit)."""
    cache.set_many({_path_token_key(p): uuid.uuid4().hex for p in paths}, None)


def purge_site() -> None:
    """Rebuild every cached page on its next visit."""
    cache.set(SITE_TOKEN_KEY, uuid.uuid4().hex, None)


class PublicPageCacheMixin:
    """Marks the responses of a page class as cacheable for anonymous visitors.
    Previews do not go through `serve`, so they are never cached."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.public_page_cache = True
        return response


class PublicPageCacheMiddleware:
    """Answer anonymous GET/HEAD requests for public pages from the cache.

    Placed right after WhiteNoise: a hit returns before sessions, authentication and
    routing run. Requests that carry a session or pending messages are never served
    from, nor stored in, the cache; neither are responses that set a cookie (such as
    a CSRF token) or that a page did not mark as public.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.private_cookies = (
            settings.SESSION_COOKIE_NAME,
            getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
        )

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        key = _response_key(request)
        if key is None:
            return self.get_response(request)
        response = cache.get(key)
        if response is not None:
            response[HEADER] = "HIT"
            return response
        response = self.get_response(request)
        if self._may_store(response):
            response[HEADER] = "MISS"
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    def _may_use_cache(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not any(name in request.COOKIES for name in self.private_cookies)
            and not request.headers.get("Authorization")
        )

    @staticmethod
    def _may_store(response) -> bool:
        return (
            getattr(response, "public_page_cache", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in response.get("Cache-Control", "")
        )
