import pytest
from django.db import connection

from tests.factories import ArticleFactory, PublishedArticleFactory

pytestmark = pytest.mark.django_db


def search(client, q):
    response = client.get("/tim-kiem/", {"q": q})
    assert response.status_code == 200
    return [a.title for a in response.context["articles"]]


@pytest.fixture
def articles():
    return {
        "kheo": PublishedArticleFactory(title="Phong trào Dân vận khéo lan tỏa"),
        "nhe": PublishedArticleFactory(title="Đổi mới công tác ở Mường Nhé", lead="Đảng bộ huyện vùng cao"),
        "other": PublishedArticleFactory(title="Hội nghị tổng kết năm", lead="Nội dung khác hẳn"),
    }


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("dan van kheo", "kheo"),
        ("Dân vận khéo", "kheo"),
        ("DAN VAN KHEO", "kheo"),
        ("muong nhe", "nhe"),
        ("Mường Nhé", "nhe"),
        ("dang bo", "nhe"),
        ("doi moi", "nhe"),
    ],
)
def test_search_ignores_marks_and_case(client, articles, query, key):
    assert search(client, query) == [articles[key].title]


def test_search_finds_nothing_for_unknown_words(client, articles):
    response = client.get("/tim-kiem/", {"q": "xyzzy khong co"})
    assert "Không tìm thấy bài viết nào" in response.content.decode()


def test_search_never_returns_unpublished_articles(client):
    ArticleFactory(title="Dân vận khéo bản nháp")
    assert search(client, "dan van kheo") == []


def test_search_ranks_title_matches_first(client):
    body_only = PublishedArticleFactory(title="Tin tổng hợp", body="<p>Mường Nhé có mô hình mới</p>")
    in_title = PublishedArticleFactory(title="Mường Nhé đổi mới")
    assert search(client, "muong nhe") == [in_title.title, body_only.title]


def test_search_query_is_shown_back_escaped(client):
    html = client.get("/tim-kiem/", {"q": '<script>alert("x")</script>'}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "q", ["", "   ", '"', "-", "&", "!!", "a" * 1000, "\x00", "dân OR vận", '"dân vận" -khéo']
)
def test_odd_queries_do_not_fail(client, articles, q):
    assert client.get("/tim-kiem/", {"q": q}).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of the GIN index is PostgreSQL only")
def test_postgres_search_uses_the_gin_index(articles):
    from articles.models import Article
    from articles.search import search_articles

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        # The search predicate alone, so only the GIN index can serve it (tiny tables would
        # otherwise be read through the status index or sequentially).
        plan = search_articles(Article.objects.all(), "dan van").explain()
        cursor.execute("SET enable_seqscan = on")
    assert "article_search_gin" in plan
