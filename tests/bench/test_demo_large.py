"""The benchmark's bulk archive must look like real content to the public pages."""

import pytest

from articles import demo_large
from articles.models import Article


@pytest.mark.django_db
def test_bulk_archive_articles_are_listed_found_and_shown_with_their_thumbnail(client):
    demo_large.seed_large_articles(count=60)
    article = Article.objects.published().filter(slug__startswith="luu-tru-").first()

    page = client.get(article.get_absolute_url())
    found = client.get("/tim-kiem/", {"q": article.title.split(" (")[0]})

    assert page.status_code == 200
    assert article.cover_large.url in page.content.decode()
    assert article.get_absolute_url() in found.content.decode()


@pytest.mark.django_db
def test_bulk_archive_is_not_written_twice():
    demo_large.seed_large_articles(count=20)
    demo_large.seed_large_articles(count=20)

    assert Article.objects.filter(slug__startswith="luu-tru-").count() == 20


@pytest.mark.django_db
def test_bulk_comments_are_approved_and_shown_under_their_article(client):
    demo_large.seed_large_articles(count=5)
    assert demo_large.seed_large_comments(count=10) == 10
    comment = demo_large.comment_model().objects.select_related("article").first()

    html = client.get(comment.article.get_absolute_url()).content.decode()

    assert comment.body in html
