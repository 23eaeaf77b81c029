"""The try-out's demo reads like a real news site: its own text per article, varied pictures."""

import io
import re
import statistics

import pytest
from PIL import Image

from articles import demo
from articles.models import Article
from danvan_site.text import html_words


def _demo_texts():
    """(category, lead, body) of each demo article, as `seed_articles` writes them."""
    n, texts = 0, []
    for category, titles in demo.TITLES.items():
        for title in titles:
            n += 1
            texts.append((category, demo.LEADS[category][n % 2], demo.demo_body(title, category, n)))
    return texts


def test_each_demo_article_has_its_own_text_of_one_to_four_paragraphs():
    texts = _demo_texts()
    assert len(texts) >= 40
    assert len({body for _, _, body in texts}) == len(texts)
    assert {body.count("<p>") for _, _, body in texts} == {1, 2, 3, 4}


def test_a_demo_articles_text_is_on_the_subject_of_its_category():
    religion = " ".join(
        " ".join(html_words(body))
        for category, _, body in _demo_texts()
        if category == "Công tác dân tộc – tôn giáo"
    )
    assert "đồng bào" in religion and "tôn giáo" in religion


@pytest.mark.django_db
def test_a_search_for_a_subject_finds_its_articles_not_almost_all(client):
    """ "hiến đất" is the subject of a few articles; with one body for all it matched 46 of 49."""
    demo.seed_articles()
    published = Article.objects.published().count()
    html = client.get("/tim-kiem/", {"q": "hiến đất"}).content.decode()
    found = re.findall(r'class="item-title"><a href="[^"]*">([^<]*)', html)
    assert "Ông Lữ Văn Đức: người hiến đất mở đường ở bản Đôn" in found
    assert len(found) <= published // 5


def _average_hash(picture) -> list[bool]:
    with Image.open(io.BytesIO(picture.read())) as img:
        pixels = list(img.convert("L").resize((8, 8)).tobytes())
    mean = sum(pixels) / len(pixels)
    return [p > mean for p in pixels]


def test_the_drawn_covers_differ_from_article_to_article():
    """The covers of the first twelve demo articles (`draw_image(n)` for article n)."""
    hashes = [_average_hash(demo.draw_image(n)) for n in range(1, 13)]
    distances = [
        sum(x != y for x, y in zip(a, b, strict=True)) for i, a in enumerate(hashes) for b in hashes[i + 1 :]
    ]
    # Out of 64: one composition in other colours differs by a few bits only.
    assert statistics.median(distances) > 8
