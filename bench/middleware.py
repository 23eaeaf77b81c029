"""`X-Bench-Fresh: news` (or `reports`; `1` means news): the page is built from the database.

bench/run.py sends this header for its "fresh" rows of pages that have a single URL (home,
category page 1, the province summary): a new version of that part of the site is taken before
the view — `danvan_site.caching.bump(namespace)`, what an editor's save does — so the request is
served as the first one after a save, with every cache of that part empty. Pages with many URLs
are measured fresh by walking distinct URLs instead, with no header. Requests without the header
are left alone: the benchmark's other rows measure the site exactly as production runs it.
"""

from django.http import HttpResponse

try:  # the caching module with a version per part of the site: without it, no fresh header
    import danvan_site.caching as _caching
except ModuleNotFoundError as missing:
    if missing.name != "danvan_site.caching":
        raise
    _caching = None

HEADER = "X-Bench-Fresh"
NAMESPACES = {"1": "news", "news": "news", "reports": "reports"}


def available() -> bool:
    """Whether a fresh page can be asked for by header (needs `danvan_site.caching.bump`)."""
    return _caching is not None and hasattr(_caching, "bump")


def bump(namespace: str) -> None:
    _caching.bump(namespace)


class FreshPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        asked = request.headers.get(HEADER)
        if asked is None:
            return self.get_response(request)
        if asked not in NAMESPACES or not available():
            # Refused rather than served: a cached page must never pass for a fresh one.
            return HttpResponse(
                f"{HEADER}: cần danvan_site.caching.bump() và một trong {', '.join(NAMESPACES)}",
                status=501,
                content_type="text/plain; charset=utf-8",
            )
        bump(NAMESPACES[asked])
        return self.get_response(request)
