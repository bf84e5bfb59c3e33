from django.conf import settings


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
