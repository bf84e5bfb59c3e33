"""Wagtail's view-restriction check without compiling two queries per page.

Before serving any page Wagtail asks ``page.get_view_restrictions()`` (the
"Privacidad" of the page and of its ancestors): two queries, the ancestors and
their restrictions, built and compiled on every lesson and quiz page.
``PreparedViewRestrictionsMixin`` runs the same two queries through
``lms.prepared`` (compiled once per tree depth) and returns Wagtail's own
queryset already evaluated: iterating it (the serve hook) costs no other query,
and anything that refines it (``order_by`` in the admin) queries as usual.
Pages that are aliases, or under one, keep Wagtail's code unchanged.
"""

from wagtail.models import Page, PageViewRestriction

from lms.prepared import PreparedQuery

_ancestors: dict[int, PreparedQuery] = {}
_restrictions: dict[int, PreparedQuery] = {}


def _ancestors_at(count: int) -> PreparedQuery:
    query = _ancestors.get(count)
    if query is None:
        query = _ancestors[count] = PreparedQuery(
            lambda *paths: Page.objects.filter(path__in=paths).values_list(
                "pk", "alias_of_id"
            ),
            *[PreparedQuery.TEXT] * count,
        )
    return query


def _restrictions_on(count: int) -> PreparedQuery:
    query = _restrictions.get(count)
    if query is None:
        query = _restrictions[count] = PreparedQuery(
            lambda *ids: PageViewRestriction.objects.filter(page_id__in=ids),
            *[PreparedQuery.INT] * count,
        )
    return query


class PreparedViewRestrictionsMixin:
    def get_view_restrictions(self):
        if self.alias_of_id is not None:
            return super().get_view_restrictions()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path), steplen)]
        ancestors = _ancestors_at(len(paths))(*paths) if paths else []
        if any(alias_of_id is not None for _, alias_of_id in ancestors):
            return super().get_view_restrictions()
        ids = sorted({self.pk, *(pk for pk, _ in ancestors)})
        restrictions = PageViewRestriction.objects.filter(page_id__in=ids)
        restrictions._result_cache = _restrictions_on(len(ids))(*ids)
        restrictions._prefetch_done = True
        return restrictions
