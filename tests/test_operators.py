"""What an operator notices: the log a scanner leaves, and what a proxy may keep."""

import logging

import pytest

from tests.factories import PublishedArticleFactory

pytestmark = pytest.mark.django_db


class Kept(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def host_log():
    logger = logging.getLogger("django.security.DisallowedHost")
    kept = Kept()
    logger.addHandler(kept)
    yield kept.records
    logger.removeHandler(kept)


def test_a_rejected_host_logs_one_warning_line_and_still_answers_400(client, host_log):
    response = client.get("/", HTTP_HOST="203.0.113.9")
    assert response.status_code == 400
    assert len(host_log) == 1
    record = host_log[0]
    assert record.levelname == "WARNING"
    assert record.exc_info is None
    assert "\n" not in logging.Formatter().format(record)


def test_pages_of_signed_in_staff_may_not_be_kept_by_a_proxy(client, editor):
    client.force_login(editor)
    for path in ("/bao-cao/", "/admin/", "/"):
        cache_control = client.get(path).get("Cache-Control", "")
        assert "private" in cache_control and "no-store" in cache_control, path


def test_public_pages_for_readers_are_not_marked_private(client):
    article = PublishedArticleFactory()
    for path in ("/", article.get_absolute_url()):
        assert "private" not in client.get(path).get("Cache-Control", "")
