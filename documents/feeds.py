import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone

from danvan_site.siteconfig.models import SiteSettings

from .models import Document

FEED_SIZE = 30


class LatestDocumentsFeed(Feed):
    description = "Văn bản mới ban hành"

    def title(self):
        return f"Văn bản — {SiteSettings.load().site_name}"

    def link(self):
        return reverse("documents:list")

    def items(self):
        return Document.objects.public().for_list().newest()[:FEED_SIZE]

    def item_title(self, item):
        return f"{item} — {item.issuer}"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.issued_on, datetime.time(8)))

    def item_categories(self, item):
        return [item.get_kind_display()]
