"""Web standards on every page type of the demo site: valid HTML (Nu Html Checker), accessible
(axe-core, WCAG 2.1 AA), usable at 360 px, clean (no console error, failed or external request),
and within the article page's paint and transfer budgets.

All the work happens once, in the module-scoped `audit` fixture: it seeds the demo site, fetches
each page type's HTML with the test client (vnu checks all of them in one JVM run) and opens
each in Chromium at 1280 and 360 px. The tests then assert on what it found, one behaviour and
one page type per test, so a failure names the page and the rule.
"""

import json
import re
import statistics
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from tests.browser.conftest import RESULTS, new_page, restore_migrated_data
from tests.browser.pages import PAGE_TYPES, FirstLink, PageType
from tests.browser.standards import HORIZONTAL_OVERFLOW_JS, PAGE_CHECKS_JS, run_axe, validate_html

pytestmark = pytest.mark.browser

FCP_BUDGET_MS = 1500
TRANSFER_BUDGET_BYTES = 300 * 1024
CPU_SLOWDOWN = 4
FCP_RUNS = 5


@dataclass
class PageAudit:
    page_type: PageType
    url: str = ""
    skipped: str = ""
    html_file: Path | None = None
    status_problems: list[str] = field(default_factory=list)
    html_errors: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    page_checks: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def resolve_url(page_type: PageType, client: Client) -> str:
    url = page_type.url
    if isinstance(url, FirstLink):
        html = client.get(url.path).content.decode()
        for href in re.findall(r'href="([^"]+)"', html):
            if re.fullmatch(url.pattern, href):
                return href
        raise AssertionError(f"no link matching {url.pattern!r} on {url.path}")
    return url() if callable(url) else url


def session_cookie(client: Client, base_url: str) -> list[dict]:
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return [{"name": cookie.key, "value": cookie.value, "url": base_url}] if cookie else []


def browser_audit(browser, base_url: str, audit: PageAudit, cookies: list[dict]):
    """Open the page at 1280 px (axe, page checks) and at 360 px (overflow, axe on the open menu)."""
    for phone in (False, True):
        page = new_page(browser, base_url, phone=phone)
        try:
            page.context.add_cookies(cookies)
            page.watch.allow(base_url + audit.url, audit.page_type.status)
            response = page.goto(audit.url, wait_until="load")
            if response.status != audit.page_type.status:
                audit.status_problems.append(f"HTTP {response.status} in the browser")
            width = "360" if phone else "1280"
            page.screenshot(path=RESULTS / f"page-{audit.page_type.name}-{width}.png", full_page=True)
            if phone:
                audit.overflow += page.evaluate(HORIZONTAL_OVERFLOW_JS)
                toggle = page.locator(".menu-toggle > summary")
                if toggle.count() and toggle.is_visible():
                    toggle.click()
                    audit.overflow += [f"menu open: {p}" for p in page.evaluate(HORIZONTAL_OVERFLOW_JS)]
                audit.axe += [f"{width} px: {v}" for v in run_axe(page)]
            else:
                audit.axe += [f"{width} px: {v}" for v in run_axe(page)]
                audit.page_checks += page.evaluate(PAGE_CHECKS_JS)
            audit.problems += [f"{width} px: {p}" for p in page.watch.problems]
        finally:
            page.context.close()


def measure_budgets(browser, base_url: str, url: str) -> dict:
    """First Contentful Paint under a 4× CPU slowdown (median of 5 cold loads) and the bytes a
    phone transfers for the article page without scrolling (HTML, CSS, JS, fonts, images)."""
    fcps, ttfbs, transfers = [], [], []
    # One discarded load first, so the runs measure the page, not Python's first render of it.
    warm_up = new_page(browser, base_url, phone=True)
    warm_up.goto(url, wait_until="load")
    warm_up.context.close()
    for _ in range(FCP_RUNS):
        page = new_page(browser, base_url, phone=True)
        try:
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.goto(url, wait_until="load")
            page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
            fcps.append(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime"))
            ttfbs.append(page.evaluate("performance.getEntriesByType('navigation')[0].responseStart"))
            transfers.append(
                page.evaluate(
                    """() => [...performance.getEntriesByType('navigation'),
                              ...performance.getEntriesByType('resource')]
                         .reduce((sum, e) => sum + e.transferSize, 0)"""
                )
            )
        finally:
            page.context.close()
    desktop = new_page(browser, base_url)
    try:
        desktop.goto(url, wait_until="load")
        desktop_transfer = desktop.evaluate(
            """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                 .reduce((sum, e) => sum + e.transferSize, 0)"""
        )
    finally:
        desktop.context.close()
    return {
        "url": url,
        "fcp_ms_runs": [round(v) for v in fcps],
        "fcp_ms": round(statistics.median(fcps)),
        "fcp_budget_ms": FCP_BUDGET_MS,
        "ttfb_ms": round(statistics.median(ttfbs)),
        "cpu_slowdown": CPU_SLOWDOWN,
        "transfer_bytes_360": max(transfers),
        "transfer_bytes_1280": desktop_transfer,
        "transfer_budget_bytes": TRANSFER_BUDGET_BYTES,
    }


@pytest.fixture(scope="module")
def audit(browser, live_server, django_db_setup, django_db_blocker):
    html_dir = RESULTS / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    audits: dict[str, PageAudit] = {}
    base_url = live_server.url
    with django_db_blocker.unblock():
        restore_migrated_data()
        # seed_demo writes the demo accounts only with DEBUG on (tests run with it off).
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=StringIO())
        password = getattr(settings, "DEMO_PASSWORD", None) or "danvan-demo-2026"
        users = get_user_model().objects
        try:
            for page_type in PAGE_TYPES:
                entry = audits[page_type.name] = PageAudit(page_type)
                reason = page_type.missing_reason()
                if reason:
                    entry.skipped = reason
                    continue
                client = Client()
                if page_type.login:
                    assert client.login(username=page_type.login, password=password), page_type.login
                    assert users.filter(username=page_type.login).exists()
                try:
                    entry.url = resolve_url(page_type, client)
                except AssertionError as exc:  # one page's missing link must not hide the others
                    entry.status_problems.append(str(exc))
                    continue
                response = client.get(entry.url)
                if response.status_code != page_type.status:
                    entry.status_problems.append(f"HTTP {response.status_code} from the test client")
                entry.html_file = html_dir / f"{page_type.name}.html"
                entry.html_file.write_bytes(response.content)
                browser_audit(browser, base_url, entry, session_cookie(client, base_url))
            files = [a.html_file for a in audits.values() if a.html_file]
            errors = validate_html(files)
            for entry in audits.values():
                if entry.html_file:
                    entry.html_errors = errors.get(entry.html_file.resolve(), [])
            budgets = measure_budgets(browser, base_url, audits["article"].url)
            (RESULTS / "budgets.json").write_text(json.dumps(budgets, indent=2), encoding="utf-8")
            yield {"pages": audits, "budgets": budgets}
        finally:
            call_command("flush", interactive=False, verbosity=0)


def page_audit(audit, name, request=None, check="") -> PageAudit:
    entry = audit["pages"][name]
    if entry.skipped:
        pytest.skip(entry.skipped)
    reason = dict(entry.page_type.known_issues).get(check)
    if reason and request is not None:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    return entry


NAMES = [p.name for p in PAGE_TYPES]


def report(problems: list[str], entry: PageAudit) -> str:
    return f"{entry.page_type.name} ({entry.url}):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_page_answers_with_its_status(audit, name):
    entry = page_audit(audit, name)
    assert not entry.status_problems, report(entry.status_problems, entry)


@pytest.mark.parametrize("name", NAMES)
def test_html_is_valid(audit, name):
    """The Nu Html Checker finds no error in the HTML the server sends."""
    entry = page_audit(audit, name)
    assert not entry.html_errors, report(entry.html_errors, entry)


@pytest.mark.parametrize("name", NAMES)
def test_no_serious_accessibility_violation(audit, name):
    """axe-core: no serious or critical violation (and none of the rules the issue names) at
    1280 px and at 360 px with the menu open."""
    entry = page_audit(audit, name)
    assert not entry.axe, report(entry.axe, entry)


@pytest.mark.parametrize("name", NAMES)
def test_images_alt_one_main_skip_link_and_landmarks(audit, name):
    entry = page_audit(audit, name)
    assert not entry.page_checks, report(entry.page_checks, entry)


@pytest.mark.parametrize("name", NAMES)
def test_no_horizontal_scroll_at_360px(audit, name, request):
    entry = page_audit(audit, name, request, "overflow")
    assert not entry.overflow, report(entry.overflow, entry)


@pytest.mark.parametrize("name", NAMES)
def test_no_console_error_failed_or_external_request(audit, name):
    entry = page_audit(audit, name)
    assert not entry.problems, report(entry.problems, entry)


def test_article_first_contentful_paint_within_budget(audit):
    budgets = audit["budgets"]
    assert budgets["fcp_ms"] < FCP_BUDGET_MS, budgets


def test_article_transfer_within_budget(audit):
    budgets = audit["budgets"]
    assert budgets["transfer_bytes_360"] < TRANSFER_BUDGET_BYTES, budgets
    assert budgets["transfer_bytes_1280"] < TRANSFER_BUDGET_BYTES, budgets
