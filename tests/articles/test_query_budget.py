"""Query budgets: constant whatever the number of related articles, categories or tags."""

import pytest

from tests.factories import CategoryFactory, PublishedArticleFactory, image_file

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_BUDGET = 10
HOME_BUDGET = 15


def _article_with_related(n):
    cat = CategoryFactory()
    for _ in range(n):
        PublishedArticleFactory(
            category=cat, cover_image=image_file(size=(80, 50)), tags=["Dân vận", "Đảng bộ"]
        )
    return PublishedArticleFactory(category=cat, tags=["Dân vận khéo", "Nông thôn mới", "Đối thoại"])


@pytest.mark.parametrize("related", [2, 30])
def test_article_page_query_budget(client, django_assert_max_num_queries, related):
    article = _article_with_related(related)
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("per_category", [2, 30])
def test_home_query_budget(client, django_assert_max_num_queries, per_category):
    for order in range(6):
        parent = CategoryFactory(order=order)
        child = CategoryFactory(parent=parent)
        PublishedArticleFactory.create_batch(per_category, category=child, is_featured=order == 0)
    with django_assert_max_num_queries(HOME_BUDGET):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("count", [3, 40])
def test_list_pages_query_budget(client, django_assert_max_num_queries, count):
    cat = CategoryFactory()
    PublishedArticleFactory.create_batch(count, category=cat, tags=["Dân vận"])
    for url in (cat.get_absolute_url(), "/the/dan-van/", "/tim-kiem/?q=bai+viet"):
        with django_assert_max_num_queries(HOME_BUDGET):
            assert client.get(url).status_code == 200
