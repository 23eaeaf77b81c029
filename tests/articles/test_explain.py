"""PostgreSQL plans of the hot list queries: an index serves each of them, no sequential scan.

Test tables are tiny, so the planner would rightly prefer a sequential scan; with
`enable_seqscan = off` it still picks one only when no index can answer the query, which is
what these tests catch (a dropped index, a filter or ordering the indexes do not cover).
"""

import pytest
from django.db import connection

from articles import demo_large
from articles.models import Article
from articles.pagination import KeysetPaginator
from articles.search import SEARCH_LIMIT, search_articles
from tests.factories import CategoryFactory, PublishedArticleFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="EXPLAIN plans, the GIN index and tsvector search exist only on PostgreSQL",
    ),
    pytest.mark.django_db,
]


@pytest.fixture
def archive():
    category = CategoryFactory()
    articles = [
        PublishedArticleFactory(category=category, title=f"Hội nghị công tác dân vận số {n}")
        for n in range(30)
    ]
    # A few hundred rows, as the benchmark's archive writes them, so plans are not toy plans.
    demo_large.seed_large_articles(count=300)
    PublishedArticleFactory(title="Đổi mới công tác dân vận ở huyện Mường Nhé")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    return category, articles


def plan(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def uses_an_article_index(text: str) -> bool:
    return "Seq Scan on articles_article" not in text and " on article" in text.replace(
        "articles_category", ""
    )


def test_a_deep_category_page_is_an_index_seek(archive):
    category, _ = archive
    paginator = KeysetPaginator(
        Article.objects.published().for_list().in_category(category), 20, index_key=f"test:{category.pk}"
    )

    text = plan(paginator.page(2).object_list)

    assert uses_an_article_index(text), text


def test_the_latest_news_list_uses_the_status_index(archive):
    text = plan(Article.objects.published().for_list()[:20])

    assert uses_an_article_index(text), text


def newest(**filters):
    """A list as the public pages read it: published, newest first, a LIMIT."""
    return Article.objects.published().for_list().filter(**filters).newest()[:10]


def test_related_news_uses_the_category_index(archive):
    _, articles = archive

    text = plan(newest(category_id=articles[0].category_id))

    assert uses_an_article_index(text), text
    assert "article_alive_cat_pub_id" in text, text


def test_home_page_blocks_read_each_section_from_its_index(archive):
    _, articles = archive

    text = plan(newest(category_id__in=[articles[0].category_id]))

    assert uses_an_article_index(text), text


def test_search_uses_the_gin_index(archive):
    full = plan(search_articles(Article.objects.published().for_list(), "Mường Nhé", limit=SEARCH_LIMIT + 1))
    # On a few hundred test rows the planner may prefer the status index for the whole query;
    # the full-text match itself must be answerable by the GIN index.
    match = plan(search_articles(Article.objects.all(), "Mường Nhé"))

    assert "Seq Scan on articles_article" not in full
    assert "article_search_gin" in match, match
