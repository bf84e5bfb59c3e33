from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from lms.context_processors import NAV_PAGE_URLS_KEY
from lms.middleware import SITES_CACHE_KEY


@receiver(page_published, dispatch_uid="home_nav_published")
@receiver(page_unpublished, dispatch_uid="home_nav_unpublished")
@receiver(post_page_move, dispatch_uid="home_nav_moved")
def purge_navigation(sender, **kwargs):
    cache.delete_many([NAV_PAGE_URLS_KEY, SITES_CACHE_KEY])


@receiver(post_delete, dispatch_uid="home_nav_deleted")
def purge_navigation_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        cache.delete_many([NAV_PAGE_URLS_KEY, SITES_CACHE_KEY])


@receiver(post_save, sender=Site, dispatch_uid="home_sites_saved")
@receiver(post_delete, sender=Site, dispatch_uid="home_sites_deleted")
def purge_sites(sender, **kwargs):
    cache.delete(SITES_CACHE_KEY)
