"""A page cache for anonymous visitors.

A public page (a page class with `PublicPageCacheMixin`) served to a visitor without
a session is stored whole in the cache; the next anonymous request for the same URL
is answered by `PublicPageCacheMiddleware` before any view, session or database
work: 0 SQL queries.

Purging is by version tokens instead of key scans (which Redis and locmem answer
differently): the cache key of a response includes the token of its URL path, the
token of its parent path and a site-wide token. Publishing a page renews the tokens
of its path and of every ancestor's path, so the page, its listings, the home page
and its siblings (related articles) are rebuilt; unpublishing, moving, deleting or
renaming (slug) a page, changing who may view it, or editing the menus renews the
site-wide token, because those change navigation, links or access on many pages.
Each purge runs at once and again after the transaction commits, so a request in
between cannot store what is about to change. See `home.signal_handlers`.
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


# Query parameters the public pages understand; a URL with any other parameter is
# served without the cache, so made-up URLs cannot fill it.
CACHED_PARAMETERS = frozenset({"pagina", "categoria", "etiqueta"})


def _token_keys(request) -> list[str]:
    path = request.path
    return [SITE_TOKEN_KEY, _path_token_key(path), _path_token_key(_parent_path(path))]


def _token_seconds() -> int:
    """Tokens outlive the pages stored under them; an expired token only means
    that those pages are rebuilt."""
    return settings.PAGE_CACHE_SECONDS * 4


def _response_key(request, tokens: list[str]) -> str:
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"pagecache:response:{':'.join(tokens)}:{digest}"


def _lookup_key(request) -> str | None:
    """The key of the stored response, or None when a token is missing (nothing
    can be stored under it yet). Reading never writes to the cache."""
    keys = _token_keys(request)
    found = cache.get_many(keys)
    if any(key not in found for key in keys):
        return None
    return _response_key(request, [found[key] for key in keys])


def _store_key(request) -> str:
    """The key to store a response under, creating missing tokens (only now that
    there is a page worth storing)."""
    keys = _token_keys(request)
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, _token_seconds())
    found = cache.get_many(keys)
    return _response_key(request, [found.get(key, "") for key in keys])


def purge_paths(paths) -> None:
    """Renew the tokens of these URL paths (their cached pages and their children's
    are rebuilt on the next visit)."""
    cache.set_many(
        {_path_token_key(p): uuid.uuid4().hex for p in paths}, _token_seconds()
    )


def purge_site() -> None:
    """Rebuild every cached page on its next visit."""
    cache.set(SITE_TOKEN_KEY, uuid.uuid4().hex, _token_seconds())


PARAMETERS_CHECKED = "_page_cache_parameters_valid"


def mark_parameters(request, *, valid: bool) -> None:
    """Called by a page that reads query parameters: whether every parameter of
    this request names something that exists (a page number within range, a real
    category or tag). Only then may the response be stored; otherwise made-up
    URLs (300 random ``?pagina=`` values) would each fill a cache entry."""
    setattr(request, PARAMETERS_CHECKED, valid)


def _parameters_valid(request) -> bool:
    """A URL without parameters always is; one with parameters only when the page
    checked them and found them real (pages that ignore parameters never do)."""
    if not request.GET:
        return True
    return getattr(request, PARAMETERS_CHECKED, False)


class PublicPageCacheMixin:
    """Marks the responses of a page class as cacheable for anonymous visitors.
    Previews do not go through `serve`, so they are never cached."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.public_page_cache = _parameters_valid(request)
        return response


class PublicPageCacheMiddleware:
    """Answer anonymous GET/HEAD requests for public pages from the cache.

    Placed right after WhiteNoise: a hit returns before sessions, authentication and
    routing run. Requests that carry a session or pending messages, or query
    parameters the pages do not use, are never served from, nor stored in, the
    cache; neither are responses that set a cookie (such as a CSRF token) or that a
    page did not mark as public. The host is part of the key (absolute links).
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
        key = _lookup_key(request)
        response = cache.get(key) if key else None
        if response is not None:
            response[HEADER] = "HIT"
            return response
        response = self.get_response(request)
        if self._may_store(response):
            response[HEADER] = "MISS"
            cache.set(_store_key(request), response, settings.PAGE_CACHE_SECONDS)
        return response

    def _may_use_cache(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not any(name in request.COOKIES for name in self.private_cookies)
            and not request.headers.get("Authorization")
            and set(request.GET) <= CACHED_PARAMETERS
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
