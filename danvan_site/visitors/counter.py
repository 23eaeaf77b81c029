"""The visitor counter's rules (SPEC "Counting rules") and its reads and writes.

Writes are atomic SQL — an upsert on the day's row, `F()` on the article, an upsert on the
visitor's last-seen row — never a read-modify-write in Python, so N parallel new visitors add
exactly N on SQLite (WAL, IMMEDIATE transactions, busy timeout) and on PostgreSQL.

Visitor state lives in cookies that carry no data about the person: `dv_vid` holds a random id
(its 30-minute sliding lifetime *is* the visit), and two flag cookies whose value is just "1"
spare the database repeat writes: `dv_on` (the last-seen time was written under a minute ago)
and `dv_r<article id>` (scoped to that article's path for 30 minutes, so it is sent only there:
this browser's view of the article is counted).
A returning reader's repeat views therefore cost no write at all.
"""

import logging
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import CounterSettings, DailyVisits, Presence

logger = logging.getLogger(__name__)

VISIT_COOKIE = "dv_vid"
SEEN_COOKIE = "dv_on"
READ_COOKIE_PREFIX = "dv_r"
VISIT_SECONDS = 30 * 60  # a visit ends after 30 minutes without a counted page
VIEW_SECONDS = 30 * 60  # an article view counts once per visitor per 30 minutes
ONLINE_SECONDS = 5 * 60  # "Đang online": distinct visitors seen in the last 5 minutes
SEEN_WRITE_SECONDS = 60  # the last-seen time is rewritten at most once a minute
PRUNE_SECONDS = 60  # each process deletes expired last-seen rows at most once a minute
# A closed day can still receive a visit whose request began at 23:59:59 and waited on a lock;
# its sum is cached only once the new day is this old.
CLOSED_DAY_GRACE = timedelta(minutes=1)

_VISITOR_ID = re.compile(r"[A-Za-z0-9_-]{22}")
# crawlerdetect: a maintained list of ~1,400 bot and crawler patterns, with its own LRU cache.
_crawlers = CrawlerDetect()
_last_prune = 0.0


def new_visitor_id() -> str:
    return secrets.token_urlsafe(16)


def valid_visitor_id(value: str | None) -> bool:
    return bool(value) and _VISITOR_ID.fullmatch(value) is not None


def read_cookie(article_id: int) -> str:
    return f"{READ_COOKIE_PREFIX}{article_id}"


def is_bot(user_agent: str) -> bool:
    """Known bots and crawlers, and clients that send no User-Agent at all (scripts, probes):
    a browser always sends one."""
    user_agent = user_agent.strip()
    return not user_agent or _crawlers.is_crawler(user_agent)


def mark_article_view(response, article) -> None:
    """Ask the counter to count a view of `article` if this response reaches a reader.

    Stored on the response, not the request, so a copy served later by a page cache still
    carries it (responses pickle with their attributes).
    """
    if article.is_published():
        response.counted_article_id = article.pk


@dataclass(frozen=True)
class Hit:
    """What one counted request must write."""

    visitor_id: str
    new_visit: bool
    touch_presence: bool
    article_id: int | None

    @property
    def needs_write(self) -> bool:
        return self.new_visit or self.touch_presence or self.article_id is not None


def record_hit(hit: Hit) -> None:
    """Write one counted request in one transaction (one lock and one commit on SQLite).

    At most three statements, each atomic on its own: the article's views (`F()`), the visitor's
    last-seen time (upsert; in Redis instead when it is the cache), the day's visits (upsert). The
    day row, the hottest, comes last so its lock is held for the shortest time; every writer takes
    rows in the same order.
    """
    now = timezone.now()
    redis_presence = hit.touch_presence and presence_in_redis()
    db_presence = hit.touch_presence and not redis_presence
    if hit.new_visit or db_presence or hit.article_id is not None:
        with transaction.atomic():
            if hit.article_id is not None:
                from articles.models import Article

                Article.objects.filter(pk=hit.article_id).update(view_count=F("view_count") + 1)
            with connection.cursor() as cursor:
                if db_presence:
                    cursor.execute(_PRESENCE_UPSERT, [hit.visitor_id, _adapt_datetime(now)])
                if hit.new_visit:
                    cursor.execute(_DAY_UPSERT, [_adapt_date(timezone.localdate(now))])
    if redis_presence:
        redis_touch(hit.visitor_id, now)
    elif db_presence:
        prune_presence(now)


def _prune_due(force: bool) -> bool:
    global _last_prune
    tick = time.monotonic()
    if not force and tick - _last_prune < PRUNE_SECONDS:
        return False
    _last_prune = tick
    return True


def prune_presence(now: datetime, *, force: bool = False) -> None:
    """Delete last-seen rows older than the online window, at most once a minute per process."""
    if _prune_due(force):
        Presence.objects.filter(last_seen_at__lt=now - timedelta(seconds=ONLINE_SECONDS)).delete()


# --- "Đang online" in Redis -------------------------------------------------------------------
# With REDIS_URL the cache is Redis, shared by every worker: last-seen times go to one sorted set
# (visitor id → time) instead of the database, so a new visitor costs the database two writes.


def presence_in_redis() -> bool:
    return settings.CACHES["default"]["BACKEND"].startswith("django_redis.")


def _online_set():
    from django_redis import get_redis_connection

    return get_redis_connection("default"), cache.make_key("visitors:online")


def redis_touch(visitor_id: str, now: datetime) -> None:
    """ZADD the visitor's last-seen time; trim the expired ones at most once a minute per process."""
    try:
        redis, key = _online_set()
        pipe = redis.pipeline(transaction=False)
        pipe.zadd(key, {visitor_id: now.timestamp()})
        if _prune_due(False):
            pipe.zremrangebyscore(key, "-inf", now.timestamp() - ONLINE_SECONDS)
        pipe.expire(key, 2 * ONLINE_SECONDS)  # an idle site leaves nothing behind
        pipe.execute()
    except Exception:  # Redis down: the page is served, "Đang online" misses this visitor
        logger.warning("Visitor counter: Redis unavailable for the online figure", exc_info=True)


def redis_online(now: datetime) -> int:
    try:
        redis, key = _online_set()
        return redis.zcount(key, now.timestamp() - ONLINE_SECONDS, "+inf")
    except Exception:
        logger.warning("Visitor counter: Redis unavailable for the online figure", exc_info=True)
        return 0


def _adapt_date(value):
    return connection.ops.adapt_datefield_value(value)


def _adapt_datetime(value):
    return connection.ops.adapt_datetimefield_value(value)


# The same SQL on SQLite (≥ 3.24) and PostgreSQL (≥ 9.5). `bulk_create(update_conflicts=True)`
# would overwrite the count instead of adding to it.
_DAY_TABLE = DailyVisits._meta.db_table
_DAY_UPSERT = (
    f'INSERT INTO "{_DAY_TABLE}" ("day", "visits") VALUES (%s, 1) '
    f'ON CONFLICT ("day") DO UPDATE SET "visits" = "{_DAY_TABLE}"."visits" + 1'
)
_PRESENCE_TABLE = Presence._meta.db_table
_PRESENCE_UPSERT = (
    f'INSERT INTO "{_PRESENCE_TABLE}" ("visitor_id", "last_seen_at") VALUES (%s, %s) '
    f'ON CONFLICT ("visitor_id") DO UPDATE SET "last_seen_at" = excluded."last_seen_at"'
)
# The parts of "Thống kê truy cập", each a scalar subquery: whatever a request needs is read in one
# round trip.
_TODAY_VISITS = f'(SELECT "visits" FROM "{_DAY_TABLE}" WHERE "day" = %s)'
_OFFSET = f'(SELECT "total_offset" FROM "{CounterSettings._meta.db_table}" WHERE "id" = 1)'
_ONLINE = f'(SELECT COUNT(*) FROM "{_PRESENCE_TABLE}" WHERE "last_seen_at" >= %s)'
_CLOSED_WEEK = f'(SELECT SUM("visits") FROM "{_DAY_TABLE}" WHERE "day" >= %s AND "day" < %s)'
_CLOSED_TOTAL = f'(SELECT SUM("visits") FROM "{_DAY_TABLE}" WHERE "day" < %s)'


@dataclass(frozen=True)
class Figures:
    """ "Thống kê truy cập": Đang online, Hôm nay, Trong tuần, Tất cả."""

    online: int
    today: int
    week: int
    total: int


def _closed_days_key(today) -> str:
    return f"visitors:closed:{today.isoformat()}"


def _cache_closed_days(today, sums: tuple[int, int]) -> None:
    """Closed days never change, so their sums are kept until midnight (keyed by the date, so every
    process, whatever its cache, agrees) — once the new day is past its grace minute."""
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if now - midnight >= CLOSED_DAY_GRACE:
        until_tomorrow = (midnight + timedelta(days=1) - now).total_seconds()
        cache.set(_closed_days_key(today), sums, max(1, int(until_tomorrow)))


def current_figures() -> Figures:
    """The four figures, exact at the moment of the call, in one query: today's row, the admin's
    offset, who is online (unless Redis holds that: one command there), and — once a day per
    cache — the sums of this week's and all closed days."""
    now = timezone.now()
    today = timezone.localdate(now)
    closed = cache.get(_closed_days_key(today))
    redis_presence = presence_in_redis()
    columns, params = [_TODAY_VISITS, _OFFSET], [_adapt_date(today)]
    if not redis_presence:
        columns.append(_ONLINE)
        params.append(_adapt_datetime(now - timedelta(seconds=ONLINE_SECONDS)))
    if closed is None:
        columns += [_CLOSED_WEEK, _CLOSED_TOTAL]
        params += [
            _adapt_date(today - timedelta(days=today.weekday())),
            _adapt_date(today),
            _adapt_date(today),
        ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)
        row = list(cursor.fetchone())
    today_visits, offset = row.pop(0) or 0, row.pop(0) or 0
    online = redis_online(now) if redis_presence else row.pop(0) or 0
    if closed is None:
        closed = (row.pop(0) or 0, row.pop(0) or 0)
        _cache_closed_days(today, closed)
    week_closed, total_closed = closed
    return Figures(
        online=online,
        today=today_visits,
        week=week_closed + today_visits,
        total=offset + total_closed + today_visits,
    )


def enabled() -> bool:
    return getattr(settings, "VISITORS_ENABLED", True)
