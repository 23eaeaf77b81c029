"""On PostgreSQL the counter's writes are committed without waiting for the disk
(counter.ASYNC_COMMIT), and only they: the setting must not reach any other write. They run as
statements prepared once per connection (counter._prepared)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from danvan_site.visitors import counter
from tests.factories import PublishedArticleFactory

from .conftest import new_visitor_reads, views_shown, written_tables

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's"
)


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.fixture
def waits_for_the_disk():
    """This connection commits as production does (the test cluster itself does not wait)."""
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO on")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET synchronous_commit")


@pytest.mark.django_db(transaction=True)  # no test transaction: the counter's own, as in production
def test_a_new_visitor_s_write_commits_asynchronously_in_its_one_statement(
    housekeeping_not_due, waits_for_the_disk
):
    article = PublishedArticleFactory()
    with CaptureQueriesContext(connection) as queries:
        response = new_visitor_reads(article)
    sent = [q["sql"] for q in queries if q["sql"].startswith(counter.ASYNC_COMMIT)]
    assert len(sent) == 1
    assert sent[0].startswith(counter.ASYNC_COMMIT + "EXECUTE visitors_")
    assert written_tables(queries) == ["articles_article", "visitors_visitminute"]
    assert views_shown(response) == "0"  # the count, read past the SET's empty result
    assert Article.objects.get(pk=article.pk).view_count == 1
    assert counter.current_figures().today == 1
    assert synchronous_commit() == "on"  # SET LOCAL ended with the write's transaction


@pytest.mark.django_db(transaction=True)
def test_the_write_is_prepared_once_per_connection(housekeeping_not_due):
    article = PublishedArticleFactory()
    new_visitor_reads(article)
    with CaptureQueriesContext(connection) as queries:
        new_visitor_reads(article)
    assert not [q for q in queries if q["sql"].startswith("PREPARE")]
    assert Article.objects.get(pk=article.pk).view_count == 2


@pytest.mark.django_db(transaction=True)
def test_a_statement_deallocated_behind_the_counter_s_back_is_prepared_again(housekeeping_not_due):
    article = PublishedArticleFactory()
    new_visitor_reads(article)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as DISCARD ALL or a pooler would
    response = new_visitor_reads(article)
    assert response.status_code == 200
    assert views_shown(response) == "1"
    assert Article.objects.get(pk=article.pk).view_count == 2  # no count lost
    assert counter.current_figures().today == 2


@pytest.mark.django_db(transaction=True)
def test_a_failed_write_leaves_nothing_and_no_setting_behind(waits_for_the_disk):
    article = PublishedArticleFactory()
    minute_without_time = ('INSERT INTO "visitors_visitminute" ("minute", "visits") VALUES (%s, 1)', [None])
    with pytest.raises(IntegrityError):
        counter.write_atomically(
            [(counter._article_view_sql(), [article.pk]), minute_without_time], first_returns=True
        )
    assert Article.objects.get(pk=article.pk).view_count == 0  # one statement, rolled back whole
    assert synchronous_commit() == "on"


@pytest.mark.django_db
def test_inside_a_transaction_the_write_leaves_the_transaction_s_durability_alone(waits_for_the_disk):
    article = PublishedArticleFactory()
    with transaction.atomic():
        views = counter.write_atomically([(counter._article_view_sql(), [article.pk])], first_returns=True)
        assert synchronous_commit() == "on"  # SET LOCAL would have lasted until this COMMIT
    assert views == 1


@pytest.mark.django_db(transaction=True)
def test_with_server_side_binding_the_write_is_sent_alone(monkeypatch):
    """A query holds one statement there: the SET would make every count fail."""
    article = PublishedArticleFactory()
    monkeypatch.setitem(connection.settings_dict["OPTIONS"], "server_side_binding", True)
    with CaptureQueriesContext(connection) as queries:
        views = counter.write_atomically([(counter._article_view_sql(), [article.pk])], first_returns=True)
    assert views == 1
    assert [q["sql"] for q in queries][-1].startswith('UPDATE "articles_article"')
