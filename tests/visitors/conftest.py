import re

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

    return lambda: Client(headers={"user-agent": BROWSER})


@pytest.fixture
def pruned_a_moment_ago():
    """This process pruned expired last-seen rows a moment ago: a request writes only its own rows."""
    from danvan_site import caching

    caching.local().set("visitors:pruned", True, 60)


def writes(queries) -> list[str]:
    """The writing statements among captured queries (the tables they write, in no set order)."""
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def views_shown(response) -> str:
    """The number after "Lượt xem" in the article header."""
    return re.search(r'<span data-stat="views">([^<]*)</span>', response.content.decode()).group(1)
