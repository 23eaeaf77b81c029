import pytest

from tests.factories import PublishedArticleFactory


@pytest.mark.django_db
def test_home_answers_in_vietnamese(client):
    article = PublishedArticleFactory(title="Đổi mới công tác dân vận")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert html.count("<main") == 1
    assert article.title in html
