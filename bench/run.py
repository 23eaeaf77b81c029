"""`make bench`: the public pages under load on a large data set, against a floor page.

Run by `make bench` inside a throwaway PostgreSQL 15 cluster (DATABASE_URL is set by .ci/pg.sh);
bench/README.md says what each row and column means and which targets the table checks.

1. migrate and `seed_demo --size large` (50,000 articles over 15 years);
2. count SQL queries per page with Django's test client: cold (every cache empty, as after a
   deploy), fresh (the page built from the database while what other requests cached is warm,
   as in the "fresh" row) and cached (the same request again);
3. start the site as `make serve` does (gunicorn, DEBUG off, the production cache) with
   DJANGO_SETTINGS_MODULE=bench.settings (the production settings plus /bench/floor/ and the
   fresh-page header) and drive each page with wrk, every page in every round (interleaved), so
   a noisy machine slows all pages alike and the ratios to the floor page hold. Each page runs as
   a returning reader, a new visitor and built fresh: nothing kept for the page on any request
   (no cached page or fragment of it), by walking distinct URLs (a wrk script), or for a page
   with one URL by the `X-Bench-Fresh` header (bench/middleware.py: the serving process drops
   everything it keeps first, as after a save or a restart);
4. print one table and write `bench/results/latest.json`.

Pages are data: add one line to PAGES for a new page (a path, or a function that finds one in
the data, returning None when the page does not exist yet: it is then reported as missing).
Environment knobs: BENCH_ROUNDS (3), BENCH_DURATION (seconds per wrk run, 5), BENCH_CONNECTIONS
(16), BENCH_THREADS (2), BENCH_PORT (8110), BENCH_SKIP_SEED=1 (reuse the data), BENCH_PAGES
(names of PAGES to run, comma-separated; the floor always runs).
"""

import json
import os
import platform
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from readers import BROWSER, cookie_header, returning_cookies

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
DURATION = int(os.environ.get("BENCH_DURATION", 5))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
THREADS = int(os.environ.get("BENCH_THREADS", 2))
PORT = int(os.environ.get("BENCH_PORT", 8110))
WORKERS = 2
BASE = f"http://127.0.0.1:{PORT}"
RESULTS = ROOT / "bench" / "results" / "latest.json"
# Two-word phrase found in nearly every article: the expensive search, not a lucky one.
SEARCH_PHRASE = "dân vận"
BIG_CATEGORY = "tin-tuc-su-kien"

# The settings `make serve` runs with, plus the floor page and the fresh-page header
# (bench.settings) and a plain-HTTP loopback.
SERVE_ENV = {
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
    "SECRET_KEY": "bench-" + secrets.token_urlsafe(32),
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "PYTHONPATH": str(ROOT),  # `bench` is imported as a package from the project folder
    "WEB_CONCURRENCY": str(WORKERS),
    "MEDIA_ROOT": os.environ.get("BENCH_MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "danvan-bench-media")),
    "LOG_LEVEL": "WARNING",
}


# --- The pages ---------------------------------------------------------------------------------
# A fresh row walks at most this many distinct URLs: more than a run at 0.25× the floor asks for.
FRESH_POOL = 20_000


def _category_page(number):
    def find():
        from articles.models import Category

        category = Category.objects.filter(slug=BIG_CATEGORY).first() or Category.objects.first()
        return f"{category.get_absolute_url()}?page={number}" if category else None

    return find


def _plain_article():
    """The `article` row's article: the newest of "Tin trong tỉnh"."""
    from articles.models import Article

    return Article.objects.published().filter(category__slug="tin-trong-tinh").first()


def _article():
    article = _plain_article()
    return article.get_absolute_url() if article else None


SUMMARY_ARTICLES = 2_000  # articles of "Tin trong tỉnh" that place the latest period's table
SUMMARY_MARK = 'data-summary-part="table"'


def _article_with_summary():
    """Articles with the latest period's summary table placed in their body (reports.embeds): on
    the large seed, that period expects a report from every commune-level unit (135 rows). There
    are `SUMMARY_ARTICLES` of them, so that the fresh row walks distinct ones as the article row
    does; the `article` row's own article is not one of them."""
    from django.apps import apps
    from django.db.models import Value
    from django.db.models.functions import Concat

    from articles.models import Article
    from danvan_site import caching

    try:
        period = apps.get_model("reports", "ReportingPeriod").objects.order_by("-deadline").first()
    except LookupError:
        return None
    if period is None:
        return None
    placeholder = f'<div data-summary-period="{period.pk}" {SUMMARY_MARK}><p>[Bảng tổng hợp]</p></div>'
    placing = Article.objects.published().filter(body__contains=placeholder)
    if not placing.exists():
        ids = (
            Article.objects.published()
            .filter(category__slug="tin-trong-tinh")
            .exclude(pk=getattr(_plain_article(), "pk", None))
            .order_by("pk")
            .values_list("pk", flat=True)[:SUMMARY_ARTICLES]
        )
        Article.objects.filter(pk__in=list(ids)).update(body=Concat("body", Value(placeholder)))
        caching.bump(caching.NEWS)
    article = placing.order_by("pk").first()
    return article.get_absolute_url() if article else None


def _fresh_article_summaries(page):
    from articles.models import Article

    slugs = Article.objects.published().filter(body__contains=SUMMARY_MARK).values_list("slug", flat=True)
    return _shuffled((Article(slug=slug).get_absolute_url() for slug in slugs), page.url)


def _subsite():
    """The current sub-site with the most articles (the large data set has 30 of 200 each)."""
    from django.db.models import Count

    from articles.models import Subsite

    return Subsite.objects.current().annotate(n=Count("articles")).order_by("-n", "pk").first()


def _subsite_home():
    subsite = _subsite()
    return subsite.get_absolute_url() if subsite else None


def _subsite_category():
    subsite = _subsite()
    category = subsite.categories.order_by("pk").first() if subsite else None
    return category.get_absolute_url() if category else None


def _subsite_article():
    from articles.models import Article

    subsite = _subsite()
    article = Article.objects.published().filter(subsite=subsite).first() if subsite else None
    return article.get_absolute_url() if article else None


def _fresh_subsite_articles(page):
    from articles.models import Article

    slugs = Article.objects.published().filter(subsite__isnull=False).values_list("slug", flat=True)
    return _shuffled((Article(slug=slug).get_absolute_url() for slug in slugs), page.url)


def _tag():
    from articles.models import Tag

    tag = Tag.objects.filter(tagged_articles__isnull=False).order_by("pk").first()
    return tag.get_absolute_url() if tag else None


def _model():
    from django.apps import apps

    try:
        model = apps.get_model("reports", "ExemplaryModel").objects.showcased().order_by("pk").first()
    except LookupError:
        return None
    return model.get_absolute_url() if model else None


def _summary():
    """The province summary of the latest period (reports app), when it exists."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse

    try:
        period = apps.get_model("reports", "ReportingPeriod").objects.order_by("-year", "-pk").first()
        return reverse("reports:summary", args=[period.slug]) if period else None
    except (LookupError, NoReverseMatch):
        return None


def _summary_export(fmt):
    """The same summary as a download: the file is written on every request (never kept), from
    the summary's rows, which are kept under the reports version like the page's table."""

    def find():
        path = _summary()
        return f"{path}?format={fmt}" if path else None

    return find


def _document():
    """A document of the bench library (documents.demo_large), when the app is there."""
    from django.apps import apps

    try:
        document = (
            apps.get_model("documents", "Document").objects.public().order_by("-issued_on", "-pk").first()
        )
    except LookupError:
        return None
    return document.get_absolute_url() if document else None


def _document_number_search():
    """A search by number as a reader types it ("kh 1 2020" for 1/2020/KH-TU)."""
    from django.apps import apps

    try:
        document = (
            apps.get_model("documents", "Document").objects.filter(kind="ke-hoach").order_by("pk").first()
        )
    except LookupError:
        return None
    return f"/van-ban/?q={quote(document.number_key.strip().lower())}" if document else None


def _documents_of_unit():
    """The bench sub-site's documents (`/van-ban/?don-vi=<unit>`; documents.demo_large gives
    every current sub-site a share of the library)."""
    subsite = _subsite()
    return f"/van-ban/?don-vi={subsite.slug}" if subsite else None


def _fresh_documents(page):
    from documents.models import Document

    slugs = Document.objects.public().values_list("slug", flat=True)[:FRESH_POOL]
    return _shuffled((f"/van-ban/{slug}/" for slug in slugs), page.url)


def _fresh_document_searches(page):
    """Searches by number, typed as groups ("ctr 12 2019"), one per document."""
    from documents.models import Document

    keys = Document.objects.public().values_list("number_key", flat=True)[:FRESH_POOL]
    return _shuffled((f"/van-ban/?q={quote(key.strip().lower())}" for key in keys), page.url)


def _shuffled(paths, exclude):
    """Distinct paths in a fixed random order (a crawler's, not the archive's), without `exclude`."""
    paths = sorted(set(paths) - {exclude})
    random.Random(14).shuffle(paths)
    return paths[:FRESH_POOL]


def _pages(base, count, per_page, first=1):
    """The pager's links of a list of `count` items from page `first` on."""
    joiner = "&" if "?" in base else "?"
    return [f"{base}{joiner}page={n}" for n in range(first, -(-count // per_page) + 1)]


def _fresh_articles(page):
    from articles.models import Article

    slugs = Article.objects.published().exclude(body__contains=SUMMARY_MARK).values_list("slug", flat=True)
    return _shuffled((Article(slug=slug).get_absolute_url() for slug in slugs), page.url)


def _fresh_category_pages(page):
    """Pages 2 and on of every category: with the category's own page 1 measured by header."""
    from django.conf import settings

    from articles.models import Article, Category

    published = Article.objects.published()
    paths = []
    for category in Category.objects.all():
        count = published.in_category(category).count()
        paths += _pages(category.get_absolute_url(), count, settings.ARTICLES_PER_PAGE, first=2)
    return _shuffled(paths, page.url)


def _fresh_tag_pages(page):
    from django.conf import settings

    from articles.models import Article, Tag

    published = Article.objects.published()
    paths = []
    for tag in Tag.objects.all():
        paths += _pages(
            tag.get_absolute_url(), published.filter(tags=tag).count(), settings.ARTICLES_PER_PAGE
        )
    return _shuffled(paths, page.url)


def _fresh_searches(page):
    """Searches for runs of one to four words of article titles (numbers left out: a title's
    number finds that one article, the cheapest search there is), with their result pages: as
    many as the titles alone fill, at most the SEARCH_LIMIT ranked matches' (every match of a
    title is a match of the search, which reads the body too)."""
    from django.conf import settings

    from articles.models import Article

    try:
        from articles.search import SEARCH_LIMIT
    except ImportError:  # the ceiling moved: page 1 of each search only
        SEARCH_LIMIT = settings.ARTICLES_PER_PAGE

    found = Counter()
    for title in Article.objects.published().values_list("title", flat=True)[:FRESH_POOL]:
        words = [w for w in title.split() if not any(c.isdigit() for c in w)]
        found.update(
            {" ".join(words[i : i + size]) for size in range(1, 5) for i in range(len(words) - size + 1)}
        )
    paths = []
    for phrase, titles in found.items():
        paths += _pages(
            f"/tim-kiem/?q={quote(phrase)}", min(titles, SEARCH_LIMIT), settings.ARTICLES_PER_PAGE
        )
    return _shuffled(paths, page.url)


def _fresh_showcase_lists(page):
    """The showcase's pages, alone and filtered by field, unit and year, as its filter form
    builds them (a crawler follows every pager and filter link)."""
    from django.db.models import Count

    from reports.models import ExemplaryModel

    per_page = 12  # reports.views.ShowcaseListView.paginate_by
    shown = ExemplaryModel.objects.showcased()
    paths = _pages("/mo-hinh/", shown.count(), per_page)
    field_, unit, year = (
        ("field", "field"),
        ("unit", "unit__slug"),
        ("year", "progress__report__period__year"),
    )
    for combination in [(field_,), (unit,), (year,), (field_, year), (unit, year)]:
        lookups = [lookup for _, lookup in combination]
        for row in shown.values(*lookups).annotate(n=Count("pk")):
            query = "&".join(f"{name}={quote(str(row[lookup]))}" for name, lookup in combination)
            paths += _pages(f"/mo-hinh/?{query}", row["n"], per_page)
    return _shuffled(paths, page.url)


def _fresh_models(page):
    from reports.models import ExemplaryModel

    slugs = ExemplaryModel.objects.showcased().values_list("slug", flat=True)
    return _shuffled((ExemplaryModel(slug=slug).get_absolute_url() for slug in slugs), page.url)


@dataclass(frozen=True)
class Bump:
    """Fresh by header: `X-Bench-Fresh` drops everything the serving process keeps before the
    view (bench/middleware.py), for a page with one URL. `namespace` names the part of the site
    the page shows."""

    namespace: str  # "news", "reports", "commission" or "documents"


@dataclass
class Page:
    name: str
    find: object  # a path, or a callable returning one (None: the page does not exist yet)
    fresh: object = None  # Bump, or a callable(page) returning distinct paths to walk
    refresh: str | None = None  # a walk's namespace: a path requested again is built fresh by header
    modes: tuple = ("returning", "new", "fresh")
    user: str | None = None  # log in as this demo account (every mode)
    url: str | None = None
    pool: list = field(default_factory=list)  # the distinct paths of the fresh row
    cursor: int = 0  # how many of them were requested already (each only once)
    queries_cold: int | None = None
    queries: int | None = None  # fresh: what building the page costs
    queries_cached: int | None = None
    cookies: dict = field(default_factory=dict)
    skipped: dict = field(default_factory=dict)  # mode → why it is not measured


PAGES = [
    Page("floor", "/bench/floor/", modes=("returning",)),
    Page("home", "/", fresh=Bump("news")),
    Page("category_p1", _category_page(1), fresh=Bump("news")),
    Page("category_p1000", _category_page(1000), fresh=_fresh_category_pages, refresh="news"),
    Page("article", _article, fresh=_fresh_articles, refresh="news"),
    Page("article_summary", _article_with_summary, fresh=_fresh_article_summaries, refresh="news"),
    Page("tag", _tag, fresh=_fresh_tag_pages, refresh="news"),
    Page("search", f"/tim-kiem/?q={quote(SEARCH_PHRASE)}", fresh=_fresh_searches, refresh="news"),
    Page("showcase", "/mo-hinh/", fresh=_fresh_showcase_lists, refresh="reports"),
    # Sub-sites (issue 15): a unit's home, its category page 1 and one of its articles.
    Page("subsite_home", _subsite_home, fresh=Bump("news")),
    Page("subsite_category", _subsite_category, fresh=Bump("news")),
    Page("subsite_article", _subsite_article, fresh=_fresh_subsite_articles, refresh="news"),
    Page("showcase_model", _model, fresh=_fresh_models, refresh="reports"),
    Page("summary", _summary, fresh=Bump("reports"), modes=("returning", "fresh"), user="province"),
    Page("summary_xlsx", _summary_export("xlsx"), modes=("returning",), user="province"),
    Page("summary_csv", _summary_export("csv"), modes=("returning",), user="province"),
    Page("about", "/gioi-thieu/", fresh=Bump("commission")),
    Page("schedule", "/lich-cong-tac/", fresh=Bump("commission")),
    Page("documents", "/van-ban/", fresh=Bump("documents")),
    Page("document", _document, fresh=_fresh_documents, refresh="documents"),
    # A unit's documents (issue 16): the list filtered by its sub-site.
    Page("documents_unit", _documents_of_unit, fresh=Bump("documents")),
    Page("document_search", _document_number_search, fresh=_fresh_document_searches, refresh="documents"),
]
# The JSON keys → (page, mode); every other measured pair is written as <page>_<mode>.
ALIASES = {
    "floor": ("floor", "returning"),
    "article_returning": ("article", "returning"),
    "article_new": ("article", "new"),
    "article_fresh": ("article", "fresh"),
    "home_returning": ("home", "returning"),
    "category_p1": ("category_p1", "returning"),
    "category_p1000": ("category_p1000", "returning"),
    "search": ("search", "returning"),
    "showcase": ("showcase", "returning"),
    "summary": ("summary", "returning"),
}
# Targets of the issue, checked in the table: minimum ratio to the floor page …
TARGETS = {
    ("article", "returning"): 0.6,
    ("article", "new"): 0.4,
    ("home", "returning"): 0.6,
    ("category_p1", "returning"): 0.6,
    ("article", "fresh"): 0.25,
    # An article with an embedded 135-unit summary meets the article page's targets.
    ("article_summary", "returning"): 0.6,
    ("article_summary", "new"): 0.4,
    ("article_summary", "fresh"): 0.25,
    ("home", "fresh"): 0.2,
    ("category_p1", "fresh"): 0.2,
    ("category_p1000", "fresh"): 0.2,
    ("search", "fresh"): 0.2,
    ("showcase", "fresh"): 0.2,
    ("showcase_model", "fresh"): 0.2,
    # A sub-site's pages meet their province counterparts' targets.
    ("subsite_home", "returning"): 0.6,
    ("subsite_home", "fresh"): 0.2,
    ("subsite_category", "returning"): 0.6,
    ("subsite_category", "fresh"): 0.2,
    ("subsite_article", "returning"): 0.6,
    ("subsite_article", "new"): 0.4,
    ("subsite_article", "fresh"): 0.25,
    # The commission's pages meet the article page's targets (issue 17).
    ("about", "returning"): 0.6,
    ("about", "new"): 0.4,
    ("about", "fresh"): 0.25,
    ("schedule", "returning"): 0.6,
    ("schedule", "new"): 0.4,
    ("schedule", "fresh"): 0.25,
    ("documents", "returning"): 0.6,
    ("document", "returning"): 0.6,
    ("documents", "fresh"): 0.2,
    ("document", "fresh"): 0.2,
    ("documents_unit", "returning"): 0.6,
    ("documents_unit", "fresh"): 0.2,
    ("document_search", "fresh"): 0.2,
}
# … and p99 ceiling of the returning and new rows (a fresh row's latency at 16 connections is
# its throughput's: its target is the ratio). Category page 1,000's p50 ≤ 1.5× page 1's.
P99_LIMIT_MS = {"search": 150, "document_search": 150, "summary_xlsx": 1000, "summary_csv": 1000}
P99_DEFAULT_MS = 100
DEEP_PAGE_LIMIT = 1.5
WORKER_RSS_LIMIT_MB = 120


# --- Steps ---------------------------------------------------------------------------------------
def manage(*args, extra_env=None):
    env = {**os.environ, **SERVE_ENV, **(extra_env or {})}
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare():
    manage("collectstatic", "--noinput", "-v", "0")
    if os.environ.get("BENCH_SKIP_SEED") == "1":
        manage("createcachetable")  # the data may have been seeded with other settings
        return
    started = time.monotonic()
    manage("migrate", "--noinput", "-v", "0")
    manage("createcachetable")
    # Demo accounts exist only with DEBUG on; this database is thrown away after the run. The
    # bulk part runs with DEBUG off: DEBUG keeps every (huge) INSERT statement and is 3× slower.
    manage("seed_demo", extra_env={"DEBUG": "1"})
    manage("seed_demo", "--no-accounts", "--size", "large")
    # As autovacuum leaves a database that has been running (and as pgbench does before a run):
    # the planner's statistics and the visibility map that index-only scans read. A bulk load
    # leaves neither, and a count over 26,000 index entries then visits the table as well.
    manage("dbshell", "--", "-c", "VACUUM ANALYZE")
    print(f"Dữ liệu lớn: {time.monotonic() - started:.0f} s", flush=True)


def setup_django():
    os.environ.update(SERVE_ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def resolve_pages():

    chosen = {name for name in os.environ.get("BENCH_PAGES", "").split(",") if name}
    for page in PAGES:
        if chosen and page.name not in chosen | {"floor"}:
            page.skipped = dict.fromkeys(page.modes, "not in BENCH_PAGES")
            continue
        try:
            page.url = page.find() if callable(page.find) else page.find
            if not page.url or "fresh" not in page.modes:
                continue
            if page.fresh and not isinstance(page.fresh, Bump):
                page.pool = page.fresh(page)
                if not page.pool:
                    page.skipped["fresh"] = "no distinct URL in the data: chưa đo"
        except Exception as exc:  # a page of an app that is not there yet
            print(f"  {page.name}: {exc!r}")
            page.url = None


def count_queries():
    """SQL queries per page with the test client: cold, fresh and cached (see module doc)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.middleware import drop_page_entries

    def clear_every_cache():
        for alias in settings.CACHES:
            caches[alias].clear()

    for page in PAGES:
        if not page.url:
            continue
        client = Client()
        if page.user:
            user = get_user_model().objects.filter(username=page.user).first()
            if user is None:
                page.url = None
                continue
            client.force_login(user)
        clear_every_cache()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(page.url)
        if response.status_code != 200:
            print(f"  {page.name}: {page.url} → HTTP {response.status_code}: bỏ qua")
            page.url = None
            continue
        with CaptureQueriesContext(connection) as cached:
            client.get(page.url)
        page.queries_cold, page.queries_cached = len(cold), len(cached)
        if "fresh" in page.modes and "fresh" not in page.skipped:
            path = page.url
            if isinstance(page.fresh, Bump):
                drop_page_entries()  # what the X-Bench-Fresh header does in the server
            else:  # the first distinct URL, then left out of the walk: it is built already
                path, page.cursor = page.pool[0], 1
            with CaptureQueriesContext(connection) as fresh:
                response = client.get(path)
            page.queries = len(fresh)
            if response.status_code != 200:
                print(f"  {page.name} fresh: {path} → HTTP {response.status_code}")
            elif page.queries <= page.queries_cached:
                print(
                    f"  {page.name} fresh: {path} made no more queries than a cached page: served from a cache?"
                )
        if page.user:
            page.cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    clear_every_cache()


def start_server():
    try:
        urllib.request.urlopen(BASE + "/", timeout=2)
        raise SystemExit(f"Cổng {PORT} đang bận: dừng máy chủ cũ hoặc đặt BENCH_PORT.")
    except OSError:  # refused, unreachable or timed out: nobody answers there
        pass
    env = {**os.environ, **SERVE_ENV, "PORT": str(PORT)}
    # As `make serve` runs it, without the access log (a proxy logs in production) so wrk
    # measures the application.
    env["GUNICORN_ARGS"] = "--max-requests 50000 --max-requests-jitter 5000 --preload"
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(BASE + "/bench/floor/", timeout=30).read()
            return proc
        except OSError:  # not listening yet, or a worker still importing on a busy machine
            if proc.poll() is not None:
                raise SystemExit("make serve stopped") from None
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit("make serve did not answer")


def stop_server(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def worker_rss_mb(proc) -> float:
    """Largest resident set of the gunicorn workers: gunicorn processes whose parent is the
    gunicorn master, somewhere under the `make serve` we started."""
    procs = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            procs[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), b"gunicorn" in cmdline)
    ours, frontier = set(), {proc.pid}
    while frontier:
        frontier = {pid for pid, (ppid, _) in procs.items() if ppid in frontier}
        ours |= frontier
    rss = []
    for pid in ours:
        ppid, is_gunicorn = procs[pid]
        if is_gunicorn and procs.get(ppid, (0, False))[1]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        rss.append(int(line.split()[1]) / 1024)
            except OSError:
                continue
    return max(rss, default=0.0)


def settle():
    """Wait until requests abandoned by the last wrk run are done (a slow page leaves a queue)."""
    for _ in range(120):
        started = time.monotonic()
        urllib.request.urlopen(BASE + "/bench/floor/", timeout=60).read()
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


WRK_SCRIPT = """
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

done = function(summary, latency, requests)
  local e = summary.errors
  local walked, repeats = 0, 0
  for _, thread in ipairs(threads) do
    walked = math.max(walked, thread:get("walked") or 0)
    repeats = repeats + (thread:get("repeats") or 0)
  end
  io.write(string.format('BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,' ..
    '"errors":%d,"walked":%d,"repeats":%d}\\n', summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status +
    e.timeout, walked, repeats))
end
"""
# A fresh row: `wrk … URL -- <file of paths> <threads> <unseen> [<header> <namespace>]`. The file
# holds the `unseen` paths not requested yet, then the whole list again. Thread `id` requests the
# paths id, id + threads, id + 2 × threads, …: no path twice in the run, and bench/run.py starts
# the next run after the last path any thread reached (`walked`). Once the unseen paths are used
# up, a path comes again (a `repeat`) with the fresh-page header, so it is still built fresh.
WALK_SCRIPT = (
    WRK_SCRIPT
    + """
function init(args)
  walked, repeats, sent = 0, 0, 0
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  step, unseen = tonumber(args[2]), tonumber(args[3])
  if args[4] then
    refresh = {}
    for name, value in pairs(wrk.headers) do refresh[name] = value end
    refresh[args[4]] = args[5]
  end
end

function request()
  if not paths then return wrk.format() end  -- wrk's check of the script, before init
  local n = sent * step + id  -- 0-based position in the list
  sent = sent + 1
  walked = math.max(walked, n + 1)
  if n < unseen then return wrk.format(nil, paths[n + 1]) end
  repeats = repeats + 1
  return wrk.format(nil, paths[n % #paths + 1], refresh)
end
"""
)


def wrk(page, mode, cookies, duration, scripts):
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "5s"]
    cmd += ["-H", f"User-Agent: {BROWSER}"]  # a browser: the visitor counter counts it
    if cookies:
        cmd += ["-H", "Cookie: " + cookie_header(cookies)]
    from bench.middleware import HEADER

    walk = mode == "fresh" and not isinstance(page.fresh, Bump)
    if mode == "fresh" and isinstance(page.fresh, Bump):
        cmd += ["-H", f"{HEADER}: {page.fresh.namespace}"]
    cmd += ["-s", scripts["walk" if walk else "plain"], BASE + page.url]
    if walk:
        unseen = page.pool[page.cursor :]
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as paths:
            paths.write("\n".join(unseen + page.pool) + "\n")
        cmd += ["--", paths.name, str(THREADS), str(len(unseen))]
        if page.refresh:
            cmd += [HEADER, page.refresh]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        if walk:
            os.unlink(paths.name)
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    result = json.loads(line[6:])
    if walk:
        page.cursor += min(len(unseen), result["walked"])
    if not result["requests"]:
        print(out, file=sys.stderr)
    return result


def machine() -> str:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{platform.node()}: {os.cpu_count()} × {cpu}, Python {platform.python_version()}"


def commit() -> str:
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
    return rev.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def main():
    # Stopped from outside (Ctrl-C, timeout): still stop the server in `finally`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    prepare()
    setup_django()
    resolve_pages()
    count_queries()
    live = [p for p in PAGES if p.url]
    runs = [(p, mode) for p in live for mode in p.modes if mode not in p.skipped]
    for p in live:
        if p.pool:
            print(f"  {p.name} fresh: {len(p.pool) - p.cursor} distinct URLs", flush=True)
    proc = start_server()
    rss = 0.0
    samples: dict[tuple, list] = {(p.name, mode): [] for p, mode in runs}
    scripts = {}
    try:
        for name, text in (("plain", WRK_SCRIPT), ("walk", WALK_SCRIPT)):
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
                f.write(text)
            scripts[name] = f.name
        returning = {p.name: returning_cookies(BASE + p.url, p.cookies) for p in live}

        def cookies(page, mode):
            # A new visitor has no cookie (but a logged-in page's session); a fresh page is read
            # by a returning reader, so it costs what building it costs, not a new visit.
            return page.cookies if mode == "new" else returning[page.name]

        for p, mode in runs:  # warm-up: imports, caches, connections
            wrk(p, mode, cookies(p, mode), 1, scripts)
            settle()
        for n in range(ROUNDS):
            print(f"Vòng {n + 1}/{ROUNDS} …", flush=True)
            for p, mode in runs:
                result = wrk(p, mode, cookies(p, mode), DURATION, scripts)
                samples[(p.name, mode)].append(result)
                rss = max(rss, worker_rss_mb(proc))
                settle()
    finally:
        stop_server(proc)
        for script in scripts.values():
            os.unlink(script)
    report(live, runs, samples, rss)


def summarize(results):
    rps = [r["requests"] / (r["duration_us"] / 1e6) for r in results if r["duration_us"]]
    return {
        "rps": round(statistics.median(rps), 1) if rps else 0.0,
        "runs": results,
        "p50_ms": round(statistics.median(r["p50_us"] for r in results) / 1000, 1),
        "p99_ms": round(statistics.median(r["p99_us"] for r in results) / 1000, 1),
        "errors": sum(r["errors"] for r in results),
        "repeats": sum(r.get("repeats", 0) for r in results),
    }


def checks(page, mode, s, stats):
    """[(target as printed, met?)] of one row; no error is a target of every row."""

    out = []
    if (page.name, mode) in TARGETS:
        out.append((f"≥{TARGETS[(page.name, mode)]:.2f}×", s["ratio_to_floor"] >= TARGETS[(page.name, mode)]))
    if page.name != "floor" and mode != "fresh":
        limit = P99_LIMIT_MS.get(page.name, P99_DEFAULT_MS)
        out.append((f"p99<{limit}", s["p99_ms"] < limit))
    p1 = stats.get(("category_p1", mode))
    if page.name == "category_p1000" and mode != "fresh" and p1:
        out.append((f"p50≤{DEEP_PAGE_LIMIT}×p1", s["p50_ms"] <= DEEP_PAGE_LIMIT * p1["p50_ms"]))
    if s["repeats"]:  # built fresh by header when it can be, else no longer a fresh row
        refreshed = bool(page.refresh)
        out.append(
            (f"{s['repeats']} URL lặp lại" + (" (làm mới bằng header)" if refreshed else ""), refreshed)
        )
    out.append(("", s["errors"] == 0))
    return out


def report(live, runs, samples, rss):
    from bench.middleware import HEADER

    by_name = {p.name: p for p in live}
    stats = {key: summarize(results) for key, results in samples.items()}
    floor = stats[("floor", "returning")]["rps"] or float("nan")
    pages = {}
    for (name, mode), s in stats.items():
        page = by_name[name]
        s["ratio_to_floor"] = round(s["rps"] / floor, 3)
        s["queries"] = page.queries
        s["queries_cold"] = page.queries_cold
        s["queries_cached"] = page.queries_cached
        s["url"] = page.url
        s["mode"] = mode
        if mode == "fresh":
            s["fresh_by"] = (
                f"header {HEADER}: {page.fresh.namespace}"
                if isinstance(page.fresh, Bump)
                else f"walking {len(page.pool)} distinct URLs"
            )
        s["target"] = [text for text, _ in checks(page, mode, s, stats) if text]
        pages[f"{name}_{mode}"] = s
    for page in PAGES:
        for mode in page.modes:
            if not page.url or mode in page.skipped:
                pages[f"{page.name}_{mode}"] = {
                    "missing": True,
                    "reason": page.skipped.get(mode, "no such page"),
                }
    for alias, (name, mode) in ALIASES.items():
        pages[alias] = stats.get((name, mode), {"missing": True})
    result = {
        "commit": commit(),
        "machine": machine(),
        "setup": f"wrk -t{THREADS} -c{CONNECTIONS}, {ROUNDS} interleaved rounds × {DURATION} s, "
        f"gunicorn {WORKERS} sync workers, DEBUG=0, PostgreSQL",
        "pages": pages,
        "worker_rss_mb": round(rss, 1),
        "worker_rss_limit_mb": WORKER_RSS_LIMIT_MB,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")

    header = (
        f"{'page':<16}{'mode':<10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'err':>6}{'×floor':>8}"
        f"{'SQL':>11}  target"
    )
    print(f"\n{result['setup']}\n{result['machine']} — commit {result['commit']}\n")
    print(header)
    print("-" * len(header))
    for page in live:
        for mode in page.modes:
            sql = "/".join(
                "–" if n is None else str(n) for n in (page.queries_cold, page.queries, page.queries_cached)
            )
            if mode in page.skipped:
                print(f"{page.name:<16}{mode:<10}{'':>50}{sql:>11}  {page.skipped[mode]}")
                continue
            s = stats[(page.name, mode)]
            row = checks(page, mode, s, stats)
            verdict = "ok" if all(met for _, met in row) else "MISSED"
            targets = ", ".join(text for text, _ in row if text)
            print(
                f"{page.name:<16}{mode:<10}{s['rps']:>9.0f}{s['p50_ms']:>9.1f}{s['p99_ms']:>9.1f}"
                f"{s['errors']:>6}{s['ratio_to_floor']:>8.2f}{sql:>11}  {verdict:<7}{targets}"
            )
    for page in PAGES:
        if not page.url and not all(reason == "not in BENCH_PAGES" for reason in page.skipped.values()):
            print(f"{page.name:<16}(chưa có trang này)")
    rss_verdict = "ok" if rss < WORKER_RSS_LIMIT_MB else "MISSED"
    print(f"\nGunicorn worker RSS (max): {rss:.0f} MB, target < {WORKER_RSS_LIMIT_MB} MB: {rss_verdict}")
    print("SQL = queries for one request: cold (every cache empty) / fresh / cached")
    print(f"JSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
