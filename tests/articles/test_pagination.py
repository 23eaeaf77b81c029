"""Category pages seek by page keys instead of OFFSET, and the pager stays exact."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def category_with_45_articles():
    category = CategoryFactory()
    now = timezone.now()
    # Pairs share a publication time: the order must still be total (id breaks the tie).
    for n in range(45):
        PublishedArticleFactory(category=category, published_at=now - timedelta(hours=n // 2 + 1))
    ArticleFactory(category=category)
    return category


def test_every_page_lists_the_articles_an_offset_would(client, category_with_45_articles):
    category = category_with_45_articles
    expected = list(Article.objects.published().filter(category=category).values_list("title", flat=True))

    listed = []
    for page in (1, 2, 3):
        response = client.get(category.get_absolute_url(), {"page": page})
        listed += [a.title for a in response.context["articles"]]

    assert listed == expected


def test_the_pager_counts_every_published_article(client, category_with_45_articles):
    response = client.get(category_with_45_articles.get_absolute_url())

    assert response.context["paginator"].count == 45
    assert response.context["paginator"].num_pages == 3


def test_a_page_past_the_end_is_not_found(client, category_with_45_articles):
    assert client.get(category_with_45_articles.get_absolute_url(), {"page": 4}).status_code == 404


def test_an_empty_category_says_so(client):
    category = CategoryFactory()

    html = client.get(category.get_absolute_url()).content.decode()

    assert "Chuyên mục chưa có bài viết." in html


def test_a_parent_category_lists_its_childrens_articles(client):
    parent = CategoryFactory()
    child = CategoryFactory(parent=parent)
    article = PublishedArticleFactory(category=child)

    response = client.get(parent.get_absolute_url())

    assert [a.pk for a in response.context["articles"]] == [article.pk]


def test_the_home_page_shows_the_newest_articles_of_each_section(client):
    parent = CategoryFactory(name="Tin tức")
    child = CategoryFactory(name="Tin huyện", parent=parent)
    other = CategoryFactory(name="Dân vận khéo")
    now = timezone.now()
    old = PublishedArticleFactory(category=child, published_at=now - timedelta(days=30))
    newest = [
        PublishedArticleFactory(category=child, published_at=now - timedelta(hours=n + 1)) for n in range(5)
    ]
    PublishedArticleFactory(category=other)

    sections = dict(client.get("/").context["blocks"].sections)

    assert [a.pk for a in sections[parent]] == [a.pk for a in newest]
    assert old not in sections[parent]
    assert len(sections[other]) == 1
