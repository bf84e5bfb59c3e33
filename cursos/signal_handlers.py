"""Keep cached course outlines fresh: purge them when a page of the course changes."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .selectors import outline_cache_key


def purge_outlines_above(path: str) -> None:
    """Delete the cached outline of every ancestor of ``path`` (0 queries: the
    cache key is the course's tree path)."""
    keys = [
        outline_cache_key(path[:end])
        for end in range(Page.steplen, len(path) + 1, Page.steplen)
    ]
    cache.delete_many(keys)


@receiver(page_published, dispatch_uid="cursos_outline_published")
@receiver(page_unpublished, dispatch_uid="cursos_outline_unpublished")
def purge_on_publish(sender, instance, **kwargs):
    purge_outlines_above(instance.path)


@receiver(post_page_move, dispatch_uid="cursos_outline_moved")
def purge_on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    purge_outlines_above(parent_page_before.path)
    purge_outlines_above(instance.path)


@receiver(post_delete, dispatch_uid="cursos_outline_deleted")
def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_outlines_above(instance.path)
