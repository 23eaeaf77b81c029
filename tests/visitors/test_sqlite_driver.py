"""On SQLite, a counted request's writes go straight to the sqlite3 driver when nothing in Django
watches the statements (production: DEBUG off) — the path the site takes under load. These tests
run under those conditions (DEBUG off, no test transaction) and watch the driver itself (sqlite3's
trace callback), since Django's query log does not see that path."""

import itertools
import logging

import pytest
from django.db import connection
from django.test import Client

from articles.models import Article
from danvan_site.visitors import counter
from danvan_site.visitors.models import VisitMinute
from tests.factories import PublishedArticleFactory

from .conftest import BROWSER, new_visitor_reads, views_shown

pytestmark = [
    pytest.mark.django_db(transaction=True),  # no test transaction: the counter's own, as in production
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the sqlite3 driver path is SQLite's"),
]

_WRITING = ("BEGIN", "COMMIT", "ROLLBACK", "INSERT", "UPDATE", "DELETE")


@pytest.fixture
def traced(housekeeping_not_due):
    """Every statement the sqlite3 driver runs from now on, whoever sends it (clear it to start)."""
    connection.ensure_connection()
    statements = []
    connection.connection.set_trace_callback(statements.append)
    yield statements
    connection.connection.set_trace_callback(None)


def writing(statements) -> list[str]:
    return [sql for sql in statements if sql.lstrip().upper().startswith(_WRITING)]


def kinds(statements) -> list[str]:
    return [sql.split()[0] for sql in writing(statements)]


def test_a_new_visitor_s_two_writes_are_one_immediate_transaction(traced, monkeypatch):
    article = PublishedArticleFactory()
    assert not connection.queries_logged  # DEBUG off: nothing in Django watches the statements
    driver_writes = []
    real = counter._write_with_sqlite_driver
    monkeypatch.setattr(counter, "_write_with_sqlite_driver", lambda *a: driver_writes.append(a) or real(*a))
    traced.clear()
    response = new_visitor_reads(article)
    assert response.status_code == 200
    assert len(driver_writes) == 1  # the driver path, not Django's cursor and atomic()
    statements = writing(traced)
    assert kinds(traced) == ["BEGIN", "UPDATE", "INSERT", "COMMIT"]
    assert statements[0] == "BEGIN IMMEDIATE"
    assert statements[1].startswith('UPDATE "articles_article" SET "view_count" = "view_count" + 1')
    assert statements[2].startswith('INSERT INTO "visitors_visitminute"')
    assert Article.objects.get(pk=article.pk).view_count == 1
    assert counter.current_figures().today == 1
    assert views_shown(response) == "0"  # the count before this view, from the write


def test_one_write_runs_alone_without_a_transaction(traced):
    """A returning reader's first view of another article: the view alone, in autocommit."""
    first, second = PublishedArticleFactory(), PublishedArticleFactory()
    reader = Client(headers={"user-agent": BROWSER})
    reader.get(first.get_absolute_url())
    reader.cookies[counter.SEEN_COOKIE] = "1"  # seen under a minute ago: no last-seen write
    traced.clear()
    reader.get(second.get_absolute_url())
    assert kinds(traced) == ["UPDATE"]
    assert Article.objects.get(pk=second.pk).view_count == 1


@pytest.fixture
def minute_writes_fail():
    """The visit's minute row cannot be written (a trigger stands for a full disk or I/O error)."""
    with connection.cursor() as cursor:
        cursor.execute(
            'CREATE TRIGGER "test_minute_fails" BEFORE INSERT ON "visitors_visitminute" '
            "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute('DROP TRIGGER IF EXISTS "test_minute_fails"')


def test_a_failed_write_undoes_the_other_and_the_page_is_still_served(traced, minute_writes_fail, caplog):
    article = PublishedArticleFactory()
    traced.clear()
    with caplog.at_level(logging.ERROR, logger="danvan_site.visitors.middleware"):
        response = new_visitor_reads(article)
    assert response.status_code == 200
    assert "the hit was not recorded" in caplog.text
    assert "disk I/O error" in caplog.text  # a Django DatabaseError, raised from the driver's
    # The driver prepares the INSERT again (once or twice) when its cached plan predates the trigger.
    assert [kind for kind, _ in itertools.groupby(kinds(traced))] == ["BEGIN", "UPDATE", "INSERT", "ROLLBACK"]
    assert Article.objects.get(pk=article.pk).view_count == 0  # not half a hit
    assert not VisitMinute.objects.exists()
    assert counter.VISIT_COOKIE not in response.cookies  # the next page tries again as a new visit


def test_after_a_failed_write_the_next_visitor_is_counted(minute_writes_fail):
    article = PublishedArticleFactory()
    new_visitor_reads(article)
    assert not connection.connection.in_transaction  # not left holding the write lock
    with connection.cursor() as cursor:
        cursor.execute('DROP TRIGGER "test_minute_fails"')
    new_visitor_reads(article)
    assert Article.objects.get(pk=article.pk).view_count == 1
    assert counter.current_figures().today == 1
