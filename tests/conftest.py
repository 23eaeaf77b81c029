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
