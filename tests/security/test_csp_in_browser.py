"""In a real browser: pages work under the Content-Security-Policy, with nothing blocked."""

import pytest

from tests.cdp import Browser, chromium_path
from tests.factories import PublishedArticleFactory, image_file

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (apt-get install chromium)"),
]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.effectiveDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    b.page("Page.addScriptToEvaluateOnNewDocument", source=RECORD_VIOLATIONS)
    yield b
    b.close()


@pytest.fixture
def article(transactional_db):
    return PublishedArticleFactory(
        title="Bài có ảnh", body="<p>Đoạn văn.</p>", cover_image=image_file(), tags=["Dân vận khéo"]
    )


def violations(browser, url):
    browser.goto(url)
    return browser.evaluate("window.__cspViolations")


@pytest.mark.parametrize("path", ["/", "/tim-kiem/?q=dan+van", "/dang-nhap/", "/khong-co/"])
def test_public_page_triggers_no_csp_violation(browser, live_server, article, path):
    assert violations(browser, live_server.url + path) == []


def test_article_page_triggers_no_csp_violation(browser, live_server, article):
    assert violations(browser, live_server.url + article.get_absolute_url()) == []


def test_text_size_switch_still_works_under_the_policy(browser, live_server, article):
    browser.goto(live_server.url + "/")
    browser.evaluate("document.querySelector('[data-text-size=\"1\"]').click()")
    scale = browser.evaluate("document.documentElement.style.getPropertyValue('--text-scale')")
    assert scale == "1.12"


def test_admin_article_form_triggers_no_csp_violation(browser, live_server, article, client, editor):
    client.force_login(editor)
    browser.page(
        "Network.setCookie", name="sessionid", value=client.cookies["sessionid"].value, url=live_server.url
    )
    url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    browser.goto(url)
    browser.wait_for("window.editors && !!window.editors['id_body']")
    assert browser.evaluate("window.__cspViolations") == []


def test_injected_inline_script_and_foreign_image_are_blocked(browser, live_server, article):
    """What the policy is for (and proof the recorder above sees violations)."""
    browser.goto(live_server.url + "/")
    browser.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"https://evil.example/x.png\">');"
        "const s = document.createElement('script'); s.textContent = 'window.__pwned = 1';"
        "document.body.appendChild(s);"
    )
    browser.wait_for("window.__cspViolations.length >= 2", timeout=5)
    assert browser.evaluate("window.__pwned") is None
    assert sorted(v.split()[0] for v in browser.evaluate("window.__cspViolations")) == [
        "img-src",
        "script-src-elem",
    ]
