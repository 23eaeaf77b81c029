"""A phrase found in most of the archive ranks a bounded set of the newest matches."""

import pytest

from articles import views
from tests.factories import PublishedArticleFactory

pytestmark = pytest.mark.django_db


def test_a_very_common_phrase_shows_the_newest_matches_and_says_there_are_more(client, monkeypatch):
    monkeypatch.setattr(views, "SEARCH_LIMIT", 3)
    for n in range(5):
        PublishedArticleFactory(title=f"Công tác dân vận số {n}")

    response = client.get("/tim-kiem/", {"q": "dân vận"})

    assert response.context["paginator"].count == 3
    assert "Có hơn 3 kết quả" in response.content.decode()


def test_a_phrase_under_the_limit_gives_the_exact_count(client):
    for n in range(2):
        PublishedArticleFactory(title=f"Công tác dân vận số {n}")

    html = client.get("/tim-kiem/", {"q": "dân vận"}).content.decode()

    assert "Tìm thấy 2 kết quả" in html


def test_paging_through_a_search_shows_each_match_once(client, monkeypatch):
    monkeypatch.setattr(views.SearchView, "paginate_by", 2)
    titles = {PublishedArticleFactory(title=f"Mô hình dân vận khéo số {n}").title for n in range(5)}
    PublishedArticleFactory(title="Tin khác")

    shown = []
    for page in (1, 2, 3):
        response = client.get("/tim-kiem/", {"q": "dân vận khéo", "page": page})
        shown += [a.title for a in response.context["articles"]]

    assert sorted(shown) == sorted(titles)
    assert "Tìm thấy 5 kết quả" in response.content.decode()
