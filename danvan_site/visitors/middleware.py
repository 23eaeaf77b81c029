import logging

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError
from django.utils import timezone

from articles.templatetags.articles_tags import vn_number

from . import counter

logger = logging.getLogger(__name__)


class VisitorCounterMiddleware:
    """Counts visits, article views and who is online (SPEC "Counting rules").

    A request counts when it is a GET for a public HTML page that succeeded (2xx `text/html`, or a
    304 revalidation of a page the browser already holds), outside admin, staff, static and media
    paths, from a browser that is not a known bot or crawler. It sits above any page cache in
    MIDDLEWARE so a page served from cache is counted too; the article view marks the response
    (`counter.mark_article_view`) and the mark travels with cached copies.

    Counting never breaks a page: a database error is logged and the page is served.
    """

    def __init__(self, get_response):
        if not counter.enabled():
            raise MiddlewareNotUsed("VISITORS_ENABLED is off")
        self.get_response = get_response
        counter.is_bot("warm-up")  # compile the ~1,400 crawler patterns at worker start, not on a reader
        self.excluded_prefixes = tuple(
            p
            for p in (
                settings.STATIC_URL,
                settings.MEDIA_URL,
                *getattr(settings, "VISITORS_EXCLUDED_PATHS", ()),
            )
            if p
        )

    def __call__(self, request):
        counter.activate(request)
        response = self.get_response(request)
        counted = self.count(request, response) if self.counts(request, response) else None
        counter.fill_views(request, response, counted, vn_number)
        return response

    def counts(self, request, response) -> bool:
        if request.method != "GET" or request.path_info.startswith(self.excluded_prefixes):
            return False
        # Request headers are read from META: `request.headers` would build a dict of every header
        # on each page for these three. Speculative prefetches are not page views; the page is
        # counted if it is shown.
        meta = request.META
        if "prefetch" in meta.get("HTTP_SEC_PURPOSE", meta.get("HTTP_PURPOSE", "")):
            return False
        if response.status_code == 304:
            return "text/html" in meta.get("HTTP_ACCEPT", "")
        return (
            200 <= response.status_code < 300
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        )

    def count(self, request, response) -> tuple[int, int] | None:
        """Count the request; returns (article id, its view count with this view) when it counted
        an article view."""
        now = timezone.now()
        visit = counter.parse_visit_cookie(request.COOKIES.get(counter.VISIT_COOKIE))
        new_visit = visit is None
        if new_visit:
            # Online through its minute row (unless Redis holds who is online): the minute goes in
            # the visit cookie, so a last-seen row written meanwhile does not count it twice.
            minute = counter.minute_number(now) if counter.minute_counts_online() else None
            visit = (counter.new_visitor_id(), minute)
        visitor_id, visit_minute = visit
        article_id = getattr(response, "counted_article_id", None)
        if article_id is not None and counter.view_counted_recently(request, article_id):
            article_id = None
        seen = new_visit or (
            counter.SEEN_COOKIE not in request.COOKIES and not counter.in_new_visit_minute(visit_minute, now)
        )
        hit = counter.Hit(
            visitor_id=visitor_id,
            new_visit=new_visit,
            seen=seen,
            article_id=article_id,
            at=now,
            visit_minute=visit_minute,
        )
        # Bots are neither counted nor given a cookie. Checked only when something would be
        # written: a returning reader's repeat view skips the pattern match entirely.
        views = None
        if hit.needs_write:
            if counter.is_bot(request.META.get("HTTP_USER_AGENT", "")):
                return None
            try:
                views = counter.record_hit(hit)
            except DatabaseError:
                logger.exception("Visitor counter: the hit was not recorded")
                return None
        self.set_cookies(request, response, hit)
        return None if hit.article_id is None else (hit.article_id, views)

    def set_cookies(self, request, response, hit) -> None:
        common = {"httponly": True, "samesite": "Lax", "secure": request.is_secure()}
        # Sliding: every counted page keeps the visit alive for another 30 minutes.
        value = counter.visit_cookie(hit.visitor_id, hit.visit_minute, hit.at)
        response.set_cookie(counter.VISIT_COOKIE, value, max_age=counter.VISIT_SECONDS, **common)
        if hit.seen and not (hit.new_visit and hit.visit_minute is not None):
            # A minute: the reader is written at most once a minute and stays online at least
            # 4 minutes after any page. A new visit's minute in the visit cookie stands for it.
            response.set_cookie(counter.SEEN_COOKIE, "1", max_age=counter.SEEN_WRITE_SECONDS, **common)
        if hit.article_id is not None:
            response.set_cookie(
                counter.read_cookie(hit.article_id),
                "1",
                max_age=counter.VIEW_SECONDS,
                path=request.path,
                **common,
            )
