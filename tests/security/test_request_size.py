"""A body larger than its form needs is refused (413) before the server reads any of it."""

import pytest

from articles.models import Comment
from tests.factories import PublishedArticleFactory, image_file

from ..articles.test_comments import comment_url, form_data

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
BOUNDARY = "danvan-boundary"


class GeneratedMultipart:
    """A multipart body with one file part of `size` bytes, made as it is read (nothing that
    size is ever in memory), counting how many bytes the server took from it."""

    def __init__(self, size: int):
        self.head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\nLan\r\n'
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="body"; filename="lon.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.length = len(self.head) + size + len(self.tail)
        self.consumed = 0

    def _byte_range(self, start: int, stop: int) -> bytes:
        head_end, file_end = len(self.head), self.length - len(self.tail)
        out = bytearray()
        if start < head_end:
            out += self.head[start : min(stop, head_end)]
        if stop > head_end and start < file_end:
            out += b"0" * (min(stop, file_end) - max(start, head_end))
        if stop > file_end:
            out += self.tail[max(start, file_end) - file_end : stop - file_end]
        return bytes(out)

    def read(self, size=-1):
        size = self.length - self.consumed if size is None or size < 0 else size
        stop = min(self.length, self.consumed + min(size, MB))
        data = self._byte_range(self.consumed, stop)
        self.consumed = stop
        return data

    def readline(self, size=-1):
        return self.read(size)


def post_generated(client, url, body, **extra):
    return client.generic(
        "POST",
        url,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        **{"wsgi.input": body, "CONTENT_LENGTH": str(body.length), **extra},
    )


def test_a_200_mb_file_posted_as_a_comment_is_refused_unread():
    from django.test import Client

    client = Client()
    article = PublishedArticleFactory()
    body = GeneratedMultipart(200 * MB)

    response = post_generated(client, comment_url(article), body)

    assert response.status_code == 413
    html = response.content.decode()
    assert "Dữ liệu gửi lên quá lớn" in html and "64,0\xa0KB" in html
    assert body.consumed == 0
    assert not Comment.objects.exists()


def test_a_body_sent_without_its_length_is_refused_unread(client):
    article = PublishedArticleFactory()
    body = GeneratedMultipart(200 * MB)
    response = client.generic(
        "POST",
        comment_url(article),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        **{"wsgi.input": body, "CONTENT_LENGTH": "", "HTTP_TRANSFER_ENCODING": "chunked"},
    )
    assert response.status_code == 411
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()
    assert body.consumed == 0
    assert not Comment.objects.exists()


def test_a_normal_comment_still_goes_through(client):
    article = PublishedArticleFactory()
    response = client.post(comment_url(article), form_data())
    assert response.status_code == 302
    assert Comment.objects.get().name == "Nguyễn Văn Bình"


def test_an_editor_may_upload_an_image_larger_than_a_readers_form(client, editor, settings):
    big = image_file(size=(2400, 1600))
    noise = bytes(range(256)) * (MB // 256)
    big.file.seek(0, 2)
    big.file.write(noise)  # still a valid JPEG: decoders stop at its end marker
    big.size = big.file.tell()
    big.file.seek(0)
    assert settings.REQUEST_BODY_MAX_BYTES < big.size < settings.IMAGE_UPLOAD_MAX_BYTES

    client.force_login(editor)
    response = client.post("/bien-tap/tai-anh/", {"upload": big})
    assert response.status_code == 200
    assert response.json()["url"].startswith("/media/editor/")


def test_the_same_image_from_someone_not_signed_in_is_refused(client, settings):
    body = GeneratedMultipart(settings.REQUEST_BODY_MAX_BYTES)
    assert post_generated(client, "/bien-tap/tai-anh/", body).status_code == 413
    assert body.consumed == 0


def test_a_signed_in_upload_over_the_staff_limit_is_refused_unread(client, editor, settings):
    client.force_login(editor)
    body = GeneratedMultipart(settings.STAFF_REQUEST_BODY_MAX_BYTES)
    response = post_generated(client, "/admin/articles/article/add/", body)
    assert response.status_code == 413
    assert body.consumed == 0
    # An editor's comment is a reader's form: the small limit.
    article = PublishedArticleFactory()
    assert post_generated(client, comment_url(article), GeneratedMultipart(MB)).status_code == 413
