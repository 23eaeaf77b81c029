"""Visits counted per minute (issue 4: at most two writes per counted request without Redis).

A new visit writes its minute row and no last-seen row; "Đang online" counts it through that row.
Housekeeping rolls closed days' minute rows up into their day without changing any figure.
"""

import threading
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from danvan_site.visitors import charts, counter
from danvan_site.visitors.models import DailyVisits, Presence, VisitMinute
from tests.factories import PublishedArticleFactory

from .conftest import statements_for, write_statements, written_tables

pytestmark = pytest.mark.django_db


def writes_of(browser, url):
    """The tables one request writes, in order; checks it took one statement per write (one in
    all on PostgreSQL)."""
    with CaptureQueriesContext(connection) as queries:
        assert browser.get(url).status_code == 200
    tables = written_tables(queries)
    assert len(write_statements(queries)) == statements_for(len(tables))
    return tables


def figures():
    return counter.current_figures()


def at(time_machine, when):
    time_machine.move_to(when, tick=False)


class TestWritesPerRequest:
    """What one counted request writes, with housekeeping not due."""

    @pytest.fixture(autouse=True)
    def _quiet(self, housekeeping_not_due, client):
        client.get("/robots.txt")  # the site settings row is created outside the measurements

    def test_new_visitor_on_an_article_writes_its_view_and_its_minute(self, new_browser):
        article = PublishedArticleFactory()
        assert writes_of(new_browser(), article.get_absolute_url()) == [
            "articles_article",
            "visitors_visitminute",
        ]

    def test_new_visitor_on_another_page_writes_only_its_minute(self, new_browser):
        assert writes_of(new_browser(), "/") == ["visitors_visitminute"]

    def test_returning_reader_opening_a_new_article_writes_its_view(self, browser):
        article = PublishedArticleFactory()
        browser.get("/")
        assert writes_of(browser, article.get_absolute_url()) == ["articles_article"]

    def test_returning_reader_a_minute_later_writes_the_view_and_the_last_seen_time(
        self, browser, time_machine
    ):
        at(time_machine, "2026-11-24 10:00:30+07:00")
        article = PublishedArticleFactory()  # published now, not on the day the suite was written
        browser.get("/")
        at(time_machine, "2026-11-24 10:01:00+07:00")
        assert writes_of(browser, article.get_absolute_url()) == ["articles_article", "visitors_presence"]

    def test_repeat_view_writes_nothing(self, browser):
        article = PublishedArticleFactory()
        browser.get(article.get_absolute_url())
        assert writes_of(browser, article.get_absolute_url()) == []


class TestOnline:
    def test_new_visitor_is_online_through_their_minute_without_a_last_seen_row(self, new_browser):
        new_browser().get("/")
        assert figures().online == 1
        assert Presence.objects.count() == 0

    def test_new_visitor_who_keeps_browsing_is_online_once_until_5_minutes_after_the_last_page(
        self, browser, time_machine
    ):
        at(time_machine, "2026-11-24 10:00:00+07:00")
        browser.get("/")
        for minute in (1, 2, 3, 4):
            at(time_machine, f"2026-11-24 10:0{minute}:00+07:00")
            browser.cookies.pop(counter.SEEN_COOKIE, None)  # a minute on: the page writes last-seen
            browser.get("/")
            assert figures().online == 1
        for moment in ("10:04:59", "10:05:00", "10:05:01", "10:08:59", "10:09:00"):
            at(time_machine, f"2026-11-24 {moment}+07:00")
            assert figures().online == 1, moment
        at(time_machine, "2026-11-24 10:09:01+07:00")
        assert figures().online == 0
        assert figures().today == 1

    def test_a_page_after_the_new_visits_window_counts_the_reader_once(self, browser, time_machine):
        at(time_machine, "2026-11-24 10:00:00+07:00")
        browser.get("/")
        at(time_machine, "2026-11-24 10:06:00+07:00")  # the visit's minute is past its window
        response = browser.get("/")
        assert figures().online == 1
        assert "." not in response.cookies[counter.VISIT_COOKIE].value  # the minute is dropped

    def test_new_visit_marks_the_reader_seen_until_the_end_of_its_minute(
        self, browser, time_machine, housekeeping_not_due
    ):
        """A page later in the visit's first minute is covered by the minute row for 4 more
        minutes; from the next minute on, a page writes the last-seen time."""
        at(time_machine, "2026-11-24 10:00:45+07:00")
        response = browser.get("/")
        assert counter.SEEN_COOKIE not in response.cookies  # the visit's minute stands for it
        visitor_id, minute = counter.parse_visit_cookie(response.cookies[counter.VISIT_COOKIE].value)
        assert int(minute) * 60 == datetime(2026, 11, 24, 3, 0, tzinfo=UTC).timestamp()
        assert [name for name in response.cookies if name.startswith("dv_")] == [counter.VISIT_COOKIE]
        at(time_machine, "2026-11-24 10:00:59+07:00")
        assert writes_of(browser, "/") == []
        at(time_machine, "2026-11-24 10:01:00+07:00")
        response = browser.get("/")
        assert Presence.objects.get().overlap_until == datetime(2026, 11, 24, 3, 5, tzinfo=UTC)
        assert response.cookies[counter.SEEN_COOKIE]["max-age"] == 60
        assert (figures().online, figures().today) == (1, 1)

    @pytest.mark.parametrize(
        ("forged", "visits"),
        [
            ("0", 1),  # well-formed, far outside the window: the same visit, online once
            ("29000000", 1),
            ("999999999", 1),
            ("999999999999", 2),  # malformed (too long to be a minute): a new visit
            ("abc", 2),
            ("-5", 2),
            ("1e3", 2),
        ],
    )
    def test_a_forged_minute_in_the_visit_cookie_does_not_hide_a_reader(
        self, browser, time_machine, forged, visits
    ):
        at(time_machine, "2026-11-24 10:00:00+07:00")
        visitor_id, _ = counter.parse_visit_cookie(browser.get("/").cookies[counter.VISIT_COOKIE].value)
        at(time_machine, "2026-11-24 10:06:00+07:00")
        browser.cookies[counter.VISIT_COOKIE] = f"{visitor_id}.{forged}"
        assert browser.get("/").status_code == 200
        assert (figures().online, figures().today) == (1, visits)
        if visits == 1:  # the reader's last-seen row counts them, from now on
            assert Presence.objects.get().overlap_until is None


class TestRollUp:
    def visit(self, time_machine, new_browser, when):
        at(time_machine, when)
        assert new_browser().get("/").status_code == 200

    def test_closed_days_move_into_their_day_and_every_figure_stays(self, time_machine, new_browser):
        self.visit(time_machine, new_browser, "2026-11-29 12:00:00+07:00")  # Sunday
        self.visit(time_machine, new_browser, "2026-11-29 23:59:00+07:00")
        self.visit(time_machine, new_browser, "2026-11-30 00:01:00+07:00")  # Monday
        self.visit(time_machine, new_browser, "2026-11-30 00:01:30+07:00")
        at(time_machine, "2026-11-30 00:05:00+07:00")
        before = figures()
        assert (before.today, before.week, before.total) == (2, 2, 4)
        assert counter.roll_up_minutes(timezone.now()) == 2
        assert list(DailyVisits.objects.values_list("day", "visits")) == [(date(2026, 11, 29), 2)]
        assert list(VisitMinute.objects.values_list("visits", flat=True)) == [2]  # Monday 00:01 stays
        assert figures() == before
        assert counter.roll_up_minutes(timezone.now()) == 0  # nothing moves twice

    def test_closed_days_cached_before_the_roll_up_stay_exact(self, time_machine, new_browser):
        self.visit(time_machine, new_browser, "2026-11-26 09:00:00+07:00")  # Thursday
        self.visit(time_machine, new_browser, "2026-11-27 09:00:00+07:00")  # Friday
        at(time_machine, "2026-11-27 10:00:00+07:00")
        cached = figures()  # Thursday's minutes cached as a closed day
        counter.housekeeping(timezone.now(), force=True)
        assert DailyVisits.objects.get().visits == 1
        assert figures() == cached
        assert (cached.today, cached.week, cached.total) == (1, 2, 2)

    def test_a_day_is_rolled_up_only_once_its_last_visitors_are_no_longer_online(
        self, time_machine, new_browser
    ):
        self.visit(time_machine, new_browser, "2026-11-24 23:59:00+07:00")
        at(time_machine, "2026-11-25 00:03:59+07:00")
        assert counter.roll_up_minutes(timezone.now()) == 0
        assert figures().online == 1  # online through the 23:59 row until 00:04
        at(time_machine, "2026-11-25 00:05:00+07:00")
        assert counter.roll_up_minutes(timezone.now()) == 1

    def test_a_late_visit_into_a_rolled_up_minute_is_added_not_overwritten(self, time_machine, new_browser):
        self.visit(time_machine, new_browser, "2026-11-24 23:59:00+07:00")
        self.visit(time_machine, new_browser, "2026-11-24 23:59:30+07:00")
        at(time_machine, "2026-11-25 00:05:00+07:00")
        counter.roll_up_minutes(timezone.now())
        # A visit that began at 23:59:59 commits after the roll-up into the same minute.
        VisitMinute.objects.create(minute="2026-11-24 23:59:00+07:00", visits=1)
        counter.roll_up_minutes(timezone.now())
        assert DailyVisits.objects.get(day=date(2026, 11, 24)).visits == 3
        assert figures().total == 3

    def test_day_row_of_the_deploy_day_still_counts_today(self, time_machine, new_browser):
        """Visits counted on a day row before minute rows existed are not lost."""
        at(time_machine, "2026-11-24 10:00:00+07:00")
        DailyVisits.objects.create(day=date(2026, 11, 24), visits=40)
        self.visit(time_machine, new_browser, "2026-11-24 10:00:00+07:00")
        assert (figures().today, figures().week, figures().total) == (41, 41, 41)
        at(time_machine, "2026-11-25 10:00:00+07:00")
        assert (figures().today, figures().week, figures().total) == (0, 41, 41)

    def test_chart_shows_days_not_rolled_up_yet(self, time_machine, new_browser):
        DailyVisits.objects.create(day=date(2026, 11, 22), visits=7)
        self.visit(time_machine, new_browser, "2026-11-23 23:59:00+07:00")  # 16:59 UTC: local date 23
        self.visit(time_machine, new_browser, "2026-11-24 00:00:00+07:00")
        self.visit(time_machine, new_browser, "2026-11-24 08:00:00+07:00")
        series = dict(charts.daily_series(3, date(2026, 11, 24)))
        assert series == {date(2026, 11, 22): 7, date(2026, 11, 23): 1, date(2026, 11, 24): 2}


@pytest.mark.django_db(transaction=True)
def test_two_roll_ups_at_once_move_each_visit_exactly_once(time_machine):
    at(time_machine, "2026-11-25 10:00:00+07:00")
    VisitMinute.objects.bulk_create(
        VisitMinute(minute=f"2026-11-{day} {hour:02}:{minute:02}:00+07:00", visits=3)
        for day in (23, 24)
        for hour in range(0, 24, 2)
        for minute in range(0, 60, 5)
    )  # 288 rows, 864 visits over two closed days
    VisitMinute.objects.create(minute="2026-11-25 09:00:00+07:00", visits=5)  # today: stays
    start = threading.Barrier(2)
    moved, errors = [], []

    def roll_up():
        try:
            start.wait()
            moved.append(counter.roll_up_minutes(timezone.now()))
        except Exception as error:  # reported below: a thread's exception would vanish
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=roll_up) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(moved) == 864
    assert dict(DailyVisits.objects.values_list("day", "visits")) == {
        date(2026, 11, 23): 432,
        date(2026, 11, 24): 432,
    }
    assert list(VisitMinute.objects.values_list("visits", flat=True)) == [5]
    assert (figures().today, figures().total) == (5, 869)
