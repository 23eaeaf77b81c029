"""Query budgets: constant whatever the number of related articles, categories or tags.

Each budget is measured after another page has filled the site-wide caches (settings, menu,
sidebar lists, closed-day visit sums), as on a running site: it counts what the page itself costs,
and would catch a query hidden in a loop or an include. The article page, the one a shared link
opens, also keeps its budget with every cache cold.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CategoryFactory, PublishedArticleFactory, image_file

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_BUDGET = 10
# Every cache empty: the site settings, menu, sidebar lists and visitor figures are read too.
COLD_ARTICLE_PAGE_BUDGET = 13
HOME_BUDGET = 15


def _article_with_related(n):
    cat = CategoryFactory()
    for _ in range(n):
        PublishedArticleFactory(
            category=cat, cover_image=image_file(size=(80, 50)), tags=["Dân vận", "Đảng bộ"]
        )
    return PublishedArticleFactory(category=cat, tags=["Dân vận khéo", "Nông thôn mới", "Đối thoại"])


@pytest.mark.parametrize("related", [2, 30])
def test_article_page_query_budget(client, django_assert_max_num_queries, warm_site_caches, related):
    article = _article_with_related(related)
    warm_site_caches()
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("related", [2, 30])
def test_article_page_query_budget_with_every_cache_cold(client, django_assert_max_num_queries, related):
    """The first reader after a restart or a save fills the site-wide caches too: still in budget."""
    article = _article_with_related(related)
    for cache in caches.all():
        cache.clear()
    with django_assert_max_num_queries(COLD_ARTICLE_PAGE_BUDGET):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("per_category", [2, 30])
def test_home_query_budget(client, django_assert_max_num_queries, warm_site_caches, per_category):
    for order in range(6):
        parent = CategoryFactory(order=order)
        child = CategoryFactory(parent=parent)
        PublishedArticleFactory.create_batch(per_category, category=child, is_featured=order == 0)
    warm_site_caches()
    with django_assert_max_num_queries(HOME_BUDGET):
        assert client.get("/").status_code == 200


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite cannot limit the parts of one UNION: a query per section",
)
def test_home_reads_every_section_in_the_same_queries_however_many_sections(client):
    def home_queries(sections):
        for order in range(sections):
            PublishedArticleFactory.create_batch(3, category=CategoryFactory(order=order))
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/").content.decode()
        return len(queries), page.count('class="section-block"')

    few, shown_few = home_queries(2)
    many, shown_many = home_queries(10)

    assert (shown_few, shown_many) == (2, 12)
    assert many == few


@pytest.mark.parametrize("count", [3, 40])
def test_list_pages_query_budget(client, django_assert_max_num_queries, warm_site_caches, count):
    cat = CategoryFactory()
    PublishedArticleFactory.create_batch(count, category=cat, tags=["Dân vận"])
    warm_site_caches()
    for url in (cat.get_absolute_url(), "/the/dan-van/", "/tim-kiem/?q=bai+viet"):
        with django_assert_max_num_queries(HOME_BUDGET):
            assert client.get(url).status_code == 200


def test_lists_read_what_they_show_in_their_own_queries(client):
    """A cover, a lead and a category on every listed article cost no query per article."""

    def queries(url):
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    cat = CategoryFactory()
    plain = PublishedArticleFactory.create_batch(4, category=cat, is_featured=True, tags=["Dân vận"])
    urls = (
        "/",
        cat.get_absolute_url(),
        "/the/dan-van/",
        "/tim-kiem/?q=bai+viet",
        "/rss/",
        plain[0].get_absolute_url(),
    )
    before = {url: queries(url) for url in urls}
    for article in plain:
        article.cover_image = image_file(size=(80, 50))
        article.save()
    PublishedArticleFactory(
        category=cat, is_featured=True, tags=["Dân vận"], cover_image=image_file(size=(80, 50))
    )
    after = {url: queries(url) for url in urls}
    assert after == before
