from django.utils.functional import SimpleLazyObject

from danvan_site import caching
from danvan_site.siteconfig.models import SiteSettings

from .models import Category


def site(request):
    """Banner, site name, menu and the cache versions (for `{% cache %}` fragments) for every
    template, each read only when a template uses it."""
    return {
        "site_settings": SimpleLazyObject(SiteSettings.load),
        "menu_categories": SimpleLazyObject(Category.menu),
        "news_version": SimpleLazyObject(lambda: str(caching.version(caching.NEWS))),
        "reports_version": SimpleLazyObject(lambda: str(caching.version(caching.REPORTS))),
        "cache_timeout": caching.TIMEOUT,
    }
