"""The visitor counter's rules (SPEC "Counting rules"): which requests count, visits, who is online.

Every write is one statement through the ORM, never a read-modify-write in Python, and a
request's writes run as one transaction (`one_transaction`), so N parallel new visitors add exactly
N on SQLite and PostgreSQL, and a failure undoes all of a request's writes:

  * a new visit adds one to its local day (`DailyVisits`: an `F()` update, and the day's row
    created inside `transaction.atomic()` when it does not exist yet) and records the visitor as
    seen now (`Presence`);
  * a returning reader is recorded as seen at most once a minute (cookie `dv_on`);
  * an article view is the articles app's own `F()` update (`articles.views`), handed to the
    counter with `add_view` and run with the visit's writes.

A visit is the life of the `dv_vid` cookie: a random id, renewed for 30 minutes on every counted
page. The cookies carry no data about the person, and no IP address or User-Agent is stored.
"""

import logging
import re
import secrets
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, PositiveBigIntegerField, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from danvan_site import caching

from .models import CounterSettings, DailyVisits, Presence

logger = logging.getLogger(__name__)

VISIT_COOKIE = "dv_vid"
SEEN_COOKIE = "dv_on"
VIEW_COOKIE_PREFIX = "dv_r"
VISIT_SECONDS = 30 * 60  # a visit ends after 30 minutes without a counted page
VIEW_SECONDS = 30 * 60  # an article view counts once per visitor per 30 minutes
ONLINE_WINDOW = timedelta(minutes=5)  # "Đang online": distinct visitors seen in the last 5 minutes
SEEN_SECONDS = 60  # a returning reader's last-seen time is written at most once a minute
PRUNE_SECONDS = 60  # each process deletes expired last-seen rows at most once a minute

_VISITOR_ID = re.compile(r"[A-Za-z0-9_-]{22}")
# crawlerdetect: a maintained list of bot and crawler patterns.
_crawlers = CrawlerDetect()


def enabled() -> bool:
    return settings.VISITORS_ENABLED


def is_bot(user_agent: str) -> bool:
    """Known bots and crawlers, and clients that send no User-Agent at all (a browser always does)."""
    user_agent = user_agent.strip()
    return not user_agent or _crawlers.is_crawler(user_agent)


def counts_request(request) -> bool:
    """A request that may count: the counter is on, a GET of a public path, not a speculative
    prefetch, from a browser that is not a bot. Whether its answer is a page is the caller's."""
    if not enabled() or request.method != "GET":
        return False
    excluded = (settings.STATIC_URL, settings.MEDIA_URL, *settings.VISITORS_EXCLUDED_PATHS)
    if request.path_info.startswith(tuple(p for p in excluded if p)):
        return False
    meta = request.META
    if "prefetch" in meta.get("HTTP_SEC_PURPOSE", meta.get("HTTP_PURPOSE", "")):
        return False
    return not is_bot(meta.get("HTTP_USER_AGENT", ""))


def visitor_id(request) -> str | None:
    """The id of this browser's live visit, or None: no cookie, or one this site did not make."""
    value = request.COOKIES.get(VISIT_COOKIE, "")
    return value if _VISITOR_ID.fullmatch(value) else None


def _cookie_options(request) -> dict:
    return {"httponly": True, "samesite": "Lax", "secure": request.is_secure()}


# --- Visits and who is online (the middleware) -------------------------------------------------


def count_visit(request, response) -> None:
    """Count the page `response` answers `request` with (already known to be a counted page):
    the visit, who is online, and the article view the page asked for (`add_view`)."""
    now = timezone.now()
    visitor = visitor_id(request)
    new_visit = visitor is None
    seen = new_visit or SEEN_COOKIE not in request.COOKIES
    if new_visit:
        visitor = secrets.token_urlsafe(16)
    view = getattr(request, "counted_view", None)
    writes = [partial(add_visit, timezone.localdate(now))] if new_visit else []
    if seen:  # a returning reader seen in the last minute is not written again
        writes.append(partial(mark_seen, visitor, now))
    if view is not None:
        writes.append(view[1])
    try:
        with one_transaction(len(writes)):
            for write in writes:
                write()
        if seen:
            prune_presence(now)
    except DatabaseError:
        logger.exception("Visitor counter: the visit was not recorded")
        return
    options = _cookie_options(request)
    # Sliding: every counted page keeps the visit alive for another 30 minutes.
    response.set_cookie(VISIT_COOKIE, visitor, max_age=VISIT_SECONDS, **options)
    if seen:
        response.set_cookie(SEEN_COOKIE, "1", max_age=SEEN_SECONDS, **options)
    if view is not None:
        # Not again from this browser for 30 minutes; scoped to the article, so other pages
        # never carry it.
        response.set_cookie(view_cookie(view[0]), "1", max_age=VIEW_SECONDS, path=request.path, **options)


def one_transaction(writes: int):
    """A request's writes as one transaction: `transaction.atomic()` for several, so a failure
    undoes them all, and inside a transaction already open (a savepoint, so a failed write never
    breaks it). A single write outside one runs alone: a statement is a transaction by itself."""
    if writes > 1 or not transaction.get_autocommit():
        return transaction.atomic()
    return nullcontext()


def add_visit(day) -> None:
    """One more visit on `day` (local date)."""
    add_one(DailyVisits, "visits", day=day)


def add_one(model, field: str, **key) -> None:
    """One more on `field` of the `model` row that `key` names, the row created at 1 if there is
    none yet: exact however many processes count at once."""
    rows = model.objects.filter(**key)
    if rows.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **{field: 1})
    except IntegrityError:  # another process created the row first
        rows.update(**{field: F(field) + 1})


def mark_seen(visitor: str, now) -> None:
    Presence.objects.bulk_create(
        [Presence(visitor_id=visitor, last_seen_at=now)],
        update_conflicts=True,
        unique_fields=["visitor_id"],
        update_fields=["last_seen_at"],
    )


def prune_presence(now) -> None:
    """Delete last-seen rows past the online window, at most once a minute per process."""
    if caching.local().add("visitors:pruned", True, PRUNE_SECONDS):
        with one_transaction(1):
            Presence.objects.filter(last_seen_at__lt=now - ONLINE_WINDOW).delete()


# --- Article views (asked for by the articles app) --------------------------------------------


def view_cookie(article_id: int) -> str:
    return f"{VIEW_COOKIE_PREFIX}{article_id}"


def add_view(request, article_id: int, write: Callable[[], object]) -> None:
    """Count this page as a view of the article, unless this browser's view was counted in the
    last 30 minutes (its `dv_r<id>` cookie): `write` (the articles app's own update) then runs with
    the visit's writes, once the page is known to be served."""
    if counts_request(request) and view_cookie(article_id) not in request.COOKIES:
        request.counted_view = (article_id, write)


# --- "Thống kê truy cập" -----------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """Đang online, Hôm nay, Trong tuần, Tất cả."""

    online: int
    today: int
    week: int
    total: int


def current_figures() -> Figures:
    """The four figures as they are now: days are local (Asia/Ho_Chi_Minh), weeks start on Monday."""
    now = timezone.now()
    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    # "Tất cả" starts from the count the admin entered for the years before this counter.
    offset = Coalesce(
        Subquery(CounterSettings.objects.values("total_offset")[:1]),
        0,
        output_field=PositiveBigIntegerField(),
    )
    days = DailyVisits.objects.aggregate(
        today=Sum("visits", filter=Q(day=today), default=0),
        week=Sum("visits", filter=Q(day__gte=monday), default=0),
        total=Sum("visits", default=0) + offset,
    )
    return Figures(
        online=Presence.objects.filter(last_seen_at__gte=now - ONLINE_WINDOW).count(),
        today=days["today"],
        week=days["week"],
        total=days["total"],
    )


def shown_figures() -> Figures:
    """The figures for the sidebar box: each process reads them at most once per
    `VISITOR_STATS_MAX_AGE` seconds (0: on every page). Counting itself is always exact."""
    max_age = settings.VISITOR_STATS_MAX_AGE
    if max_age <= 0:
        return current_figures()
    return caching.local().get_or_set("visitors:figures", current_figures, max_age)
