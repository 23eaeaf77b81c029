"""The reader both benchmarks imitate (bench/run.py, bench/counter.py): a phone browser, new or
returning. Imported by the scripts as `readers` (their folder is first on sys.path)."""

import re
import urllib.request
from http.cookies import SimpleCookie

# Without a User-Agent the visitor counter takes a client for a bot and skips it.
BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)


# A known crawler: the counter does not count it, so it can read the figures without moving them.
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def visitor_figures(url: str) -> dict[str, int]:
    """The "Thống kê truy cập" figures of the page at `url` as a reader sees them (`data-stat`
    online, today, week, total), read by a crawler."""
    request = urllib.request.Request(url, headers={"User-Agent": CRAWLER})
    with urllib.request.urlopen(request, timeout=10) as response:
        html = response.read().decode()
    figures = re.findall(r'<dd data-stat="([a-z]+)">([^<]*)</dd>', html)
    if not figures:
        raise SystemExit(f"no visitor figures (data-stat) on {url}")
    return {name: int(re.sub(r"\D", "", value)) for name, value in figures}


def cookie_header(cookies: dict) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def returning_cookies(url: str, cookies: dict | None = None, *, open_page=None) -> dict:
    """What a returning reader's browser holds some minutes into a visit to `url`: the CSRF cookie
    and the visitor counter's — `dv_vid`, `dv_r<id>` of an article and `dv_on` — so the counter
    writes nothing. wrk replays them as they are: a real browser's once-a-minute last-seen write is
    left out.

    `open_page(url, cookie header)` returns the page's Set-Cookie headers; by default over HTTP
    (bench/counter_inprocess.py passes one that calls the Django handler)."""
    jar = dict(cookies or {})
    received = SimpleCookie()
    for header in (open_page or _open_over_http)(url, cookie_header(jar)):
        received.load(header)
    jar.update((name, morsel.value) for name, morsel in received.items())
    return jar


def _open_over_http(url: str, cookie: str) -> list[str]:
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get_all("Set-Cookie") or []
