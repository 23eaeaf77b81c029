"""Counting rules (SPEC): what counts as a visit, an article view, and who is online."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from danvan_site import caching
from danvan_site.visitors import counting
from danvan_site.visitors.models import CounterSettings
from tests.factories import PublishedArticleFactory, ReviewArticleFactory, set_views, views_of

from .conftest import BROWSER, views_shown, writes

pytestmark = pytest.mark.django_db


def figures():
    return counting.current_figures()


def test_first_page_counts_one_visit_on_every_figure(browser):
    browser.get("/")
    assert figures() == counting.Figures(online=1, today=1, week=1, total=1)


def test_reloading_an_article_ten_times_counts_one_view_and_one_visit(browser):
    article = PublishedArticleFactory()
    for _ in range(10):
        assert browser.get(article.get_absolute_url()).status_code == 200
    assert views_of(article) == 1
    assert figures().today == 1


def test_reading_two_articles_in_one_visit_counts_each_once(browser):
    first, second = PublishedArticleFactory(), PublishedArticleFactory()
    for url in (first.get_absolute_url(), second.get_absolute_url(), first.get_absolute_url()):
        browser.get(url)
    assert (views_of(first), views_of(second)) == (1, 1)
    assert figures().today == 1


def test_two_visitors_count_two_views_and_two_visits(new_browser):
    article = PublishedArticleFactory()
    new_browser().get(article.get_absolute_url())
    new_browser().get(article.get_absolute_url())
    assert views_of(article) == 2
    assert figures().today == 2


def test_article_view_counts_again_after_30_minutes(browser):
    """The view flag cookie is path-scoped and lives 30 minutes; a browser then drops it."""
    article = PublishedArticleFactory()
    response = browser.get(article.get_absolute_url())
    flag = response.cookies[counting.view_cookie(article.pk)]
    assert (flag["path"], flag["max-age"]) == (article.get_absolute_url(), 30 * 60)
    del browser.cookies[counting.view_cookie(article.pk)]  # what the browser does when max-age runs out
    browser.get(article.get_absolute_url())
    assert views_of(article) == 2


def test_print_view_is_not_another_view_of_the_article(browser):
    article = PublishedArticleFactory()
    browser.get(article.get_absolute_url())
    browser.get(f"{article.get_absolute_url()}in/")
    assert views_of(article) == 1


def test_staff_preview_of_an_unpublished_article_is_not_a_view(browser, editor):
    article = ReviewArticleFactory()
    browser.force_login(editor)
    assert browser.get(article.get_absolute_url()).status_code == 200
    assert views_of(article) == 0


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
    # Views renew nothing kept: the list follows them once its kept copy expires (a few minutes).
    caching.local().clear()
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
    assert counting.VISIT_COOKIE not in response.cookies
    assert views_of(article) == 0
    assert figures() == counting.Figures(0, 0, 0, 0)


@pytest.mark.parametrize(
    "path", ["/static/css/site.css", "/admin/login/", "/dang-nhap/", "/rss/", "/khong-co/"]
)
def test_static_admin_login_feeds_and_errors_are_not_counted(browser, path):
    browser.get(path)
    assert figures() == counting.Figures(0, 0, 0, 0)


def test_non_get_is_not_counted(browser):
    browser.head("/")
    assert figures().today == 0


def test_prefetch_is_not_counted(browser):
    browser.get("/", HTTP_SEC_PURPOSE="prefetch")
    assert figures().today == 0


def test_visit_cookie_holds_a_random_id_for_30_minutes(browser):
    cookie = browser.get("/").cookies[counting.VISIT_COOKIE]
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", cookie.value)
    assert cookie["max-age"] == 30 * 60
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_new_visit_starts_when_the_visit_cookie_is_gone(browser):
    browser.get("/")
    browser.cookies.clear()  # 30 minutes without a page: the browser dropped the cookie
    browser.get("/")
    assert figures().today == 2


@pytest.mark.parametrize("forged", ["'; DROP TABLE x; --", "a" * 500, "\xe9t\xe9 \xff", "abc.123", ""])
def test_forged_visitor_id_is_treated_as_a_new_visitor(browser, forged):
    browser.cookies[counting.VISIT_COOKIE] = forged
    response = browser.get("/")
    assert response.status_code == 200
    assert figures().today == 1
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", response.cookies[counting.VISIT_COOKIE].value)


def test_returning_readers_repeat_view_writes_nothing(browser, pruned_a_moment_ago):
    article = PublishedArticleFactory()
    browser.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        browser.get(article.get_absolute_url())
    assert writes(queries) == []


def test_a_new_visitor_on_an_article_costs_three_writes(browser, pruned_a_moment_ago):
    """Its day, its last-seen time and the article's views: each one statement."""
    article = PublishedArticleFactory(view_count=5)  # read before, as on a running site
    browser.get("/")  # and today's row exists
    browser.cookies.clear()
    with CaptureQueriesContext(connection) as queries:
        browser.get(article.get_absolute_url())
    assert len(writes(queries)) == 3
    assert (views_of(article), figures().today, figures().online) == (6, 2, 2)


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
    browser.cookies.pop(counting.SEEN_COOKIE, None)  # none after a new visit; 60 s otherwise
    browser.get("/")
    time_machine.move_to("2026-11-24 10:08:00+07:00", tick=False)
    assert figures().online == 1
    assert figures().today == 1


def test_expired_last_seen_rows_are_pruned(browser, new_browser, time_machine):
    from danvan_site import caching
    from danvan_site.visitors.models import Presence

    time_machine.move_to("2026-11-24 10:00:00+07:00", tick=False)
    browser.get("/")
    assert Presence.objects.count() == 1
    time_machine.move_to("2026-11-24 10:07:01+07:00", tick=False)
    caching.local().clear()  # a minute has passed since this process last pruned
    new_browser().get("/")
    assert Presence.objects.count() == 1  # the new visitor only
    assert figures().online == 1


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
    assert figures() == counting.Figures(online=1, today=1, week=1, total=1001)


def test_statistics_sum_this_week_and_every_day(browser, time_machine):
    from danvan_site.visitors.models import DailyVisits

    time_machine.move_to("2026-11-25 10:00+07:00", tick=False)  # a Wednesday
    DailyVisits.objects.create(day="2026-11-23", visits=5)  # Monday of this week
    DailyVisits.objects.create(day="2026-11-20", visits=7)  # last week
    browser.get("/")
    assert figures() == counting.Figures(online=1, today=1, week=6, total=13)


def test_a_new_reader_sees_the_count_before_their_view(new_browser):
    article = PublishedArticleFactory()
    set_views(article, 41)
    assert views_shown(new_browser().get(article.get_absolute_url())) == "41"
    assert views_shown(new_browser().get(article.get_absolute_url())) == "42"
    assert views_of(article) == 43


def test_a_repeat_view_and_a_bot_see_the_count_as_it_is_now(browser):
    article = PublishedArticleFactory()
    browser.get(article.get_absolute_url())  # counted: 1
    set_views(article, views_of(article) + 1000)  # other readers
    assert views_shown(browser.get(article.get_absolute_url())) == "1.001"  # not counted again
    bot = Client(
        headers={"user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}
    )
    assert views_shown(bot.get(article.get_absolute_url())) == "1.001"
    assert views_of(article) == 1001


def test_counter_switched_off_still_shows_the_view_count(settings):
    settings.VISITORS_ENABLED = False
    article = PublishedArticleFactory()
    set_views(article, 1234)
    assert views_shown(Client(headers={"user-agent": BROWSER}).get(article.get_absolute_url())) == "1.234"


def test_counter_switched_off_counts_nothing_and_hides_the_box(settings):
    settings.VISITORS_ENABLED = False
    response = Client(headers={"user-agent": BROWSER}).get("/")
    assert 'id="visitor-stats"' not in response.content.decode()
    assert counting.VISIT_COOKIE not in response.cookies
    settings.VISITORS_ENABLED = True
    assert figures().today == 0


def refuse_writes(table: str, kind: str) -> None:
    """A trigger that makes every `kind` (INSERT/UPDATE) on `table` fail, as a broken database would."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE TRIGGER fail_{kind}_{table} BEFORE {kind} ON {table} BEGIN SELECT RAISE(ABORT, 'x'); END"
            )
        else:
            cursor.execute(
                "CREATE OR REPLACE FUNCTION fail_write() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'x'; END $$ "
                "LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER fail_{kind}_{table} BEFORE {kind} ON {table} FOR EACH ROW EXECUTE FUNCTION fail_write()"
            )


@pytest.mark.parametrize("page", ["/", "article"])
def test_database_error_while_counting_still_serves_the_page(browser, page, caplog):
    """The counter's writes fail: the page is served, nothing is counted, the failure is logged."""
    article = PublishedArticleFactory()
    for table, kind in [
        ("visitors_dailyvisits", "INSERT"),
        ("visitors_dailyvisits", "UPDATE"),
        ("visitors_presence", "INSERT"),
        ("articles_article", "UPDATE"),
    ]:
        refuse_writes(table, kind)
    response = browser.get(article.get_absolute_url() if page == "article" else page)
    assert response.status_code == 200
    assert counting.VISIT_COOKIE not in response.cookies
    assert counting.view_cookie(article.pk) not in response.cookies
    assert "Visitor counter" in caplog.text
    assert (figures().today, views_of(article)) == (0, 0)


def test_after_a_failed_write_the_next_visitor_is_counted(new_browser):
    """A failed write leaves no transaction open behind it: the next reader counts as usual."""
    refuse_writes("visitors_presence", "INSERT")
    assert new_browser().get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER fail_INSERT_visitors_presence"
            + ("" if connection.vendor == "sqlite" else " ON visitors_presence")
        )
    new_browser().get("/")
    assert figures().online == 1


def test_the_box_is_read_at_most_once_a_max_age_while_counting_stays_exact(
    browser, new_browser, settings, time_machine
):
    settings.VISITOR_STATS_MAX_AGE = 60
    time_machine.move_to("2026-11-24 10:00:00+07:00", tick=False)
    browser.get("/")  # the box is read (before this visit is counted) and kept
    html = new_browser().get("/").content.decode()
    assert '<dd data-stat="today">0</dd>' in html  # the same box, not read again
    assert figures().today == 2  # the count itself is exact at once
    time_machine.move_to("2026-11-24 10:01:01+07:00", tick=False)
    assert '<dd data-stat="today">2</dd>' in new_browser().get("/").content.decode()
