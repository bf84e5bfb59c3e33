"""RSS feed of the campaign's news (`<news index>/rss/`)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

FEED_ITEMS = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "es-gt"

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title} · INFOM"

    def link(self, index):
        return index.get_url(request=self.request)

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        from .models import NewsPage

        return (
            NewsPage.objects.live()
            .public()
            .child_of(index)
            .order_by("-date", "-pk")
            .prefetch_related("categories")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time(8))
        )

    def item_author_name(self, item):
        return f"INFOM · {item.unit}"

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]
