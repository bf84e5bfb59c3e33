from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError


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


class CachedSiteMiddleware:
    """Give Wagtail the request's Site from the cache instead of two queries (the
    site and its root page) on every request.

    Only when there is a single, default site, which Wagtail returns for every
    host anyway; with several sites Wagtail's own host matching runs as usual.
    The site's root page is cached in its specific form too, so routing starts
    without a query. The cache is emptied whenever a Site is saved or deleted and
    whenever a page is published, unpublished, moved or deleted
    (home.signal_handlers).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        sites = cache.get(SITES_CACHE_KEY)
        if sites is None:
            try:
                sites = list(Site.objects.select_related("root_page")[:2])
                for site in sites:
                    site.root_page.specific  # noqa: B018  (cached with the site)
            except DatabaseError:
                # The database is down: routes that need no site (/salud/)
                # must still answer, and say so.
                return self.get_response(request)
            cache.set(SITES_CACHE_KEY, sites, 60 * 60)
        if len(sites) == 1 and sites[0].is_default_site:
            request._wagtail_site = sites[0]
        return self.get_response(request)
