"""Whole-page cache for anonymous readers, with live holes and exact invalidation.

What a reader without a session sees of home, category, article and tag pages is rendered once
and kept in the per-process "pages" cache (local memory: a hit costs no query and no pickling
across the network). Correctness rests on three rules:

- **Invalidation by a shared version.** Keys contain `content_version()`, a number kept in the
  *shared* default cache (database cache or Redis) and changed by `bump_content_version()` on
  every save or delete of an article, category, comment or the site settings — right away and
  again when the transaction commits. Each worker reads the version on every request, so no
  worker serves a page older than the last save, even though each keeps its own copy.
  Scheduled articles become visible without a save: an entry never outlives the next scheduled
  publication time.
- **Only anonymous GETs without messages.** A request carrying a session cookie (a logged-in
  user, a pending flash message kept in the session) or a messages cookie is rendered normally;
  so is any response that is not a plain 200 or that sets a cookie.
- **Live holes.** Parts that change per request or per view are not cached: the CSRF token of
  forms (each reader gets their own, and the CSRF cookie as usual), and the `{% live %}` blocks
  (visitor statistics, an article's view count) which are rendered at serve time. The visitor
  counter middleware runs around the view, so cached pages are counted like any other.
"""

import hashlib
import secrets
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

PAGE_TTL = 300
# Attributes views put on a response for the middleware (the visitor counter's
# `counted_article_id`): kept with the cached page and put back on every copy served.
CARRIED_ATTRIBUTES = ("counted_article_id",)
# Markers are random per process, so no article text can forge one.
_NONCE = secrets.token_hex(8)
CSRF_MARKER = f"csrf{_NONCE}"
LIVE_OPEN = f"<!--live{_NONCE}:"
LIVE_CLOSE = "-->"

_live: dict[str, Callable] = {}


def live(name: str):
    """Register `fn(request, *args) -> str` (safe HTML) as the live hole `name`."""

    def register(fn):
        _live[name] = fn
        return fn

    return register


def live_marker(name: str, args: list[str]) -> str:
    return f"{LIVE_OPEN}{name}:{'|'.join(args)}{LIVE_CLOSE}"


def render_live(name: str, request, args: list[str]) -> str:
    return str(_live[name](request, *args))


def page_cache():
    """The per-process "pages" cache; the default cache where a configuration has none (keys
    carry the content version, so either is correct)."""
    return caches["pages" if "pages" in settings.CACHES else "default"]


def shared_result(key: str, ttl: int, build: Callable):
    """`build()`, computed once for all workers: kept in the shared cache (with when it expires)
    and in this process's memory until then. For results that cost a scan (the category page
    keys, "Đọc nhiều"), so a fresh worker, or every worker after a save, reads them instead of
    running the query again. `ttl` ≤ 0: built each time, kept nowhere."""
    from django.core.cache import cache as shared

    local = page_cache()
    value = local.get(key)
    if value is not None:
        return value
    # Its own prefix in the shared cache: entries there are (value, expires) pairs, and an entry
    # an earlier release kept under the bare key (the value alone) must never be read as one.
    entry = shared.get(f"kept:{key}")
    if entry is None:
        value, expires = build(), time.time() + ttl
        if ttl <= 0:
            return value
        shared.set(f"kept:{key}", (value, expires), ttl)
    else:
        value, expires = entry
    remaining = int(expires - time.time())
    if remaining > 0:
        local.set(key, value, remaining)
    return value


def is_cacheable_request(request) -> bool:
    """Anonymous GET/HEAD with no session and no pending message."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def page_key(request, version) -> str:
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    # The header shows today's date: a new day is a new page.
    return f"page:{version}:{timezone.localdate():%Y%m%d}:{path}"


def fill(html: str, request) -> str:
    """Put the per-request parts into a cached page."""
    if CSRF_MARKER in html:
        html = html.replace(CSRF_MARKER, get_token(request))
    if LIVE_OPEN not in html:
        return html
    parts = html.split(LIVE_OPEN)
    out = [parts[0]]
    for part in parts[1:]:
        spec, _, rest = part.partition(LIVE_CLOSE)
        name, _, raw_args = spec.partition(":")
        out.append(render_live(name, request, raw_args.split("|") if raw_args else []))
        out.append(rest)
    return "".join(out)


def entry_ttl(version) -> int:
    """Seconds a page may be kept: at most PAGE_TTL, and never past the next scheduled article."""
    from articles.models import Article

    key = f"next-publication:{version}"
    cache = page_cache()
    when = cache.get(key, "unknown")
    if when == "unknown":
        when = (
            Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        cache.set(key, when, PAGE_TTL)
    if when is None:
        return PAGE_TTL
    return max(0, min(PAGE_TTL, int((when - timezone.now()).total_seconds())))


class AnonymousPageCacheMixin:
    """For public page views: serve anonymous readers from the page cache (see module doc)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_cacheable_request(request):
            return super().dispatch(request, *args, **kwargs)
        from articles.signals import content_version, request_version

        version = content_version()
        token = request_version.set(version)
        try:
            return self._cached_dispatch(request, version, *args, **kwargs)
        finally:
            request_version.reset(token)

    def _cached_dispatch(self, request, version, *args, **kwargs):
        key = page_key(request, version)
        cache = page_cache()
        entry = cache.get(key)
        if entry is not None:
            html, carried = entry
            response = HttpResponse(fill(html, request))
            for name, value in carried.items():
                setattr(response, name, value)
            return response
        request.page_cache_capture = True
        response = super().dispatch(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        request.page_cache_capture = False
        if response.status_code != 200 or response.cookies or response.streaming:
            return response
        html = response.content.decode(response.charset)
        ttl = entry_ttl(version)
        if ttl > 0:
            carried = {n: getattr(response, n) for n in CARRIED_ATTRIBUTES if hasattr(response, n)}
            cache.set(key, (html, carried), ttl)
        response.content = fill(html, request)
        return response

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if getattr(self.request, "page_cache_capture", False):
            # Forms on a cached page get each reader's own token at serve time (fill()).
            ctx["csrf_token"] = CSRF_MARKER
        return ctx
