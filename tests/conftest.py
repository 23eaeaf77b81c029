import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache so cached fragments never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    from tests.factories import make_user

    return make_user("editor", groups=["Biên tập viên"], is_staff=True)


@pytest.fixture
def writer(db):
    from tests.factories import make_user

    return make_user("writer", groups=["Phóng viên"], is_staff=True)


@pytest.fixture
def warm_site_caches(client):
    """Fill the site-wide caches (settings, menu, sidebar lists, closed-day visit sums) the way
    any earlier page would, so a query budget measures what the page itself costs."""

    def warm():
        assert client.get("/tim-kiem/").status_code == 200

    return warm
