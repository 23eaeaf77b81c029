from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from danvan_site.siteconfig.models import SiteSettings

from .models import Article, Category, Subsite

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    description = "Tin bài mới nhất"

    def title(self):
        return SiteSettings.load().site_name

    def link(self):
        return reverse("articles:home")

    def items(self):
        # The province's own news: each sub-site has its feed (SubsiteFeed).
        return Article.objects.published().for_list().province()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.author_name or None

    def item_categories(self, item):
        return [item.category.name]


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj):
        return f"{obj.name} — {SiteSettings.load().site_name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or f"Tin bài chuyên mục {obj.name}"

    def items(self, obj):
        return Article.objects.published().for_list().in_category(obj)[:FEED_SIZE]


class SubsiteFeed(LatestArticlesFeed):
    """`/don-vi/<unit-slug>/rss/`: a sub-site's newest articles."""

    def get_object(self, request, unit):
        subsite = Subsite.from_slug(unit)
        if subsite is None:
            raise Http404("Không có trang đơn vị này.")
        return subsite

    def title(self, obj):
        return f"{obj.name} — {SiteSettings.load().site_name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.intro or f"Tin bài của {obj.name}"

    def items(self, obj):
        return Article.objects.published().for_list().filter(subsite=obj)[:FEED_SIZE]
