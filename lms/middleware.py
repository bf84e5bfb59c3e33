from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.functional import cached_property


class AdminSameOriginFrameMiddleware:
    """Let the Wagtail admin frame its own pages (live preview); DENY elsewhere.

    Listed after Django's XFrameOptionsMiddleware, so it sees the response first
    and Django's middleware keeps the header it finds.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = getattr(settings, "WAGTAIL_ADMIN_PATH", "/admin/")

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


SITES_CACHE_KEY = "wagtail:sites:v1"


def _site_for(request):
    """The request's Site: the cached single default site, else Wagtail's own
    host matching (several sites, or the database unreachable while caching)."""
    from wagtail.models import Site

    sites = cache.get(SITES_CACHE_KEY)
    if sites is None:
        try:
            sites = list(Site.objects.select_related("root_page")[:2])
            for site in sites:
                site.root_page.specific  # noqa: B018  (cached with the site)
        except DatabaseError:
            return Site._find_for_request(request)
        cache.set(SITES_CACHE_KEY, sites, 60 * 60)
    if len(sites) == 1 and sites[0].is_default_site:
        return sites[0]
    return Site._find_for_request(request)


_LAZY_SITE_CLASSES: dict[type, type] = {}


def _with_lazy_site(request_class: type) -> type:
    """A subclass of the request's class whose ``_wagtail_site`` (where
    ``Site.find_for_request`` looks first) is looked up on first use."""
    if request_class not in _LAZY_SITE_CLASSES:
        _LAZY_SITE_CLASSES[request_class] = type(
            request_class.__name__,
            (request_class,),
            {"_wagtail_site": cached_property(_site_for), "__module__": __name__},
        )
    return _LAZY_SITE_CLASSES[request_class]


class CachedSiteMiddleware:
    """Give Wagtail the request's Site from the cache instead of two queries (the
    site and its root page), and only when something asks for it.

    Only when there is a single, default site, which Wagtail returns for every
    host anyway; with several sites Wagtail's own host matching runs as usual.
    The site's root page is cached in its specific form too, so routing starts
    without a query. The cache is emptied whenever a Site is saved or deleted and
    whenever a page is published, unpublished, moved or deleted
    (home.signal_handlers).

    Wagtail reads ``request._wagtail_site`` (``Site.find_for_request``); here it
    is a cached property of the request, so a request no page or template asks
    about (an autosave, most of exam day) pays no cache round trip for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "_wagtail_site" not in request.__dict__:
            request.__class__ = _with_lazy_site(type(request))
        return self.get_response(request)
