"""In a real browser: the article form warns before leaving with unsaved changes."""

import pytest

from tests.cdp import Browser, chromium_path
from tests.factories import PublishedArticleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (apt-get install chromium)"),
]

WOULD_WARN = """(() => {
  const event = new Event("beforeunload", {cancelable: true});
  window.dispatchEvent(event);
  return event.defaultPrevented;
})()"""


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


@pytest.fixture
def article_form(browser, live_server, client, editor, transactional_db):
    article = PublishedArticleFactory(title="Bài đang sửa")
    client.force_login(editor)
    browser.page(
        "Network.setCookie", name="sessionid", value=client.cookies["sessionid"].value, url=live_server.url
    )
    browser.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    browser.wait_for("window.editors && !!window.editors['id_body']")
    browser.dialogs.clear()
    return browser


def test_ckeditor_starts_under_the_admin_content_security_policy(article_form):
    assert article_form.evaluate("document.querySelector('.ck-editor__editable') !== null")


def test_untouched_form_leaves_without_a_question(article_form):
    assert article_form.evaluate(WOULD_WARN) is False


def test_typing_in_ckeditor_warns_before_leaving(article_form):
    article_form.evaluate(
        "const ed = window.editors['id_body'];"
        "ed.model.change(w => w.insertText('Thêm một câu. ', ed.model.document.selection.getFirstPosition()));"
    )
    assert article_form.evaluate(WOULD_WARN) is True


def test_typing_in_the_title_warns_before_leaving(article_form):
    article_form.evaluate("document.getElementById('id_title').focus()")
    article_form.page("Input.insertText", text=" (sửa)")
    assert article_form.evaluate(WOULD_WARN) is True


def test_unsaved_notice_appears_next_to_the_save_buttons(article_form):
    article_form.evaluate("document.getElementById('id_title').focus()")
    article_form.page("Input.insertText", text="x")
    assert article_form.evaluate("!document.querySelector('.unsaved-notice').hidden")
    assert "chưa lưu" in article_form.evaluate("document.querySelector('.unsaved-notice').textContent")


def test_saving_leaves_without_a_question(article_form):
    article_form.evaluate("document.getElementById('id_title').focus()")
    article_form.page("Input.insertText", text="x")
    article_form.evaluate("document.querySelector('#content-main form').dispatchEvent(new Event('submit'))")
    assert article_form.evaluate(WOULD_WARN) is False


def test_leaving_after_typing_makes_the_browser_ask(article_form):
    article_form.evaluate("document.getElementById('id_title').focus()")
    article_form.page("Input.insertText", text="x")
    article_form.goto("about:blank")
    assert [d["type"] for d in article_form.dialogs] == ["beforeunload"]


def test_leaving_an_untouched_form_does_not_ask(article_form):
    article_form.goto("about:blank")
    assert article_form.dialogs == []
