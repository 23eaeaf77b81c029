from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Category, Subsite, Tag


class HomeSitemap(Sitemap):
    """The home page: the newest news of every section."""

    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)


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


class TagSitemap(Sitemap):
    """Each tag page that lists at least one published article."""

    changefreq = "weekly"
    priority = 0.4

    def items(self):
        published = Article.objects.published().values("pk")
        return Tag.objects.filter(tagged_articles__content_object__in=published).distinct().order_by("pk")
