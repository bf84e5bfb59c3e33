from django.apps import apps
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from lms.accounts.permissions import can_access_admin

NAV_PAGE_URLS_KEY = "nav:page-urls:v1"

# The public navigation, in order: a path, a URL name, or the first live page of
# a page type. Entries whose target does not exist yet are left out instead of
# linking to a 404.
PUBLIC_NAVIGATION = (
    (_("Inicio"), "/"),
    (_("Cursos"), "page:cursos.CourseIndexPage"),
    (_("Noticias"), "page:home.NewsIndexPage"),
    (_("Actividades"), "page:home.EventIndexPage"),
    (_("Datos abiertos"), "page:home.TransparencyPage"),
    (_("Verificar certificado"), "url:certificados:verify"),
)


def _page_urls() -> dict[str, str]:
    """URL of the first live page of each page type in the navigation; cached,
    and purged whenever a page is published, unpublished, moved or deleted."""
    urls = cache.get(NAV_PAGE_URLS_KEY)
    if urls is None:
        urls = {}
        for _label, target in PUBLIC_NAVIGATION:
            if not target.startswith("page:"):
                continue
            label = target.removeprefix("page:")
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            page = model.objects.live().order_by("path").first()
            if page is not None:
                urls[label] = page.get_url()
        cache.set(NAV_PAGE_URLS_KEY, urls, 60 * 60)
    return urls


def _resolve(target: str, page_urls: dict[str, str]) -> str | None:
    if target.startswith("/"):
        return target
    if target.startswith("page:"):
        return page_urls.get(target.removeprefix("page:"))
    try:
        return reverse(target.removeprefix("url:"))
    except NoReverseMatch:
        return None


def site_navigation(request):
    page_urls = _page_urls()
    items = []
    for label, target in PUBLIC_NAVIGATION:
        url = _resolve(target, page_urls)
        if url:
            current = request.path == url or (
                url != "/" and request.path.startswith(url)
            )
            items.append({"label": label, "url": url, "current": current})
    return {
        "site_navigation": items,
        "catalog_url": page_urls.get("cursos.CourseIndexPage"),
        "can_access_admin": SimpleLazyObject(lambda: can_access_admin(request.user)),
    }
