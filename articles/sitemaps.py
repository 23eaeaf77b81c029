from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Category, Subsite


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at")

    def lastmod(self, obj):
        return obj.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.all()


class SubsiteSitemap(Sitemap):
    """`/don-vi/` and each sub-site's home (its categories are in CategorySitemap)."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return [None, *sorted(Subsite.all_cached().values(), key=lambda s: s.slug)]

    def location(self, item):
        return item.get_absolute_url() if item is not None else reverse("articles:subsite_list")
