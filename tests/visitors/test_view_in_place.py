"""A counted view rewrites only `view_count`, and no index holds it (issue 4: cheap writes).

On PostgreSQL an update that changes no indexed column can stay on its page without touching
any index (a HOT update). The article table has twelve indexes, the full-text GIN index among
them: with `view_count` in one of them, every view added an entry to all twelve.
"""

import pytest
from django.db import connection, transaction

from articles.models import Article
from danvan_site.visitors import counter
from tests.factories import PublishedArticleFactory

pytestmark = pytest.mark.django_db


def test_no_index_of_the_article_table_holds_the_view_count():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Article._meta.db_table)
    holding = [name for name, c in constraints.items() if c["index"] and "view_count" in (c["columns"] or [])]
    assert holding == []
    assert Article.objects.most_read().query.order_by[0] == "-view_count"  # "Đọc nhiều" still sorts by it


@pytest.mark.skipif(connection.vendor != "postgresql", reason="HOT updates are PostgreSQL's")
def test_a_counted_view_updates_the_article_row_in_place():
    article = PublishedArticleFactory()
    table = Article._meta.db_table

    def updates():  # this transaction's updates of the table so far: (all, in place)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_stat_get_xact_tuples_updated(%s::regclass), "
                "pg_stat_get_xact_tuples_hot_updated(%s::regclass)",
                [table, table],
            )
            return cursor.fetchone()

    with transaction.atomic():
        before = updates()
        for _ in range(3):
            counter.write_atomically([(counter._article_view_sql(), [article.pk])])
        after = updates()
    assert (after[0] - before[0], after[1] - before[1]) == (3, 3)
    article.refresh_from_db()
    assert article.view_count == 3
