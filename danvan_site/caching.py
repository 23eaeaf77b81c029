"""The site's caches: every key, version and lifetime is defined here.

Two caches (settings.CACHES): "default" is shared by every app process (Redis with REDIS_URL, the
database cache under `make serve`, local memory for `make run`) and holds only the version
numbers; "local" is each process's own memory and holds everything else, so reading a kept
fragment costs no query and no network round trip. A kept entry's key carries the version of what
it shows, so a save in one process makes every process's copies unreachable on their next request.
Nothing is ever deleted by hand: there is one way to invalidate, a new version.

| cache | key | where | lifetime | made stale by |
|---|---|---|---|---|
| news version | `version:news` | shared | until the next scheduled publication | a save or delete of an article, category, tag, comment, or the site settings (`bump(NEWS)`) |
| reports version | `version:reports` | shared | none | a save or delete of a report, its figures or models, a unit, field or period (`bump(REPORTS)`) |
| commission version | `version:commission` | shared | none | a save or delete of the "Giới thiệu" texts, a department, leader, work-calendar item or question (`bump(COMMISSION)`) |
| documents version | `version:documents` | shared | none | a save or delete of a document or a change of its fields or links (`bump(DOCUMENTS)`) |
| site settings, categories (by slug, menu, families, addresses), sidebar lists (the latest news box as HTML, and once more for each article in it), an article's comments, the sub-sites (all, each, by slug, and as the document filter's choices) | `news:<v>:<name>` | local | `TIMEOUT` | news version |
| page fragments (`{% cache %}`: home blocks, an article's body and its related news, a category page) | Django's fragment key, varying on the news version | local | `TIMEOUT` | news version |
| category page keys (`articles.pagination`) | `news:<v>:pages:<category>:<size>` | local | `TIMEOUT` | news version |
| the commission's pages (`{% cache %}` fragments of /gioi-thieu/, /lich-cong-tac/, /hoi-dap/, /en/; the "Giới thiệu" record) | `commission:<v>:<name>` or Django's fragment key | local | `TIMEOUT` | commission version |
| showcase fragments and filter choices, province summary (its table, chart and lists; the rows of its CSV and XLSX and the XLSX workbook itself; the list of periods) | `reports:<v>:<name>` | local | `TIMEOUT` | reports version |
| a period's summary placed in an article, per part (`reports.embeds`): the same for every article that places it | `reports:<v>:embed:<period>:<part>` | local | `TIMEOUT` | reports version (an article's save does not rebuild it) |
| the library's numbers (citation links), issuers and years, a document, list counts | `documents:<v>:<name>` | local | `TIMEOUT` | documents version |
| document list and page fragments; an article's body (its citation links) | Django's fragment key, varying on the documents (and news) version | local | `TIMEOUT` | documents or news version |
| visitor statistics box | `visitors:figures` | local | `VISITOR_STATS_MAX_AGE` | time only |
| when this process last pruned who is online | `visitors:pruned` | local | a minute | time only |

`TIMEOUT` bounds what time alone changes on a kept page (whether an article still takes comments,
"Đọc nhiều"). Scheduled articles need no timer: the news version itself expires at the next
scheduled publication (`set_news_expiry`), and the next reader starts a new one.
"""

import time
from collections.abc import Callable
from contextvars import ContextVar

from django.core.cache import cache as shared
from django.core.cache import caches
from django.db import transaction

NEWS = "news"
REPORTS = "reports"
COMMISSION = "commission"
DOCUMENTS = "documents"
NAMESPACES = (NEWS, REPORTS, COMMISSION, DOCUMENTS)
TIMEOUT = 300  # seconds

# The versions read during the current request: one shared-cache read for every namespace, and
# the same version for every part of a page (`VersionsMiddleware`). Outside a request each call
# reads the shared cache.
_request_versions: ContextVar[dict | None] = ContextVar("cache_versions", default=None)
# Seconds until the news version must change by itself: set by the articles app, which knows
# when the next scheduled article goes public (None: no scheduled article).
_news_expiry: Callable[[], int | None] = lambda: None  # noqa: E731


def local():
    """This process's own cache."""
    return caches["local"]


def set_news_expiry(seconds_until_next_change: Callable[[], int | None]) -> None:
    global _news_expiry
    _news_expiry = seconds_until_next_change


def _lifetime(namespace: str) -> int | None:
    return _news_expiry() if namespace == NEWS else None


def version(namespace: str) -> int:
    """The current version of `namespace`, created on first use (and after it expires)."""
    memo = _request_versions.get()
    if memo is None:
        value = shared.get(f"version:{namespace}")
    else:
        if namespace not in memo:
            # Every namespace not read yet, in one round trip: a page that shows one namespace's
            # data shows the news around it too.
            names = {namespace, *NAMESPACES} - memo.keys()
            found = shared.get_many([f"version:{name}" for name in names])
            memo.update({name: found.get(f"version:{name}") for name in names})
        value = memo[namespace]
    if value is None:
        value = time.time_ns()
        if not shared.add(f"version:{namespace}", value, _lifetime(namespace)):
            # Another process won the add. A shared cache that is down answers None again: then
            # every request has a version of its own and nothing kept is ever reused.
            value = shared.get(f"version:{namespace}") or value
        if memo is not None:
            memo[namespace] = value
    return value


def bump(namespace: str) -> None:
    """Make everything kept for `namespace` stale, now and again when the transaction commits.

    The second bump closes the window in which a reader renders the old row (the save is not
    committed yet) under the new version and keeps it.
    """

    def renew():
        value = time.time_ns()
        shared.set(f"version:{namespace}", value, _lifetime(namespace))
        memo = _request_versions.get()
        if memo is not None:
            memo[namespace] = value

    renew()
    transaction.on_commit(renew)


_MISSING = object()


def get_or_set(namespace: str, name: str, build: Callable, timeout: int = TIMEOUT):
    """`build()`, kept in this process until `namespace` changes or `timeout` passes.

    Not the cache's own `get_or_set`, which reads the value back after storing it (a guard for a
    cache shared between processes): this one is the process's own, and the value just built is
    returned as it is.
    """
    key = f"{namespace}:{version(namespace)}:{name}"
    value = local().get(key, _MISSING)
    if value is _MISSING:
        value = build()
        local().set(key, value, timeout)
    return value


class VersionsMiddleware:
    """Reads each version at most once per request (see `_request_versions`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_versions.set({})
        try:
            return self.get_response(request)
        finally:
            _request_versions.reset(token)
