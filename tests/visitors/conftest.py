import pytest

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def browser(client):
    """The Django test client as a phone browser (the counter ignores clients without a User-Agent)."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def new_browser():
    """A factory of fresh browsers: each one is a new visitor with no cookie."""
    from django.test import Client

    return lambda: Client(HTTP_USER_AGENT=BROWSER)


@pytest.fixture
def housekeeping_not_due(monkeypatch):
    """This process pruned and rolled up a moment ago: a request writes only its own rows."""
    import time

    from danvan_site.visitors import counter

    monkeypatch.setattr(counter, "_last_housekeeping", time.monotonic())
