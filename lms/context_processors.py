from django.apps import apps
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from lms.accounts.permissions import can_access_admin

NAV_PAGE_URLS_KEY = "nav:chrome:v2"

# The menu used until coordinators set one in Configuración → Menú y pie de página:
# a path, a URL name, or the first live page of a page type. Entries whose target
# does not exist yet are left out instead of linking to a 404.
DEFAULT_NAVIGATION = (
    (_("Inicio"), "/"),
    (_("Cursos"), "page:cursos.CourseIndexPage"),
    (_("Noticias"), "page:home.NewsIndexPage"),
    (_("Actividades"), "page:home.EventIndexPage"),
    (_("Datos abiertos"), "page:home.TransparencyPage"),
    (_("Verificar certificado"), "url:certificados:verify"),
)
CATALOG_TYPE = "cursos.CourseIndexPage"


def _first_live_url(label: str) -> str | None:
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    page = model.objects.live().order_by("path").first()
    return page.get_url() if page is not None else None


def _default_target_url(target: str) -> str | None:
    if target.startswith("/"):
        return target
    if target.startswith("page:"):
        return _first_live_url(target.removeprefix("page:"))
    try:
        return reverse(target.removeprefix("url:"))
    except NoReverseMatch:
        return None


def _links(items) -> list[tuple[str, str]]:
    links = []
    for item in items:
        page = item.link_page
        if page is not None and not page.live:
            continue
        url = page.get_url() if page is not None else item.link_url
        links.append((item.label or (page.title if page else url), url))
    return links


def _chrome() -> dict:
    """Menu, footer and catalog link, built from the navigation setting (or the
    default menu) and cached; purged when pages are published, unpublished, moved
    or deleted and when the setting is saved (home.signal_handlers)."""
    chrome = cache.get(NAV_PAGE_URLS_KEY)
    if chrome is not None:
        return chrome
    from home.models import NavigationSettings

    setting = NavigationSettings.load()
    menu = _links(setting.menu_items.select_related("link_page"))
    if not menu:
        menu = [
            (str(label), url)
            for label, target in DEFAULT_NAVIGATION
            if (url := _default_target_url(target))
        ]
    chrome = {
        "menu": menu,
        "footer_links": _links(setting.footer_links.select_related("link_page")),
        "footer_about": setting.footer_about,
        "footer_contact": [
            line.strip() for line in setting.footer_contact.splitlines() if line.strip()
        ],
        "catalog_url": _first_live_url(CATALOG_TYPE),
    }
    cache.set(NAV_PAGE_URLS_KEY, chrome, 60 * 60)
    return chrome


def _is_current(request, url: str) -> bool:
    return request.path == url or (url != "/" and request.path.startswith(url))


def site_navigation(request):
    chrome = _chrome()
    return {
        "site_navigation": [
            {"label": label, "url": url, "current": _is_current(request, url)}
            for label, url in chrome["menu"]
        ],
        "site_footer": chrome,
        "catalog_url": chrome["catalog_url"],
        "can_access_admin": SimpleLazyObject(lambda: can_access_admin(request.user)),
    }
