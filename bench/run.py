"""`make bench`: the public pages under load on a large data set, against a floor page.

Run by `make bench` inside a throwaway PostgreSQL 15 cluster (DATABASE_URL is set by .ci/pg.sh):

1. migrate and `seed_demo --size large` (50,000 articles over 15 years);
2. count SQL queries per page with Django's test client: cold (every cache empty, as after a
   deploy), miss (the page rendered again: the page cache empty, the shared cache warm) and
   cached (the page served from the page cache);
3. start the site as `make serve` does (gunicorn, DEBUG off, the production cache) and drive each
   page with wrk, every page in every round (interleaved), so a noisy machine slows all pages
   alike and the ratios to the floor page hold;
4. print one table and write `bench/results/latest.json`.

Pages are data: add one line to PAGES for a new page (a path, or a function that finds one in
the data, returning None when the page does not exist yet: it is then reported as missing).
Environment knobs: BENCH_ROUNDS (3), BENCH_DURATION (seconds per wrk run, 5), BENCH_CONNECTIONS
(16), BENCH_THREADS (2), BENCH_PORT (8110), BENCH_SKIP_SEED=1 (reuse the data).
"""

import json
import os
import platform
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
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

# The settings `make serve` runs with, plus the floor page and a plain-HTTP loopback.
SERVE_ENV = {
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
    "SECRET_KEY": "bench-" + secrets.token_urlsafe(32),
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "BENCH_FLOOR": "1",
    "WEB_CONCURRENCY": str(WORKERS),
    "MEDIA_ROOT": os.environ.get("BENCH_MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "danvan-bench-media")),
    "LOG_LEVEL": "WARNING",
}


# --- The pages ---------------------------------------------------------------------------------
def _category_page(number):
    def find():
        from articles.models import Category

        category = Category.objects.filter(slug=BIG_CATEGORY).first() or Category.objects.first()
        return f"{category.get_absolute_url()}?page={number}" if category else None

    return find


def _article():
    from articles.models import Article

    article = Article.objects.published().filter(category__slug="tin-trong-tinh").first()
    return article.get_absolute_url() if article else None


def _summary():
    """The province summary of the latest period (reports app), when it exists."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse

    try:
        period = apps.get_model("reports", "ReportingPeriod").objects.order_by("-year", "-pk").first()
        return reverse("reports:summary", args=[period.slug]) if period else None
    except (LookupError, NoReverseMatch):
        return None


@dataclass
class Page:
    name: str
    find: object  # a path, or a callable returning one (None: the page does not exist yet)
    modes: tuple = ("returning", "new")
    user: str | None = None  # log in as this demo account (returning mode only)
    url: str | None = None
    queries: int | None = None  # page-cache miss: what rendering the page costs
    queries_cold: int | None = None
    queries_warm: int | None = None
    cookies: dict = field(default_factory=dict)


PAGES = [
    Page("floor", "/bench/floor/"),
    Page("home", "/"),
    Page("category_p1", _category_page(1)),
    Page("category_p1000", _category_page(1000)),
    Page("article", _article),
    Page("search", f"/tim-kiem/?q={quote(SEARCH_PHRASE)}"),
    Page("showcase", "/mo-hinh/"),
    Page("summary", _summary, modes=("returning",), user="province"),
]
# The JSON keys → (page, mode); every other measured pair is written as <page>_<mode>.
ALIASES = {
    "floor": ("floor", "returning"),
    "article_returning": ("article", "returning"),
    "article_new": ("article", "new"),
    "home_returning": ("home", "returning"),
    "category_p1": ("category_p1", "returning"),
    "category_p1000": ("category_p1000", "returning"),
    "search": ("search", "returning"),
    "showcase": ("showcase", "returning"),
    "summary": ("summary", "returning"),
}
# Targets of the issue, checked in the table: minimum ratio to the floor page and p99 ceiling.
TARGETS = {
    ("article", "returning"): 0.6,
    ("article", "new"): 0.4,
    ("home", "returning"): 0.6,
    ("category_p1", "returning"): 0.6,
}
P99_LIMIT_MS = {"search": 150}


# --- Steps ---------------------------------------------------------------------------------------
def manage(*args, extra_env=None):
    env = {**os.environ, **SERVE_ENV, **(extra_env or {})}
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare():
    manage("collectstatic", "--noinput", "-v", "0")
    if os.environ.get("BENCH_SKIP_SEED") == "1":
        return
    started = time.monotonic()
    manage("migrate", "--noinput", "-v", "0")
    manage("createcachetable")
    # Demo accounts exist only with DEBUG on; this database is thrown away after the run. The
    # bulk part runs with DEBUG off: DEBUG keeps every (huge) INSERT statement and is 3× slower.
    manage("seed_demo", extra_env={"DEBUG": "1"})
    manage("seed_demo", "--no-accounts", "--size", "large")
    print(f"Dữ liệu lớn: {time.monotonic() - started:.0f} s", flush=True)


def setup_django():
    os.environ.update(SERVE_ENV)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan_site.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def resolve_pages():
    for page in PAGES:
        try:
            page.url = page.find() if callable(page.find) else page.find
        except Exception as exc:  # a page of an app that is not there yet
            print(f"  {page.name}: {exc!r}")
            page.url = None


def count_queries():
    """SQL queries per page with the test client: cold, miss and cached (see module doc)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

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
        for alias in settings.CACHES:
            caches[alias].clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(page.url)
        if response.status_code != 200:
            print(f"  {page.name}: {page.url} → HTTP {response.status_code}: bỏ qua")
            page.url = None
            continue
        with CaptureQueriesContext(connection) as warm:
            client.get(page.url)
        caches["pages"].clear()
        with CaptureQueriesContext(connection) as miss:
            client.get(page.url)
        page.queries_cold, page.queries, page.queries_warm = len(cold), len(miss), len(warm)
        if page.user:
            page.cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    for alias in settings.CACHES:
        caches[alias].clear()


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
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,' ..
    '"errors":%d}\\n', summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk(url, cookies, duration, script):
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "5s", "-s", script]
    cmd += ["-H", f"User-Agent: {BROWSER}"]  # a browser: the visitor counter counts it
    if cookies:
        cmd += ["-H", "Cookie: " + cookie_header(cookies)]
    out = subprocess.run([*cmd, BASE + url], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    result = json.loads(line[6:])
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
    runs = [(p, mode) for p in live for mode in p.modes]
    proc = start_server()
    rss = 0.0
    samples: dict[tuple, list] = {(p.name, mode): [] for p, mode in runs}
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
            f.write(WRK_SCRIPT)
        cookies = {p.name: returning_cookies(BASE + p.url, p.cookies) for p in live}
        for p, mode in runs:  # warm-up: imports, caches, connections
            wrk(p.url, cookies[p.name] if mode == "returning" else p.cookies, 1, f.name)
            settle()
        for n in range(ROUNDS):
            print(f"Vòng {n + 1}/{ROUNDS} …", flush=True)
            for p, mode in runs:
                result = wrk(p.url, cookies[p.name] if mode == "returning" else p.cookies, DURATION, f.name)
                samples[(p.name, mode)].append(result)
                rss = max(rss, worker_rss_mb(proc))
                settle()
    finally:
        stop_server(proc)
    report(live, runs, samples, rss)


def summarize(results):
    rps = [r["requests"] / (r["duration_us"] / 1e6) for r in results if r["duration_us"]]
    return {
        "rps": round(statistics.median(rps), 1) if rps else 0.0,
        "runs": results,
        "p50_ms": round(statistics.median(r["p50_us"] for r in results) / 1000, 1),
        "p99_ms": round(statistics.median(r["p99_us"] for r in results) / 1000, 1),
        "errors": sum(r["errors"] for r in results),
    }


def report(live, runs, samples, rss):
    by_name = {p.name: p for p in live}
    stats = {key: summarize(results) for key, results in samples.items()}
    floor = stats[("floor", "returning")]["rps"] or float("nan")
    pages = {}
    for (name, mode), s in stats.items():
        s["ratio_to_floor"] = round(s["rps"] / floor, 3)
        s["queries"] = by_name[name].queries
        s["queries_cold"] = by_name[name].queries_cold
        s["queries_cached"] = by_name[name].queries_warm
        s["url"] = by_name[name].url
        s["mode"] = mode
        pages[f"{name}_{mode}"] = s
    for alias, (name, mode) in ALIASES.items():
        pages[alias] = stats.get((name, mode), {"missing": True})
    result = {
        "commit": commit(),
        "machine": machine(),
        "setup": f"wrk -t{THREADS} -c{CONNECTIONS}, {ROUNDS} interleaved rounds × {DURATION} s, "
        f"gunicorn {WORKERS} sync workers, DEBUG=0, PostgreSQL",
        "pages": pages,
        "worker_rss_mb": round(rss, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")

    p1 = stats.get(("category_p1", "returning"))
    header = f"{'page':<16}{'mode':<10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'err':>6}{'×floor':>8}{'SQL':>10}  target"
    print(f"\n{result['setup']}\n{result['machine']} — commit {result['commit']}\n")
    print(header)
    print("-" * len(header))
    for p, mode in runs:
        s = stats[(p.name, mode)]
        checks = []
        if (p.name, mode) in TARGETS:
            checks.append(s["ratio_to_floor"] >= TARGETS[(p.name, mode)])
        if p.name != "floor":
            checks.append(s["p99_ms"] < P99_LIMIT_MS.get(p.name, 100))
        if p.name == "category_p1000" and p1:
            checks.append(s["p50_ms"] <= 1.5 * p1["p50_ms"])
        checks.append(s["errors"] == 0)
        sql = f"{p.queries_cold}/{p.queries}/{p.queries_warm}"
        print(
            f"{p.name:<16}{mode:<10}{s['rps']:>9.0f}{s['p50_ms']:>9.1f}{s['p99_ms']:>9.1f}"
            f"{s['errors']:>6}{s['ratio_to_floor']:>8.2f}{sql:>10}  {'ok' if all(checks) else 'MISSED'}"
        )
    for alias, value in pages.items():
        if value.get("missing"):
            print(f"{alias:<16}(chưa có trang này)")
    print(f"\nGunicorn worker RSS (max): {rss:.0f} MB — SQL = queries cold/miss/cached")
    print(f"JSON: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
