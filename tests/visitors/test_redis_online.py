"""With REDIS_URL (Redis as the shared cache) "Đang online" lives in a Redis sorted set.

Runs against a throwaway redis-server on a Unix socket; skipped where Debian's redis-server is
not installed (`apt-get install -y redis-server`).
"""

import shutil
import subprocess
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan_site.visitors import counter
from danvan_site.visitors.models import Presence
from tests.factories import PublishedArticleFactory

from .conftest import written_tables

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]


@pytest.fixture
def redis_cache(tmp_path, settings):
    socket = tmp_path / "redis.sock"
    server = subprocess.Popen(
        ["redis-server", "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"unix://{socket}",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    yield
    server.terminate()
    server.wait(timeout=10)


def test_online_visitors_are_counted_in_redis_and_expire(redis_cache, new_browser, time_machine):
    time_machine.move_to("2026-11-24 10:00:00+07:00", tick=False)
    new_browser().get("/")
    new_browser().get("/")
    assert counter.current_figures().online == 2
    assert Presence.objects.count() == 0
    time_machine.move_to("2026-11-24 10:05:01+07:00", tick=False)
    assert counter.current_figures().online == 0


def test_new_visitor_on_an_article_costs_the_database_two_writes(
    redis_cache, new_browser, housekeeping_not_due
):
    article = PublishedArticleFactory()
    new_browser().get("/robots.txt")  # site settings row created outside the measurement
    with CaptureQueriesContext(connection) as queries:
        new_browser().get(article.get_absolute_url())
    assert written_tables(queries) == ["articles_article", "visitors_visitminute"]
    article.refresh_from_db()
    assert (article.view_count, counter.current_figures().today) == (1, 1)
