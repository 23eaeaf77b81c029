"""`X-Bench-Fresh: 1`: the page is built from the database.

bench/run.py sends this header for the "fresh" rows of pages that have a single URL (home,
category page 1, the province summary): before the view, everything this process keeps
(`danvan_site.caching.local()`: kept fragments, lists and objects) is dropped, so the page is
built as after a save or a restart — without the save's own write of the shared version, which
is not the page's cost. Pages with many URLs are measured fresh by walking distinct URLs instead,
with no header. Requests without the header are left alone.
"""

from danvan_site import caching

HEADER = "X-Bench-Fresh"


class FreshPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if HEADER in request.headers:
            caching.local().clear()
        return self.get_response(request)
