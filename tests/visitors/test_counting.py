"""Counting rules (SPEC): what counts as a visit, an article view, and who is online."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from danvan_site.visitors import counter
from danvan_site.visitors.models import CounterSettings
from tests.factories import PublishedArticleFactory, ReviewArticleFactory

from .conftest import BROWSER, views_shown, write_statements, written_tables

pytestmark = pytest.mark.django_db


def figures():
    return counter.current_figures()


def views(article):
    article.refresh_from_db()
    return article.view_count


def test_first_page_counts_one_visit_on_every_figure(browser):
    browser.get("/")
    assert figures() == counter.Figures(online=1, today=1, week=1, total=1)


def test_reloading_an_article_ten_times_counts_one_view_and_one_visit(browser):
    article = PublishedArticleFactory()
    for _ in range(10):
        assert browser.get(article.get_absolute_url()).status_code == 200
    assert views(article) == 1
    assert figures().today == 1


def test_reading_two_articles_in_one_visit_counts_each_once(browser):
    first, second = PublishedArticleFactory(), PublishedArticleFactory()
    for url in (first.get_absolute_url(), second.get_absolute_url(), first.get_absolute_url()):
        browser.get(url)
    assert (views(first), views(second)) == (1, 1)
    assert figures().today == 1


def test_two_visitors_count_two_views_and_two_visits(new_browser):
    article = PublishedArticleFactory()
    new_browser().get(article.get_absolute_url())
    new_browser().get(article.get_absolute_url())
    assert views(article) == 2
    assert figures().today == 2


def test_article_view_counts_again_after_30_minutes(browser):
    """The view flag cookie is path-scoped and lives 30 minutes; a browser then drops it."""
    article = PublishedArticleFactory()
    response = browser.get(article.get_absolute_url())
    flag = response.cookies[counter.read_cookie(article.pk)]
    assert (flag["path"], flag["max-age"]) == (article.get_absolute_url(), 30 * 60)
    del browser.cookies[counter.read_cookie(article.pk)]  # what the browser does when max-age runs out
    browser.get(article.get_absolute_url())
    assert views(article) == 2


def test_print_view_is_not_another_view_of_the_article(browser):
    article = PublishedArticleFactory()
    browser.get(article.get_absolute_url())
    browser.get(f"{article.get_absolute_url()}in/")
    assert views(article) == 1


def test_staff_preview_of_an_unpublished_article_is_not_a_view(browser, editor):
    article = ReviewArticleFactory()
    browser.force_login(editor)
    assert browser.get(article.get_absolute_url()).status_code == 200
    assert views(article) == 0


def test_page_shows_views_and_statistics_hooks(browser):
    article = PublishedArticleFactory()
    CounterSettings.objects.create(total_offset=234_000)
    browser.get("/")  # counted: 1 visit
    html = browser.get(article.get_absolute_url()).content.decode()
    assert 'id="visitor-stats"' in html
    assert '<dd data-stat="today">1</dd>' in html
    assert '<dd data-stat="week">1</dd>' in html
    assert '<dd data-stat="total">234.001</dd>' in html
    assert '<dd data-stat="online">1</dd>' in html
    assert '<span data-stat="views">0</span>' in html  # rendered before this view is counted


def test_most_read_sidebar_follows_counted_views(new_browser):
    popular, other = PublishedArticleFactory(title="Bài đọc nhiều"), PublishedArticleFactory()
    for _ in range(3):
        new_browser().get(popular.get_absolute_url())
    cache.clear()  # the sidebar list is cached for a few minutes
    html = new_browser().get(other.get_absolute_url()).content.decode()
    most_read = html.split('id="most-read"', 1)[1].split("</section>", 1)[0]
    assert most_read.index("Bài đọc nhiều") < most_read.index(other.title)


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.6367.201 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "python-requests/2.31.0",
        "",
    ],
)
def test_bots_and_clients_without_user_agent_are_not_counted(client, user_agent):
    article = PublishedArticleFactory()
    response = client.get(article.get_absolute_url(), HTTP_USER_AGENT=user_agent)
    assert response.status_code == 200
    assert counter.VISIT_COOKIE not in response.cookies
    assert views(article) == 0
    assert figures() == counter.Figures(0, 0, 0, 0)


@pytest.mark.parametrize(
    "path", ["/static/css/site.css", "/admin/login/", "/dang-nhap/", "/rss/", "/khong-co/"]
)
def test_static_admin_login_feeds_and_errors_are_not_counted(browser, path):
    browser.get(path)
    assert figures() == counter.Figures(0, 0, 0, 0)


def test_non_get_is_not_counted(browser):
    browser.head("/")
    assert figures().today == 0


def test_prefetch_is_not_counted(browser):
    browser.get("/", HTTP_SEC_PURPOSE="prefetch")
    assert figures().today == 0


def test_visit_cookie_holds_a_random_id_for_30_minutes(browser):
    cookie = browser.get("/").cookies[counter.VISIT_COOKIE]
    visitor_id, minute = counter.parse_visit_cookie(cookie.value)  # and the visit's first minute
    assert len(visitor_id) == 22 and minute is not None
    assert cookie["max-age"] == 30 * 60
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_new_visit_starts_when_the_visit_cookie_is_gone(browser):
    browser.get("/")
    browser.cookies.clear()  # 30 minutes without a page: the browser dropped the cookie
    browser.get("/")
    assert figures().today == 2


def test_forged_visitor_id_is_treated_as_a_new_visitor(browser):
    browser.cookies[counter.VISIT_COOKIE] = "'; DROP TABLE x; --"
    response = browser.get("/")
    assert figures().today == 1
    assert counter.parse_visit_cookie(response.cookies[counter.VISIT_COOKIE].value) is not None


def test_returning_readers_repeat_view_writes_nothing(browser, housekeeping_not_due):
    article = PublishedArticleFactory()
    browser.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        browser.get(article.get_absolute_url())
    assert write_statements(queries) == []


def test_new_visitor_writes_only_atomic_statements(browser, housekeeping_not_due):
    """No read-modify-write: the minute row and the article are incremented by the database."""
    article = PublishedArticleFactory()
    Client().get("/")  # not counted (no User-Agent); creates the site settings row
    with CaptureQueriesContext(connection) as queries:
        browser.get(article.get_absolute_url())
    assert written_tables(queries) == ["articles_article", "visitors_visitminute"]
    sql = " ".join(write_statements(queries))
    assert 'UPDATE "articles_article" SET "view_count" = "view_count" + 1 WHERE "id" = ' in sql
    assert 'ON CONFLICT ("minute") DO UPDATE SET "visits" = "visitors_visitminute"."visits" + 1' in sql


def test_online_counts_distinct_visitors_and_expires_after_5_minutes(browser, new_browser, time_machine):
    time_machine.move_to("2026-11-24 10:00:00+07:00", tick=False)
    browser.get("/")
    browser.get("/")
    new_browser().get("/")
    assert figures().online == 2
    time_machine.move_to("2026-11-24 10:04:50+07:00", tick=False)
    assert figures().online == 2
    time_machine.move_to("2026-11-24 10:05:01+07:00", tick=False)
    assert figures().online == 0


def test_a_reader_still_reading_stays_online(browser, time_machine):
    time_machine.move_to("2026-11-24 10:00:00+07:00", tick=False)
    browser.get("/")
    time_machine.move_to("2026-11-24 10:04:00+07:00", tick=False)
    browser.cookies.pop(counter.SEEN_COOKIE, None)  # none after a new visit; 60 s otherwise
    browser.get("/")
    time_machine.move_to("2026-11-24 10:08:00+07:00", tick=False)
    assert figures().online == 1
    assert figures().today == 1


def test_expired_last_seen_rows_are_pruned(browser, time_machine):
    from danvan_site.visitors.models import Presence

    time_machine.move_to("2026-11-24 10:00:00+07:00", tick=False)
    browser.get("/")
    time_machine.move_to("2026-11-24 10:02:00+07:00", tick=False)
    browser.get("/")  # a returning reader: a last-seen row
    assert Presence.objects.count() == 1
    time_machine.move_to("2026-11-24 10:07:01+07:00", tick=False)
    counter.housekeeping(counter.timezone.now(), force=True)
    assert Presence.objects.count() == 0


class TestDayAndWeekBoundaries:
    """Days and weeks start at 00:00 in Asia/Ho_Chi_Minh (UTC+7), weeks on Monday."""

    def visit_at(self, time_machine, new_browser, when):
        time_machine.move_to(when, tick=False)
        assert new_browser().get("/").status_code == 200

    def test_today_restarts_at_local_midnight_and_the_week_keeps_counting(self, time_machine, new_browser):
        self.visit_at(time_machine, new_browser, "2026-11-24 23:59:00+07:00")  # Tuesday
        assert figures().today == 1
        time_machine.move_to("2026-11-25 00:01:00+07:00", tick=False)  # Wednesday
        assert (figures().today, figures().week, figures().total) == (0, 1, 1)
        self.visit_at(time_machine, new_browser, "2026-11-25 00:01:30+07:00")
        assert (figures().today, figures().week, figures().total) == (1, 2, 2)

    def test_local_midnight_is_17_utc(self, time_machine, new_browser):
        self.visit_at(time_machine, new_browser, "2026-11-24 16:59:00+00:00")  # 23:59 Tuesday local
        time_machine.move_to("2026-11-24 17:01:00+00:00", tick=False)  # 00:01 Wednesday local
        assert figures().today == 0

    def test_week_restarts_on_monday_and_total_keeps_counting(self, time_machine, new_browser):
        self.visit_at(time_machine, new_browser, "2026-11-28 12:00:00+07:00")  # Saturday
        self.visit_at(time_machine, new_browser, "2026-11-29 23:59:00+07:00")  # Sunday
        assert (figures().today, figures().week, figures().total) == (1, 2, 2)
        time_machine.move_to("2026-11-30 00:01:00+07:00", tick=False)  # Monday
        assert (figures().today, figures().week, figures().total) == (0, 0, 2)
        self.visit_at(time_machine, new_browser, "2026-11-30 00:01:30+07:00")
        assert (figures().today, figures().week, figures().total) == (1, 1, 3)

    def test_visit_across_midnight_counts_once_on_the_day_it_started(self, time_machine, browser):
        time_machine.move_to("2026-11-24 23:59:00+07:00", tick=False)
        browser.get("/")
        time_machine.move_to("2026-11-25 00:01:00+07:00", tick=False)
        browser.get("/")  # same visit: its cookie is still live
        assert (figures().today, figures().total) == (0, 1)


def test_admin_offset_is_added_to_total_only(browser):
    CounterSettings.objects.create(total_offset=1000)
    browser.get("/")
    assert figures() == counter.Figures(online=1, today=1, week=1, total=1001)


def test_statistics_cost_one_query_per_page_even_when_closed_days_are_not_cached(browser, time_machine):
    from danvan_site.visitors.models import DailyVisits

    time_machine.move_to("2026-11-25 10:00+07:00", tick=False)  # a Wednesday
    DailyVisits.objects.create(day="2026-11-23", visits=5)  # Monday of this week
    DailyVisits.objects.create(day="2026-11-20", visits=7)  # last week
    for _ in range(2):  # closed days read along, then from the process's memory (no round trip)
        with CaptureQueriesContext(connection) as queries:
            figures_now = counter.current_figures()
        assert len(queries) == 1
        assert (figures_now.week, figures_now.total) == (5, 12)


def test_a_counted_view_shows_the_count_from_its_own_write(new_browser):
    """A new reader of a cached article page sees the count before their view, taken from the
    write that counts it (`UPDATE … RETURNING`): no second query reads the count."""
    article = PublishedArticleFactory()
    Article.objects.filter(pk=article.pk).update(view_count=41)
    new_browser().get(article.get_absolute_url())  # renders and caches the page; counted: 42
    with CaptureQueriesContext(connection) as queries:
        response = new_browser().get(article.get_absolute_url())
    assert views_shown(response) == "42"
    assert views(article) == 43
    assert not [q for q in queries if q["sql"].startswith("SELECT") and '"view_count"' in q["sql"]]
    assert counter.VIEWS_MARKER.encode() not in response.content
    assert int(response["Content-Length"]) == len(response.content)


def test_a_repeat_view_and_a_bot_see_the_count_as_it_is_now(browser):
    article = PublishedArticleFactory()
    browser.get(article.get_absolute_url())  # counted: 1
    Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + 1000)  # other readers
    assert views_shown(browser.get(article.get_absolute_url())) == "1.001"  # not counted again
    bot = Client(
        headers={"user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}
    )
    response = bot.get(article.get_absolute_url())
    assert views_shown(response) == "1.001"
    assert counter.VIEWS_MARKER.encode() not in response.content
    assert views(article) == 1001


def test_counter_switched_off_still_shows_the_view_count(settings):
    settings.VISITORS_ENABLED = False
    article = PublishedArticleFactory()
    Article.objects.filter(pk=article.pk).update(view_count=1234)
    assert views_shown(Client(headers={"user-agent": BROWSER}).get(article.get_absolute_url())) == "1.234"


def test_counter_switched_off_counts_nothing_and_hides_the_box(settings):
    settings.VISITORS_ENABLED = False
    response = Client(headers={"user-agent": BROWSER}).get("/")
    assert 'id="visitor-stats"' not in response.content.decode()
    assert counter.VISIT_COOKIE not in response.cookies
    settings.VISITORS_ENABLED = True
    assert figures().today == 0


def test_database_error_while_counting_still_serves_the_page(browser, monkeypatch):
    from django.db import OperationalError

    def locked(hit):
        raise OperationalError("database is locked")

    monkeypatch.setattr(counter, "record_hit", locked)
    response = browser.get("/")
    assert response.status_code == 200
    assert counter.VISIT_COOKIE not in response.cookies


def test_closed_days_are_not_cached_in_the_first_minute_after_midnight(time_machine, new_browser):
    """A visit that began at 23:59:59 may commit a moment after midnight."""
    time_machine.move_to("2026-11-25 00:00:10+07:00", tick=False)
    assert figures().total == 0
    from danvan_site.visitors.models import VisitMinute

    # The late commit: a visit that began at 23:59:59 lands in yesterday's last minute.
    VisitMinute.objects.create(minute="2026-11-24 23:59:00+07:00", visits=1)
    assert figures().total == 1
    time_machine.move_to("2026-11-25 00:02:00+07:00", tick=False)
    assert (figures().total, figures().week) == (1, 1)


def test_the_box_is_redrawn_at_most_once_a_max_age_while_counting_stays_exact(browser, settings, monkeypatch):
    from articles import live

    clock = [1000.0]
    monkeypatch.setattr(live.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(live, "_last_box", (0.0, ""))
    settings.VISITOR_STATS_MAX_AGE = 1.0
    assert '<dd data-stat="today">0</dd>' in live.visitor_stats(None)  # drawn before anyone came
    browser.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert '<dd data-stat="today">0</dd>' in live.visitor_stats(None)  # the same box, no query
    assert len(queries) == 0
    assert figures().today == 1  # the count itself is exact at once
    clock[0] += 1.0
    assert '<dd data-stat="today">1</dd>' in live.visitor_stats(None)  # redrawn after a second
