from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class CommissionSitemap(Sitemap):
    """The commission's own pages (one address each)."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["about", "contact", "schedule", "questions", "english"]

    def location(self, item):
        return reverse(f"commission:{item}")
