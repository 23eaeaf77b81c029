from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import ExemplaryModel


class ShowcaseSitemap(Sitemap):
    """The showcase list `/mo-hinh/` ("Mô hình “Dân vận khéo”")."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["reports:showcase"]

    def location(self, item):
        return reverse(item)


class ExemplaryModelSitemap(Sitemap):
    """The public showcase pages: only what `showcased()` lets the public see."""

    changefreq = "monthly"
    priority = 0.5
    limit = 5000

    def items(self):
        return ExemplaryModel.objects.showcased().only("slug", "updated_at").order_by("-pk")

    def lastmod(self, obj):
        return obj.updated_at
