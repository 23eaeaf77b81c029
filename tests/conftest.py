import sys

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with empty caches (the shared one and the per-process pages cache) so
    cached pages, fragments and sums never leak between tests."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


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


@pytest.fixture
def spoken_captcha(tmp_path, monkeypatch):
    """flite as the server would run it (`flite -t TEXT -o FILE`), replaced by a stand-in that
    writes a short silent WAV and notes what it was asked to say: the spoken "Mã kiểm tra" is on,
    whether or not this machine has Debian's flite. Returns the file of spoken texts."""
    said = tmp_path / "said.txt"
    stub = tmp_path / "flite"
    stub.write_text(
        f"#!{sys.executable}\n"
        "import sys, wave\n"
        "args = sys.argv[1:]\n"
        "text, out = args[args.index('-t') + 1], args[args.index('-o') + 1]\n"
        f"open({str(said)!r}, 'a').write(text + '\\n')\n"
        "with wave.open(out, 'wb') as w:\n"
        "    w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000); w.writeframes(bytes(1600))\n"
    )
    stub.chmod(0o755)
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_FLITE_PATH", str(stub))
    return said
