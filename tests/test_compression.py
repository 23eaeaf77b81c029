"""Pages are gzip-compressed for readers whose browser accepts it, and only where it is safe."""

import gzip
import re

import pytest

from tests.factories import PublishedArticleFactory, image_file

pytestmark = pytest.mark.django_db

# The comment form's CSRF token is masked afresh on every response (that is part of the BREACH
# defence), and so is the CSP nonce of the page's style sheet: two fetches of a page differ there
# and only there.
NONCE = re.compile(rb'nonce="[^"]+"')
CSRF_VALUE = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def same_page(body: bytes) -> bytes:
    """The page but what changes on every response: the CSRF token and the CSP nonce."""
    return NONCE.sub(b'nonce=""', CSRF_VALUE.sub(b'name="csrfmiddlewaretoken" value=""', body))


@pytest.fixture
def article():
    return PublishedArticleFactory(cover_image=image_file(size=(1200, 800)))


@pytest.mark.parametrize("page", ["home", "article"])
def test_a_page_is_gzipped_for_a_browser_that_accepts_it_and_plain_otherwise(client, article, page):
    url = "/" if page == "home" else article.get_absolute_url()

    plain = client.get(url)
    zipped = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})

    assert plain.status_code == zipped.status_code == 200
    assert "Content-Encoding" not in plain
    assert plain.content.lstrip().startswith(b"<!DOCTYPE html>")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert int(zipped["Content-Length"]) == len(zipped.content) < len(plain.content) / 2
    assert same_page(gzip.decompress(zipped.content)) == same_page(plain.content)


def test_pages_for_signed_in_staff_are_never_compressed(client, editor, article):
    # BREACH: staff pages hold personal data next to text from the query string.
    client.force_login(editor)
    for url in ["/", article.get_absolute_url(), "/admin/articles/article/?q=abc"]:
        response = client.get(url, headers={"accept-encoding": "gzip"})
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response, url


def test_an_uploaded_image_is_sent_as_it_is(client, article):
    response = client.get(article.cover_large.url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content)[8:12] == b"WEBP"
