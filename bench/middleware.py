"""`X-Bench-Fresh: 1`: the page is built from the database, as on a page-cache miss.

bench/run.py sends this header for the "fresh" rows of pages that have a single URL (home,
category page 1, the about page, …): before the view, this process drops everything it keeps for
the page itself (its `{% cache %}` fragments, its lists, counts and objects), so the page is built
as the next distinct URL of a walk is — with the layout every public page shares (site settings,
categories, menus, sidebar lists, visitor box: `LAYOUT`) kept, as a crawler walking the site finds
it. Pages with many URLs are measured fresh by walking distinct URLs instead, with no header.
Requests without the header are left alone.

`bench.cache.KeyListingLocMemCache` lists the keys (bench.settings makes it the "local" cache).
"""

import re

from danvan_site import caching

HEADER = "X-Bench-Fresh"

# What base.html shows around every page's content: `caching.get_or_set` names (`news:<v>:<name>`)
# and `{% cache %}` fragment names, and the visitor box (`visitors:`).
LAYOUT = re.compile(
    r"news:\d+:(site-settings|categories|families|category-urls|subsites|subsite-slugs|subsite:\d+|menu(:\d+)?"
    r"|latest(:\d+)?(:box)?|most-read)$"
    r'|template\.cache\."(menu|sidebar-most-read)"\.'
    r"|visitors:"
)


def drop_page_entries():
    """Everything this process keeps but the layout's."""
    local = caching.local()
    page = {key for key in local.keys if not LAYOUT.match(key)}
    local.delete_many(page)
    local.keys -= page


class FreshPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if HEADER in request.headers:
            drop_page_entries()
        return self.get_response(request)
