from django.apps import apps
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from comunidad.services.notifications import unread_cache_key, unread_count
from cursos.tutoria.access import can_tutor, may_tutor, tutor_access_key
from lms.accounts.permissions import (
    VERSION_KEY,
    admin_access_key,
    can_access_admin,
    may_enter_admin,
    remember_access,
)

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


def _build_chrome() -> dict:
    """Menu, footer and catalog link, built from the navigation setting (or the
    default menu); cached under NAV_PAGE_URLS_KEY, purged when pages are
    published, unpublished, moved or deleted and when the setting is saved
    (home.signal_handlers)."""
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
    return chrome


def _is_current(request, url: str) -> bool:
    return request.path == url or (url != "/" and request.path.startswith(url))


def site_navigation(request):
    """What the header and footer of every page show: the menu, the footer, and
    for a signed-in person the "Administración" and "Tutoría" links and the
    unread count beside "Avisos". Read from the cache together in two round
    trips (instead of one per fact); a fact missing from the cache is computed
    only if the page shows it, and cached."""
    user = request.user
    signed_in = user.is_authenticated
    keys = [NAV_PAGE_URLS_KEY, VERSION_KEY]
    if signed_in:
        keys.append(unread_cache_key(user.pk))
    found = cache.get_many(keys)
    chrome = found.get(NAV_PAGE_URLS_KEY)
    if chrome is None:
        chrome = _build_chrome()
        cache.set(NAV_PAGE_URLS_KEY, chrome, 60 * 60)
    context = {
        "site_navigation": [
            {"label": label, "url": url, "current": _is_current(request, url)}
            for label, url in chrome["menu"]
        ],
        "site_footer": chrome,
        "catalog_url": chrome["catalog_url"],
        "can_access_admin": False,
        "can_tutor": False,
        "unread_notifications": 0,
    }
    if not signed_in:
        return context
    context["unread_notifications"] = _cached_or_lazy(
        found.get(unread_cache_key(user.pk)),
        lambda: unread_count(user),
    )
    if not user.is_active:
        return context
    version = found.get(VERSION_KEY)
    if version is None:  # lost with the cache: the usual path makes a new one
        context["can_access_admin"] = SimpleLazyObject(lambda: can_access_admin(user))
        context["can_tutor"] = SimpleLazyObject(lambda: can_tutor(user))
        return context
    admin_key = admin_access_key(version, user.pk)
    tutor_key = tutor_access_key(version, user.pk)
    access = cache.get_many([admin_key, tutor_key])
    context["can_access_admin"] = user.is_superuser or _cached_or_lazy(
        access.get(admin_key),
        lambda: remember_access(admin_key, may_enter_admin(user)),
    )
    context["can_tutor"] = _cached_or_lazy(
        access.get(tutor_key), lambda: remember_access(tutor_key, may_tutor(user))
    )
    return context


def _cached_or_lazy(value, compute):
    return value if value is not None else SimpleLazyObject(compute)
