from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse

from danvan_site.siteconfig.models import SiteSettings

from .models import Article, Category

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    description = "Tin bài mới nhất"

    def title(self):
        return SiteSettings.load().site_name

    def link(self):
        return reverse("articles:home")

    def items(self):
        return Article.objects.published().for_list()[:FEED_SIZE]

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
