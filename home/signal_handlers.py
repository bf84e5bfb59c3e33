"""Keep the cached site, navigation and anonymous page cache in step with the page
tree: see `lms.page_cache` for what each purge rebuilds."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from lms import page_cache
from lms.context_processors import NAV_PAGE_URLS_KEY
from lms.middleware import SITES_CACHE_KEY

from .models import FooterLink, MenuItem, NavigationSettings


def _now_and_on_commit(purge):
    """Purge now (this request and tests see it) and again after commit (a
    request served meanwhile may have cached the state being replaced)."""
    purge()
    transaction.on_commit(purge)


def _purge_chrome():
    cache.delete_many([NAV_PAGE_URLS_KEY, SITES_CACHE_KEY])


def _purge_everything():
    _purge_chrome()
    page_cache.purge_site()


def _url_paths(page) -> list[str]:
    """The URL path of the page and of each of its ancestors under the site root."""
    paths = []
    for ancestor in [*page.get_ancestors(), page]:
        url = ancestor.get_url()
        if url:
            paths.append(url)
    return paths


def _in_menus(page) -> bool:
    return (
        MenuItem.objects.filter(link_page=page).exists()
        or FooterLink.objects.filter(link_page=page).exists()
    )


# Page types whose URL the default menu and the header link to.
NAVIGATION_PAGE_TYPES = (
    "home.homepage",
    "home.newsindexpage",
    "home.eventindexpage",
    "home.transparencypage",
    "cursos.courseindexpage",
)


def _changes_navigation(page) -> bool:
    return page.specific_class._meta.label_lower in NAVIGATION_PAGE_TYPES or _in_menus(
        page
    )


@receiver(page_published, dispatch_uid="home_page_published")
def purge_on_publish(sender, instance, **kwargs):
    """The page, its ancestors' pages (listings, the home page) and its siblings
    (related articles) are rebuilt; every page when the navigation may change."""
    if _changes_navigation(instance):
        _now_and_on_commit(_purge_everything)
        return
    paths = _url_paths(instance)

    def purge():
        _purge_chrome()
        page_cache.purge_paths(paths)

    _now_and_on_commit(purge)


@receiver(page_unpublished, dispatch_uid="home_page_unpublished")
@receiver(post_page_move, dispatch_uid="home_page_moved")
@receiver(page_slug_changed, dispatch_uid="home_page_slug_changed")
def purge_on_structure_change(sender, **kwargs):
    _now_and_on_commit(_purge_everything)


@receiver(post_delete, dispatch_uid="home_page_deleted")
def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _now_and_on_commit(_purge_everything)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="home_restriction_saved")
@receiver(
    post_delete, sender=PageViewRestriction, dispatch_uid="home_restriction_deleted"
)
def purge_on_view_restriction(sender, **kwargs):
    """A page that becomes private must leave the anonymous cache at once."""
    _now_and_on_commit(_purge_everything)


@receiver(post_save, sender=NavigationSettings, dispatch_uid="home_nav_saved")
def purge_on_setting_saved(sender, created, **kwargs):
    # Created empty on the first read (NavigationSettings.load()): nothing changes.
    if not created:
        _now_and_on_commit(_purge_everything)


@receiver(post_save, sender=MenuItem, dispatch_uid="home_menu_saved")
@receiver(post_delete, sender=MenuItem, dispatch_uid="home_menu_deleted")
@receiver(post_save, sender=FooterLink, dispatch_uid="home_footer_saved")
@receiver(post_delete, sender=FooterLink, dispatch_uid="home_footer_deleted")
def purge_on_navigation_change(sender, **kwargs):
    _now_and_on_commit(_purge_everything)


@receiver(post_save, sender=Site, dispatch_uid="home_sites_saved")
@receiver(post_delete, sender=Site, dispatch_uid="home_sites_deleted")
def purge_sites(sender, **kwargs):
    _now_and_on_commit(_purge_everything)
