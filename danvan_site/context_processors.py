from django.utils.functional import SimpleLazyObject

from articles.models import Category
from danvan_site.siteconfig.models import SiteSettings


def site(request):
    """Banner, site name and menu for every template; both are cached, and loaded only when a
    template uses them (a page served whole from the page cache never does)."""
    return {
        "site_settings": SimpleLazyObject(SiteSettings.load),
        "menu_categories": SimpleLazyObject(Category.menu),
    }
