"""Reads of the public site: listings, related articles, activities, the public
counters (the open data lives in `home.opendata`). Each function makes a fixed
number of queries."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.images import get_image_model

from cursos.models import Enrollment

COUNTERS_KEY = "home:public-counters:v1"
COUNTERS_SECONDS = 10 * 60
TOTAL_MUNICIPALITIES = 340

# Every listing shows its cover images at these sizes; the renditions come in the
# same query as the images.
CARD_IMAGE = "fill-640x360|format-webp"


def _with_cover_renditions(pages: QuerySet) -> QuerySet:
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
    return pages.prefetch_related(Prefetch("cover_image", queryset=images))


def _live_news():
    from .models import NewsPage

    return NewsPage.objects.live().public()


@dataclass
class NewsListing:
    pages: QuerySet
    categories: list
    category: object = None
    tag: object = None
    unknown_filter: bool = False

    @property
    def query_string(self) -> str:
        """The active filters, for the pagination links."""
        params = {}
        if self.category:
            params["categoria"] = self.category.slug
        if self.tag:
            params["etiqueta"] = self.tag.slug
        return urlencode(params)


def news_listing(*, index, category_slug: str = "", tag_slug: str = "") -> NewsListing:
    """Live articles of a news index, newest first, filtered by a category and a tag
    slug. An unknown slug gives an empty list with `unknown_filter` set."""
    from taggit.models import Tag

    from .models import NewsCategory

    categories = list(NewsCategory.objects.all())
    pages = (
        _live_news()
        .child_of(index)
        .order_by("-date", "-pk")
        .prefetch_related("categories", "tags")
    )
    listing = NewsListing(pages=pages, categories=categories)
    if category_slug:
        listing.category = next(
            (c for c in categories if c.slug == category_slug), None
        )
        if listing.category is None:
            listing.unknown_filter = True
        pages = pages.filter(categories=listing.category)
    if tag_slug:
        listing.tag = Tag.objects.filter(slug=tag_slug[:100]).first()
        if listing.tag is None:
            listing.unknown_filter = True
        pages = pages.filter(tags=listing.tag)
    if listing.unknown_filter:
        pages = pages.none()
    listing.pages = _with_cover_renditions(pages)
    return listing


def related_news(*, article, categories=None, limit: int = 3) -> list:
    """Other live articles sharing a category with this one, newest first; the
    latest articles when it has none in common."""
    if categories is None:
        categories = article.categories.all()
    category_ids = [c.pk for c in categories]
    pages = _live_news().exclude(pk=article.pk).order_by("-date", "-pk")
    if category_ids:
        pages = pages.filter(categories__in=category_ids).distinct()
    return list(_with_cover_renditions(pages)[:limit])


def latest_news(*, limit: int = 3) -> list:
    return list(_with_cover_renditions(_live_news().order_by("-date", "-pk"))[:limit])


def _live_events():
    from .models import EventPage

    return (
        EventPage.objects.live().public().select_related("department", "municipality")
    )


@dataclass
class Events:
    upcoming: list = field(default_factory=list)
    past: QuerySet | None = None


def events_of(*, index) -> Events:
    """Upcoming activities (not yet ended) soonest first; past ones newest first."""
    now = timezone.now()
    events = _live_events().child_of(index)
    return Events(
        upcoming=list(events.filter(ends_at__gte=now).order_by("starts_at")),
        past=events.filter(ends_at__lt=now).order_by("-starts_at"),
    )


def upcoming_events(*, limit: int = 3) -> list:
    return list(
        _live_events().filter(ends_at__gte=timezone.now()).order_by("starts_at")[:limit]
    )


def featured_courses(*, home) -> list:
    """The live courses a coordinator chose for the home page, in their order
    (as saved; a preview of unsaved changes shows the saved choice)."""
    from .models import HomeFeaturedCourse

    return [
        featured.course
        for featured in HomeFeaturedCourse.objects.filter(
            home_id=home.pk, course__live=True
        )
        .select_related("course")
        .order_by("sort_order")
    ]


@dataclass(frozen=True)
class PublicCounters:
    learners: int
    certificates: int
    municipalities: int
    total_municipalities: int = TOTAL_MUNICIPALITIES


def public_counters() -> PublicCounters:
    """Learners enrolled, certificates issued and municipalities reached (at least
    one enrolled person who works there). Cached for ten minutes."""
    counters = cache.get(COUNTERS_KEY)
    if counters is None:
        from certificados.models import Certificate

        totals = Enrollment.objects.aggregate(
            learners=Count("user", distinct=True),
            municipalities=Count("user__municipality", distinct=True),
            certificates=Count(
                "certificate",
                filter=Q(certificate__status=Certificate.Status.ISSUED),
            ),
        )
        counters = PublicCounters(**totals)
        cache.set(COUNTERS_KEY, counters, COUNTERS_SECONDS)
    return counters
