from articles.models import Category
from danvan_site.siteconfig.models import SiteSettings


def site(request):
    """Banner, site name and menu for every template; both are cached."""
    return {
        "site_settings": SiteSettings.load(),
        "menu_categories": Category.menu(),
    }
