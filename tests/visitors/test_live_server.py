"""The counter through a real threaded server and real connections: exact under concurrency on
SQLite (WAL, IMMEDIATE transactions) and on PostgreSQL (`DATABASE_URL`), and with a real cookie jar
(expiry, paths) as a browser keeps it."""

import http.cookiejar
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from danvan_site.visitors import counting
from tests.factories import PublishedArticleFactory, views_of

from .conftest import BROWSER

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 50


def fetch(url, opener=None):
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER, "Accept": "text/html"})
    with (opener or urllib.request.build_opener()).open(request, timeout=60) as response:
        response.read()
        return response.status


def test_parallel_new_visitors_add_exactly_their_number(live_server):
    article = PublishedArticleFactory()
    url = live_server.url + article.get_absolute_url()
    start = threading.Barrier(PARALLEL)

    def one_new_visitor(_):
        start.wait()  # all 50 requests leave together
        return fetch(url)

    with ThreadPoolExecutor(PARALLEL) as pool:
        statuses = list(pool.map(one_new_visitor, range(PARALLEL)))

    assert statuses == [200] * PARALLEL
    assert views_of(article) == PARALLEL
    figures = counting.current_figures()
    assert (figures.today, figures.week, figures.total, figures.online) == (PARALLEL,) * 4


def test_parallel_returning_reader_pages_add_one_visit(live_server):
    """One browser opening many tabs at once after its first page: still one visit."""
    article = PublishedArticleFactory()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    fetch(live_server.url + "/", opener)
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda _: fetch(live_server.url + article.get_absolute_url(), opener), range(10)))
    assert counting.current_figures().today == 1


def test_a_browser_reading_two_articles_counts_each_once(live_server):
    first, second = PublishedArticleFactory(), PublishedArticleFactory()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    for article in (first, second, first, second):
        fetch(live_server.url + article.get_absolute_url(), opener)
    assert (views_of(first), views_of(second)) == (1, 1)
    assert counting.current_figures().today == 1


def test_visits_end_after_30_idle_minutes_and_views_count_once_per_30_minutes(live_server, time_machine):
    time_machine.move_to("2026-11-24 09:00:00+07:00", tick=False)
    article = PublishedArticleFactory()  # published then, whatever day the suite runs
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    url = live_server.url + article.get_absolute_url()
    fetch(url, opener)
    time_machine.move_to("2026-11-24 09:29:00+07:00", tick=False)
    fetch(url, opener)  # within 30 minutes: same visit, same view, and the visit slides on
    assert (counting.current_figures().today, views_of(article)) == (1, 1)
    time_machine.move_to("2026-11-24 09:58:00+07:00", tick=False)
    fetch(url, opener)  # the visit is still live (29 idle minutes), the view is 58 minutes old
    assert (counting.current_figures().today, views_of(article)) == (1, 2)
    time_machine.move_to("2026-11-24 10:29:00+07:00", tick=False)  # 31 idle minutes
    fetch(url, opener)
    assert (counting.current_figures().today, views_of(article)) == (2, 3)
