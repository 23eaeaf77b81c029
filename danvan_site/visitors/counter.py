"""The visitor counter's rules (SPEC "Counting rules") and its reads and writes.

Writes are atomic SQL — `view_count = view_count + 1` on the article, upserts on the minute's row
and on the visitor's last-seen row — never a read-modify-write in Python, so N parallel new
visitors add exactly N on SQLite (WAL, IMMEDIATE transactions, busy timeout) and on PostgreSQL.

At most two writes per counted request, none for a returning reader's repeat views:

  * a new visit: `VisitMinute` upsert of its minute (+1), and the article's views if it lands on
    one (2 writes). It writes no last-seen row: "Đang online" counts the visits of the last five
    minutes' rows, so the new visitor is online through their minute for 4–5 minutes;
  * a returning reader: the article's views the first time they open it in 30 minutes, and their
    last-seen time at most once a minute (≤ 2 writes); nothing on a repeat view.

Who is online = the visits of minute rows younger than 5 minutes + last-seen rows of the last
5 minutes that no minute row counts already. A new visitor who keeps browsing writes last-seen
rows while their minute still counts them; the visit cookie names that minute (as minutes since
the epoch) while it counts them, which makes such a row carry `overlap_until`, and the row is
counted only from then on: each visitor is counted once, with the one-minute granularity
of the last-seen throttle. With `REDIS_URL` last-seen times, new visits included, live in Redis
and "online" is the Redis count alone.

Today = the minute rows since local midnight (Asia/Ho_Chi_Minh). Closed days = `DailyVisits` +
minute rows before local midnight, exact whether or not housekeeping has rolled those minute rows
up into their day yet (`roll_up_minutes`: one transaction, `DELETE … RETURNING` then an additive
upsert, so each row is moved by exactly one worker). Housekeeping — pruning expired last-seen rows
and the roll-up — runs at most once a minute per process, after a counted request.

Visitor state lives in cookies that carry no data about the person: `dv_vid` holds a random id
(its 30-minute sliding lifetime *is* the visit), followed by ".<minute>" for the first 5 minutes
of the visit (`visit_cookie`), and two flag cookies whose value is just "1" spare the database
repeat writes: `dv_on` (the visitor is online as of under a minute ago; a new visit needs none
within its first minute, `in_new_visit_minute`) and `dv_r<article id>` (scoped to that article's
path for 30 minutes, so it is sent only there: this browser's view of the article is counted).
"""

import functools
import hashlib
import itertools
import logging
import re
import secrets
import time
import weakref
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from danvan_site.pagecache import page_cache

from .models import CounterSettings, DailyVisits, Presence, VisitMinute

logger = logging.getLogger(__name__)

VISIT_COOKIE = "dv_vid"
SEEN_COOKIE = "dv_on"
READ_COOKIE_PREFIX = "dv_r"
VISIT_SECONDS = 30 * 60  # a visit ends after 30 minutes without a counted page
VIEW_SECONDS = 30 * 60  # an article view counts once per visitor per 30 minutes
ONLINE_SECONDS = 5 * 60  # "Đang online": distinct visitors seen in the last 5 minutes
ONLINE_WINDOW = timedelta(seconds=ONLINE_SECONDS)
SEEN_WRITE_SECONDS = 60  # the last-seen time is rewritten at most once a minute
HOUSEKEEPING_SECONDS = 60  # each process prunes and rolls up at most once a minute
# A closed day can still receive a visit whose request began at 23:59:59 and waited on a lock;
# its sum is cached only once the new day is this old.
CLOSED_DAY_GRACE = timedelta(minutes=1)
# Housekeeping rolls a closed day's minute rows up into its day row once the new day is this old:
# past the grace minute, and past the online window, in which the day's last minute rows still
# count their new visitors as online.
ROLL_UP_AFTER = max(CLOSED_DAY_GRACE, ONLINE_WINDOW)

# "<random id>", or "<random id>.<minute>" while the visit's minute row counts it online.
# Nine digits reach the year 3871; more could overflow a datetime.
_VISIT_COOKIE_VALUE = re.compile(r"([A-Za-z0-9_-]{22})(?:\.([0-9]{1,9}))?")
# crawlerdetect: a maintained list of ~1,400 bot and crawler patterns, with its own LRU cache.
_crawlers = CrawlerDetect()
_last_housekeeping = 0.0


def new_visitor_id() -> str:
    return secrets.token_urlsafe(16)


def parse_visit_cookie(value: str | None) -> tuple[str, str | None] | None:
    """(visitor id, the visit's first minute or None) from a `dv_vid` value; None if malformed."""
    match = _VISIT_COOKIE_VALUE.fullmatch(value) if value else None
    return match.groups() if match else None


def visit_cookie(visitor_id: str, visit_minute: str | None, now: datetime) -> str:
    """The `dv_vid` value: the id, and the visit's minute while its minute row counts the visitor
    online (`new_visit_overlap`): a cookie fewer than a separate one for the minute."""
    if visit_minute is not None and new_visit_overlap(visit_minute, now) is not None:
        return f"{visitor_id}.{visit_minute}"
    return visitor_id


def read_cookie(article_id: int) -> str:
    return f"{READ_COOKIE_PREFIX}{article_id}"


def view_counted_recently(request, article_id: int) -> bool:
    """This browser's view of the article was counted in the last 30 minutes (its `dv_r<id>`
    cookie is still there): another view now is not counted."""
    return read_cookie(article_id) in request.COOKIES


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
    seen: bool  # mark the visitor online now: a new visit, or `dv_on` has expired
    article_id: int | None
    at: datetime
    # The visit's first minute, kept in the visit cookie while that minute counts it online.
    visit_minute: str | None = None

    @property
    def needs_write(self) -> bool:
        return self.new_visit or self.seen or self.article_id is not None

    @property
    def overlap_until(self) -> datetime | None:
        """For a returning visitor's last-seen write: until when the visit's minute row still
        counts them online (that row counts them until then, the last-seen row from then on)."""
        return new_visit_overlap(self.visit_minute, self.at) if self.seen and not self.new_visit else None


def record_hit(hit: Hit) -> int | None:
    """Write one counted request atomically (`write_atomically`); return the article's view count
    with this view when it counted one, read in the same statement (`fill_views`).

    At most two writes, each atomic on its own: the article's views (`view_count + 1`), then
    either the new visit's minute (upsert) or the returning visitor's last-seen time (upsert; in
    Redis instead when it is the cache), always in this order, so every writer takes its locks in
    one order. Housekeeping may follow, in its own transaction, at most once a minute per process.
    """
    redis_presence = hit.seen and presence_in_redis()
    # A new visit is online through its minute row: no last-seen row for it.
    db_presence = hit.seen and not hit.new_visit and not redis_presence
    writes = []
    if hit.article_id is not None:
        writes.append((_article_view_sql(), [hit.article_id]))
    if db_presence:
        writes.append(
            (_PRESENCE_UPSERT, [hit.visitor_id, _adapt_datetime(hit.at), _adapt_datetime(hit.overlap_until)])
        )
    if hit.new_visit:
        writes.append((_MINUTE_UPSERT, [_adapt_datetime(minute_of(hit.at))]))
    returned = write_atomically(writes, first_returns=hit.article_id is not None)
    if redis_presence:
        redis_touch(hit.visitor_id, hit.at)
    housekeeping(hit.at)
    return returned


def write_atomically(writes: list[tuple[str, list]], *, first_returns: bool = False):
    """Run the (sql, params) writes as one atomic unit, as cheaply as the database allows; with
    `first_returns`, the first write ends in `RETURNING` one value, and that value is returned.

    One write runs alone (autocommit: its own transaction). Several: on PostgreSQL one statement,
    the first ones as data-modifying CTEs of the last, so a new visitor costs one round trip
    instead of four (BEGIN, two statements, COMMIT): `bench/counter.py` on PostgreSQL. Each part
    takes its row locks in the same order in every such statement, so two never deadlock. On
    SQLite, where a statement costs no round trip, one IMMEDIATE transaction: one lock, one commit,
    given straight to the driver when nothing in Django watches the statements (`_unwatched`).
    """
    if not writes:
        return None
    if connection.vendor == "sqlite" and _unwatched():
        return _write_with_sqlite_driver(writes, first_returns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return _write_postgresql(cursor, writes, first_returns)
        if len(writes) == 1:
            cursor.execute(*writes[0])
            return _returned(cursor, first_returns)
        with transaction.atomic():
            cursor.execute(*writes[0])
            returned = _returned(cursor, first_returns)
            for sql, params in writes[1:]:
                cursor.execute(sql, params)
        return returned


# A count is not worth a wait for the disk: PostgreSQL commits the counter's writes without waiting
# for their WAL to be flushed. A server crash may lose the last moment of counts (at most three
# times `wal_writer_delay`, 0.6 s by default), never make them inconsistent; every other write of
# the site keeps the server's setting. On a cluster that syncs (this machine's disk) a new
# visitor's write took 786–1,198 µs, 583–782 µs without the wait; on one that does not, the same.
# With the statement prepared too (`_prepared`): 770–786 → 478–482 µs (bench/counter_commit.py).
ASYNC_COMMIT = "SET LOCAL synchronous_commit TO OFF; "


def _write_postgresql(cursor, writes: list[tuple[str, list]], first_returns: bool):
    """The writes as one statement (the first ones as CTEs of the last). With no transaction open
    it is sent as `ASYNC_COMMIT` + `EXECUTE` of that statement prepared on this connection
    (`_prepared`), in one query string: a query string of several statements is one implicit
    transaction, so `SET LOCAL` holds for this write alone, in the same round trip, and the
    statement is not parsed and planned again on every count. Inside a transaction the setting
    would outlive the write, and with server-side binding (OPTIONS "server_side_binding") a query
    holds one statement only: the statement is then sent as it is."""
    sql, params = one_statement(writes, first_returns)
    if not connection.get_autocommit() or connection.settings_dict["OPTIONS"].get("server_side_binding"):
        cursor.execute(sql, params)
        return _returned(cursor, first_returns)
    execute = f"{ASYNC_COMMIT}EXECUTE {{}}({', '.join(['%s'] * len(params))})"
    try:
        cursor.execute(execute.format(_prepared(cursor, sql)), params)
    except DatabaseError as error:
        if getattr(error.__cause__, "sqlstate", None) != _NO_SUCH_PREPARED_STATEMENT:
            raise
        # Deallocated behind our back (DISCARD ALL, a pooler): nothing was written, the statement
        # failed whole. Prepare it again and count.
        _prepared_on.pop(connection.connection, None)
        cursor.execute(execute.format(_prepared(cursor, sql)), params)
    cursor.nextset()  # past the SET's empty result
    return _returned(cursor, first_returns)


def one_statement(writes: list[tuple[str, list]], first_returns: bool) -> tuple[str, list]:
    """PostgreSQL: the writes as one statement and its parameters, the first ones as
    data-modifying CTEs of the last (which returns what the first returns, with `first_returns`)."""
    if len(writes) == 1:
        return writes[0]
    *parts, (last_sql, _) = writes
    ctes = ", ".join(f"w{n} AS ({sql})" for n, (sql, _) in enumerate(parts))
    sql = f"WITH {ctes} {last_sql}" + (" RETURNING (SELECT * FROM w0)" if first_returns else "")
    return sql, [p for _, params in writes for p in params]


# The counter's statements prepared on each PostgreSQL connection (a connection Django replaces
# takes its names with it). Parsing and planning the new visitor's statement took PostgreSQL more
# time than running it: pgbench, one client, 0.413 ms → 0.243 ms prepared; in-process, the write
# 654 µs → 501 µs. Not with a pooler that shares server connections between transactions
# (PgBouncer's transaction mode), as for Django's server-side binding.
_prepared_on: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_NO_SUCH_PREPARED_STATEMENT = "26000"  # invalid_sql_statement_name


def _prepared(cursor, sql: str) -> str:
    """The name of `sql` prepared on this connection, PREPAREd on first use."""
    name, prepare = _prepare_statement(sql)
    done = _prepared_on.setdefault(connection.connection, set())
    if name not in done:
        cursor.execute(prepare)
        done.add(name)
    return name


@functools.cache
def _prepare_statement(sql: str) -> tuple[str, str]:
    """(name, `PREPARE name AS …` with `$n` parameters) of one of the counter's statements (a
    handful of shapes): made once per process, not on every count."""
    name = "visitors_" + hashlib.blake2s(sql.encode(), digest_size=6).hexdigest()
    numbers = itertools.count(1)
    return name, f"PREPARE {name} AS " + re.sub("%s", lambda _: f"${next(numbers)}", sql)


def _unwatched() -> bool:
    """Nothing in Django needs to see the counter's statements: it logs no queries (DEBUG off, no
    test capturing them), no execute wrapper (instrumentation) is installed, and the connection is
    in autocommit: no transaction is open that the writes would have to join as a savepoint."""
    return connection.get_autocommit() and not (connection.queries_logged or connection.execute_wrappers)


def _write_with_sqlite_driver(writes: list[tuple[str, list]], first_returns: bool):
    """`write_atomically` on SQLite, through the sqlite3 driver: the same statements in the same
    IMMEDIATE transaction, without Django's cursor wrapper and `atomic()` around each: a new
    visitor's two writes took 180 µs that way and take 70 µs this way, timed alone; the counter's
    cost to a new visitor's page went from 350–400 µs to 220–290 µs (bench/counter_inprocess.py).
    Errors come out as Django's `DatabaseError`s, as from a Django cursor."""
    driver = connection.connection  # connected, in autocommit (`_unwatched`): no implicit BEGIN
    with connection.wrap_database_errors:
        if len(writes) == 1:
            return _returned(driver.execute(_qmark(writes[0][0]), writes[0][1]), first_returns)
        driver.execute("BEGIN IMMEDIATE")
        try:
            returned = _returned(driver.execute(_qmark(writes[0][0]), writes[0][1]), first_returns)
            for sql, params in writes[1:]:
                driver.execute(_qmark(sql), params)
            driver.execute("COMMIT")
        except BaseException:
            if driver.in_transaction:
                driver.execute("ROLLBACK")
            raise
    return returned


@functools.cache
def _qmark(sql: str) -> str:
    """The counter's SQL (`%s` placeholders, no literal `%`) in the sqlite3 driver's style."""
    return sql.replace("%s", "?")


def _returned(cursor, expected: bool):
    row = cursor.fetchone() if expected else None
    return row[0] if row else None


@functools.cache
def _article_view_sql() -> str:
    """`view_count + 1` in plain SQL, returning the new count: `Article.objects.filter(…).update(
    F(…) + 1)` spent more time compiling than SQLite spends writing (bench/counter.py). Built on
    first use: the articles app imports this module."""
    from articles.models import Article

    table = Article._meta.db_table
    return f'UPDATE "{table}" SET "view_count" = "view_count" + 1 WHERE "id" = %s RETURNING "view_count"'


@functools.cache
def _view_count_sql() -> str:
    from articles.models import Article

    return f'SELECT "view_count" FROM "{Article._meta.db_table}" WHERE "id" = %s'


# --- "Lượt xem" of the article page: filled by the counter, from its own write ------------------
# The article page's view count is a live hole (articles.live): with the counter in the stack it
# is left as a marker and filled here once the request is counted. A new view's count then comes
# back from the write itself (`UPDATE … RETURNING`), so counting a view costs no more round trips
# than showing the count: one statement on PostgreSQL instead of a read and a write.

VIEWS_MARKER = f"<!--views{secrets.token_hex(8)}-->"  # random per process: no article can forge it
_COUNTER_ACTIVE = "_visitor_counter_active"
_VIEWS_HOLE = "_visitor_views_hole"


def activate(request) -> None:
    """The counter middleware handles this request: it will fill the view count (`fill_views`)."""
    setattr(request, _COUNTER_ACTIVE, True)


def defer_views(request, article_id: int, known: int | None) -> str | None:
    """The marker to put where the article's view count goes, or None when the counter will not
    count a view here: it is off, or this browser's view was counted in the last 30 minutes (the
    page shows the count as read now, with no marker to fill). `known`: the count read with the
    article, when the page was just rendered."""
    if not getattr(request, _COUNTER_ACTIVE, False) or view_counted_recently(request, article_id):
        return None
    setattr(request, _VIEWS_HOLE, (article_id, known))
    return VIEWS_MARKER


def read_views(article_id: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute(_view_count_sql(), [article_id])
        row = cursor.fetchone()
    return row[0] if row else 0


def fill_views(request, response, counted: tuple[int, int] | None, number_format) -> None:
    """Put the article's view count where `defer_views` left its marker: as it was before this
    request's view (like a page rendered before counting), taken from the write when this request
    counted one (`counted`: article id, count with this view), else from the article just read or
    a query."""
    hole = getattr(request, _VIEWS_HOLE, None)
    if hole is None or response.streaming:
        return
    article_id, views = hole
    if counted is not None and counted[0] == article_id and counted[1] is not None:
        views = counted[1] - 1
    elif views is None:
        views = read_views(article_id)
    response.content = response.content.replace(VIEWS_MARKER.encode(), number_format(views).encode(), 1)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


def minute_of(moment: datetime) -> datetime:
    """The start of the UTC minute `moment` falls in (local midnights fall on UTC minutes)."""
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, dt_time.min))


def minute_counts_online() -> bool:
    """Whether a new visit is online through its minute row (the database) rather than Redis."""
    return not presence_in_redis()


def new_visit_overlap(value: str | None, now: datetime) -> datetime | None:
    """Until when the new-visit minute in the visit cookie still counts the visitor online: set on
    their last-seen row so it is not counted twice. None when the cookie is absent, malformed or
    outside the 5-minute window (a cookie the client kept or forged cannot hide anyone longer)."""
    if not value:
        return None
    minute = datetime.fromtimestamp(int(value) * 60, tz=UTC)
    until = minute + ONLINE_WINDOW
    return until if minute <= now < until else None


def in_new_visit_minute(value: str | None, now: datetime) -> bool:
    """Whether the visit cookie names the minute `now` falls in: the visit began this minute, its
    minute row counts the visitor online for 4–5 more minutes, and a page now needs no last-seen
    write. From the next minute on, a page writes it (with `overlap_until`). This spares a new
    visit a `dv_on` cookie; a forged value can only hide its own sender, and for this minute only."""
    return value is not None and value == minute_number(now)


def minute_number(moment: datetime) -> str:
    """The minute `moment` falls in, as minutes since the epoch, as the visit cookie holds it."""
    return str(int(moment.timestamp()) // 60)


# --- Housekeeping: not per request, at most once a minute per process -------------------------


def _housekeeping_due(force: bool) -> bool:
    global _last_housekeeping
    tick = time.monotonic()
    if not force and tick - _last_housekeeping < HOUSEKEEPING_SECONDS:
        return False
    _last_housekeeping = tick
    return True


def housekeeping(now: datetime, *, force: bool = False) -> None:
    """Prune expired last-seen times and roll closed days' minute rows up into their day.

    Never breaks the request that triggered it: the hit is already committed, so an error here is
    logged (the next run catches up: both jobs are idempotent).
    """
    if not _housekeeping_due(force):
        return
    try:
        if presence_in_redis():
            redis_trim(now)
        else:
            prune_presence(now)
        roll_up_minutes(now)
    except DatabaseError:
        logger.warning("Visitor counter: housekeeping failed, retried later", exc_info=True)


def prune_presence(now: datetime) -> None:
    """Delete last-seen rows older than the online window."""
    Presence.objects.filter(last_seen_at__lt=now - ONLINE_WINDOW).delete()


def roll_up_minutes(now: datetime) -> int:
    """Move the minute rows of closed local days into `DailyVisits`; returns the visits moved.

    Closed = before local midnight of the day it was `ROLL_UP_AFTER` (5 minutes) ago: the last
    minute rows of a day still count their new visitors online until then, and a visit that began
    at 23:59:59 and committed a moment after midnight normally lands before the move. One that
    lands later just makes a new minute row, moved by a later run: the day upsert adds
    (`visits = visits + excluded.visits`), it never overwrites. In one transaction, the figures
    (read in one statement) see the rows either here or there, never both or neither; and
    `DELETE … RETURNING` hands each row to exactly one worker when two roll up at once (on SQLite
    the IMMEDIATE transactions run one after the other; SQLite ≥ 3.35 has RETURNING).
    """
    cutoff = _adapt_datetime(local_midnight(timezone.localdate(now - ROLL_UP_AFTER)))
    with connection.cursor() as cursor:
        # A read first: on most runs there is nothing to move, and then no write lock is taken.
        cursor.execute(_MINUTE_CLOSED_EXISTS, [cutoff])
        if cursor.fetchone() is None:
            return 0
    days = defaultdict(int)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_MINUTE_ROLL_UP, [cutoff])
        for minute, visits in cursor.fetchall():
            days[timezone.localdate(_as_aware(minute))] += visits
        for day, visits in sorted(days.items()):
            cursor.execute(_DAY_ADD, [_adapt_date(day), visits])
    return sum(days.values())


def _as_aware(value) -> datetime:
    """A datetime column read by raw SQL: SQLite gives text in UTC, PostgreSQL an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if timezone.is_aware(value) else timezone.make_aware(value, UTC)


# --- "Đang online" in Redis -------------------------------------------------------------------
# With REDIS_URL the cache is Redis, shared by every worker: last-seen times, new visitors'
# included, go to one sorted set (visitor id → time) instead of the database.


def presence_in_redis() -> bool:
    return settings.CACHES["default"]["BACKEND"].startswith("django_redis.")


def _online_set():
    from django_redis import get_redis_connection

    return get_redis_connection("default"), cache.make_key("visitors:online")


def redis_touch(visitor_id: str, now: datetime) -> None:
    """ZADD the visitor's last-seen time."""
    try:
        redis, key = _online_set()
        pipe = redis.pipeline(transaction=False)
        pipe.zadd(key, {visitor_id: now.timestamp()})
        pipe.expire(key, 2 * ONLINE_SECONDS)  # an idle site leaves nothing behind
        pipe.execute()
    except Exception:  # Redis down: the page is served, "Đang online" misses this visitor
        logger.warning("Visitor counter: Redis unavailable for the online figure", exc_info=True)


def redis_trim(now: datetime) -> None:
    """Drop the expired last-seen times from the sorted set (housekeeping)."""
    try:
        redis, key = _online_set()
        redis.zremrangebyscore(key, "-inf", now.timestamp() - ONLINE_SECONDS)
    except Exception:
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


# The same SQL on SQLite (≥ 3.35 for RETURNING) and PostgreSQL (≥ 9.5).
# `bulk_create(update_conflicts=True)` would overwrite the count instead of adding to it.
_DAY_TABLE = DailyVisits._meta.db_table
_MINUTE_TABLE = VisitMinute._meta.db_table
_PRESENCE_TABLE = Presence._meta.db_table
_MINUTE_UPSERT = (
    f'INSERT INTO "{_MINUTE_TABLE}" ("minute", "visits") VALUES (%s, 1) '
    f'ON CONFLICT ("minute") DO UPDATE SET "visits" = "{_MINUTE_TABLE}"."visits" + 1'
)
_PRESENCE_UPSERT = (
    f'INSERT INTO "{_PRESENCE_TABLE}" ("visitor_id", "last_seen_at", "overlap_until") VALUES (%s, %s, %s) '
    f'ON CONFLICT ("visitor_id") DO UPDATE SET "last_seen_at" = excluded."last_seen_at", '
    f'"overlap_until" = excluded."overlap_until"'
)
_MINUTE_CLOSED_EXISTS = f'SELECT 1 FROM "{_MINUTE_TABLE}" WHERE "minute" < %s LIMIT 1'
_MINUTE_ROLL_UP = f'DELETE FROM "{_MINUTE_TABLE}" WHERE "minute" < %s RETURNING "minute", "visits"'
_DAY_ADD = (
    f'INSERT INTO "{_DAY_TABLE}" ("day", "visits") VALUES (%s, %s) '
    f'ON CONFLICT ("day") DO UPDATE SET "visits" = "{_DAY_TABLE}"."visits" + excluded."visits"'
)
# The parts of "Thống kê truy cập", each a scalar subquery: whatever a request needs is read in one
# round trip — one statement, so one snapshot: a roll-up is seen wholly or not at all.
_MINUTES_FROM = f'(SELECT SUM("visits") FROM "{_MINUTE_TABLE}" WHERE "minute" >= %s)'
_MINUTES_BETWEEN = f'(SELECT SUM("visits") FROM "{_MINUTE_TABLE}" WHERE "minute" >= %s AND "minute" < %s)'
_MINUTES_BEFORE = f'(SELECT SUM("visits") FROM "{_MINUTE_TABLE}" WHERE "minute" < %s)'
# Today's day row exists only for visits counted before minute rows existed (the deploy day).
_TODAY_ROW = f'(SELECT "visits" FROM "{_DAY_TABLE}" WHERE "day" = %s)'
_OFFSET = f'(SELECT "total_offset" FROM "{CounterSettings._meta.db_table}" WHERE "id" = 1)'
_ONLINE_NEW = f'(SELECT SUM("visits") FROM "{_MINUTE_TABLE}" WHERE "minute" > %s)'
_ONLINE_SEEN = (
    f'(SELECT COUNT(*) FROM "{_PRESENCE_TABLE}" WHERE "last_seen_at" >= %s '
    'AND ("overlap_until" IS NULL OR "overlap_until" <= %s))'
)
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
    """Closed days never change, so their sums are kept until midnight — once the new day is past
    its grace minute — in each process's own memory (keyed by the date, every process agrees):
    a read there costs no round trip to the shared cache, which under `make serve` is a query."""
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if now - midnight >= CLOSED_DAY_GRACE:
        until_tomorrow = (midnight + timedelta(days=1) - now).total_seconds()
        page_cache().set(_closed_days_key(today), sums, max(1, int(until_tomorrow)))


def current_figures() -> Figures:
    """The four figures, exact at the moment of the call, in one query: today's minute rows (and
    today's day row, left by the counter before minute rows), the admin's offset, who is online
    (unless Redis holds that: one command there), and — once a day per cache — the sums of this
    week's and all closed days, day rows and minute rows not rolled up yet alike."""
    now = timezone.now()
    today = timezone.localdate(now)
    midnight = _adapt_datetime(local_midnight(today))
    closed = page_cache().get(_closed_days_key(today))
    redis_presence = presence_in_redis()
    columns = [_MINUTES_FROM, _TODAY_ROW, _OFFSET]
    params = [midnight, _adapt_date(today)]
    if not redis_presence:
        columns += [_ONLINE_NEW, _ONLINE_SEEN]
        params += [_adapt_datetime(now - ONLINE_WINDOW)] * 2 + [_adapt_datetime(now)]
    if closed is None:
        monday = today - timedelta(days=today.weekday())
        columns += [_CLOSED_WEEK, _MINUTES_BETWEEN, _CLOSED_TOTAL, _MINUTES_BEFORE]
        params += [_adapt_date(monday), _adapt_date(today)]
        params += [_adapt_datetime(local_midnight(monday)), midnight]
        params += [_adapt_date(today), midnight]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)
        row = [int(value or 0) for value in cursor.fetchone()]  # PostgreSQL sums bigints as numeric
    today_visits, offset = row.pop(0) + row.pop(0), row.pop(0)
    online = redis_online(now) if redis_presence else row.pop(0) + row.pop(0)
    if closed is None:
        closed = (row.pop(0) + row.pop(0), row.pop(0) + row.pop(0))
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
