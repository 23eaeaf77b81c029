from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


def _published(category, hours_ago, **kw):
    return PublishedArticleFactory(
        category=category, published_at=timezone.now() - timedelta(hours=hours_ago), **kw
    )


def test_related_news_is_same_category_newest_first_without_itself():
    cat = CategoryFactory()
    article = _published(cat, 5)
    older = _published(cat, 10)
    newer = _published(cat, 1)
    ArticleFactory(category=cat)  # draft: never related
    _published(CategoryFactory(), 0)  # other category: only used to fill
    related = Article.objects.related_to(article, 2)
    assert related == [newer, older]


def test_related_news_takes_ten_of_the_category():
    cat = CategoryFactory()
    article = _published(cat, 100)
    same = [_published(cat, h) for h in range(12)]
    related = Article.objects.related_to(article, 10)
    assert related == same[:10]


def test_related_news_fills_from_parent_section_then_latest():
    parent = CategoryFactory()
    child = CategoryFactory(parent=parent)
    sibling = CategoryFactory(parent=parent)
    article = _published(child, 10)
    same = _published(child, 5)
    from_sibling = _published(sibling, 3)
    elsewhere = _published(CategoryFactory(), 1)
    related = Article.objects.related_to(article, 10)
    assert {same, from_sibling, elsewhere} <= set(related)
    assert article not in related
    assert len(related) == len(set(related))
    # With room for two, the section fills the list before the latest news of elsewhere.
    assert set(Article.objects.related_to(article, 2)) == {same, from_sibling}


def test_related_news_is_newest_first_as_a_whole_when_filled_from_the_section():
    """The same sub-category's older articles and the section's newer ones are one list, newest
    first, as SPEC says: no date jumps back down the list."""
    parent = CategoryFactory()
    child = CategoryFactory(parent=parent)
    article = _published(child, 100)
    old_same = [_published(child, h) for h in (50, 60)]
    newer_parent = [_published(parent, h) for h in (2, 30, 70)]
    related = Article.objects.related_to(article, 10)
    assert related == sorted(old_same + newer_parent, key=lambda a: a.published_at, reverse=True)
