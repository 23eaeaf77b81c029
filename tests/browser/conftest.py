"""Real-browser fixtures: Debian's Chromium driven by Playwright, against pytest-django's live_server.

Playwright cannot download its own browser here, so it launches `/usr/bin/chromium` (override
with `CHROMIUM=`). Every page opened through `open_page` is watched: console errors, failed
requests and any request that leaves the site are recorded (and external ones aborted), so a
test can assert the page is clean. `shot(page, name)` writes the step at 360 and 1280 px into
`test-results/`.
"""

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS = Path(settings.BASE_DIR) / "test-results"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# Playwright waits this long at most for a selector or a navigation: local pages are fast,
# and a missing element should fail the test quickly rather than hang the suite.
TIMEOUT_MS = 15_000
_STARTED = time.time()


class PageWatch:
    """What went wrong while a page was open: console errors, failed and external requests."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.external_requests: list[str] = []
        self.allowed_statuses: dict[str, int] = {}
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)
        page.route("**/*", self._route)

    def _on_console(self, message):
        url = message.location.get("url", "")
        if self._is_browser_own(url):
            return
        if message.type == "error" and url not in self.allowed_statuses:
            self.console_errors.append(f"{message.text} ({url})")

    def _on_request_failed(self, request):
        # net::ERR_ABORTED is the browser cancelling a request because the page moved on (a click
        # or Enter navigated while the favicon or a font was still loading): not a fault of the
        # site. A missing or broken file still fails the check: it answers 4xx/5xx (_on_response).
        if request.failure == "net::ERR_ABORTED":
            return
        if not self._is_external(request.url):
            self.failed_requests.append(f"{request.url}: {request.failure}")

    def _on_response(self, response):
        if response.status >= 400 and self.allowed_statuses.get(response.url) != response.status:
            self.failed_requests.append(f"{response.url}: HTTP {response.status}")

    @staticmethod
    def _is_browser_own(url: str) -> bool:
        # Chromium's own PDF viewer (a document's PDF shown in its page) loads its parts from
        # chrome:// and chrome-extension://: the browser's, never a request of the site.
        return urlsplit(url).scheme in ("chrome", "chrome-extension")

    def _is_external(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or self._is_browser_own(url):
            return False
        return f"{parts.scheme}://{parts.netloc}" != self.origin

    def _route(self, route):
        # Nothing may leave the site (no CDN, fonts or trackers); abort so a test never waits on
        # the network, and record it so the standards check fails.
        if self._is_external(route.request.url):
            self.external_requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def allow(self, url: str, status: int):
        """The page under test answers with this status on purpose (e.g. the 404 page)."""
        self.allowed_statuses[url] = status

    @property
    def problems(self) -> list[str]:
        return (
            [f"console: {m}" for m in self.console_errors]
            + [f"failed request: {m}" for m in self.failed_requests]
            + [f"external request: {m}" for m in self.external_requests]
        )


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (starting it costs about a second)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test-browser` (it installs Debian's chromium).")
    # Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
    # thread with a running loop unless told the code is really synchronous, which it is.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    RESULTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def new_page(browser, base_url: str, *, phone: bool = False, storage_state=None):
    """A fresh context (no cache, no cookies) and page, watched by a `PageWatch` at `page.watch`."""
    context = browser.new_context(
        base_url=base_url,
        viewport=PHONE if phone else DESKTOP,
        is_mobile=phone,
        has_touch=phone,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        storage_state=storage_state,
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.watch = PageWatch(page, base_url.rstrip("/"))
    return page


@pytest.fixture
def open_page(browser, live_server):
    """Factory: `open_page(phone=True)` gives a new watched page on the live server."""
    pages = []

    def factory(*, phone: bool = False):
        page = new_page(browser, live_server.url, phone=phone)
        pages.append(page)
        return page

    yield factory
    for page in pages:
        page.context.close()


def shot(page, name: str, *, full_page: bool = True) -> list[Path]:
    """Screenshot the current step at 360 px and 1280 px wide into test-results/, then restore the
    viewport the test was using."""
    RESULTS.mkdir(exist_ok=True)
    current = page.viewport_size
    paths = []
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        path = RESULTS / f"{name}-{size['width']}.png"
        page.screenshot(path=path, full_page=full_page)
        paths.append(path)
    page.set_viewport_size(current)
    return paths


def login_in_browser(page, username: str, password: str, *, path: str = "/dang-nhap/"):
    """Log in through the real form (the site's or the admin's: both use these field ids)."""
    page.goto(path)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("#id_password").locator("xpath=ancestor::form").locator("[type=submit]").click()
    page.wait_for_load_state()


def pytest_terminal_summary(terminalreporter):
    """Print the article page's measured budgets (written by test_standards) after the run."""
    budgets = RESULTS / "budgets.json"
    if not budgets.exists() or budgets.stat().st_mtime < _STARTED:
        return
    import json

    data = json.loads(budgets.read_text(encoding="utf-8"))
    terminalreporter.write_sep("-", "article page budgets")
    terminalreporter.write_line(
        f"FCP {data['fcp_ms']} ms (runs {data['fcp_ms_runs']}, {data['cpu_slowdown']}x CPU slowdown, "
        f"time to first byte {data['ttfb_ms']} ms, "
        f"budget {data['fcp_budget_ms']} ms); transfer {data['transfer_bytes_360'] / 1024:.0f} KB at 360 px, "
        f"{data['transfer_bytes_1280'] / 1024:.0f} KB at 1280 px (budget {data['transfer_budget_bytes'] / 1024:.0f} KB)"
    )


def restore_migrated_data():
    """Put back the rows data migrations wrote (districts, fields …) after a transactional test
    flushed them. Journeys get this from `django_db_serialized_rollback`; module-scoped fixtures
    that seed outside a test call this first."""
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        connection.creation.deserialize_db_from_string(contents)


def pytest_collection_modifyitems(config, items):
    """Run this folder's tests before other browser-marked tests.

    The journeys and the standards audit need the rows data migrations wrote (districts, fields),
    which they restore from the snapshot pytest-django serializes at database setup; browser tests
    elsewhere in the suite (tests/articles, tests/security) were seen to leave that snapshot
    unavailable, so ours go first.
    """
    here = Path(__file__).parent
    items.sort(key=lambda item: 0 if Path(str(item.path)).is_relative_to(here) else 1)
