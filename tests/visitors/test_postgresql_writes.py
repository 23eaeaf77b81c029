"""On PostgreSQL the counter's writes are committed without waiting for the disk
(counter.ASYNC_COMMIT), and only they: the setting must not reach any other write."""

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from danvan_site.visitors import counter
from tests.factories import PublishedArticleFactory

from .conftest import BROWSER, views_shown

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's"
)


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.fixture
def waits_for_the_disk(django_db_blocker):
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
        response = Client(HTTP_USER_AGENT=BROWSER).get(article.get_absolute_url())
    writes = [q["sql"] for q in queries if 'INSERT INTO "visitors_visitminute"' in q["sql"]]
    assert len(writes) == 1
    assert writes[0].startswith(counter.ASYNC_COMMIT + "WITH w0 AS (UPDATE")
    assert views_shown(response) == "0"  # the count, read past the SET's empty result
    assert Article.objects.get(pk=article.pk).view_count == 1
    assert counter.current_figures().today == 1
    assert synchronous_commit() == "on"  # SET LOCAL ended with the write's transaction


@pytest.mark.django_db(transaction=True)
def test_a_failed_write_leaves_nothing_and_no_setting_behind(waits_for_the_disk):
    article = PublishedArticleFactory()
    writes = [(counter._article_view_sql(), [article.pk]), ('INSERT INTO "no_such_table" VALUES (%s)', [1])]
    with pytest.raises(Exception, match="no_such_table"):
        counter.write_atomically(writes, first_returns=True)
    assert Article.objects.get(pk=article.pk).view_count == 0  # one implicit transaction, rolled back
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
