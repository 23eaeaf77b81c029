from django.contrib.sitemaps import Sitemap

from .models import Document


class DocumentSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Document.objects.public().only("slug", "updated_at").order_by("-issued_on", "-pk")

    def lastmod(self, obj):
        return obj.updated_at
