"""Journey 2: a reader on a 360 px phone opens the home page, the menu, an article, its print
view, searches, and comments; an editor approves the comment and it shows."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.conftest import login_in_browser, shot
from tests.factories import make_user

pytestmark = pytest.mark.browser

PASSWORD = "pass-1234-xyz"


@pytest.fixture
def demo_site(transactional_db, django_db_serialized_rollback):
    call_command("seed_demo", "--no-accounts", stdout=StringIO())
    return make_user("bientap", groups=["Biên tập viên"], is_staff=True, password=PASSWORD)


def open_first_article(page):
    page.locator("main .item-title a").first.click()
    page.wait_for_url(re.compile(r"/tin-tuc/[^/]+/$"))


def test_reader_on_a_phone_browses_prints_and_searches(open_page, live_server, demo_site):
    page = open_page(phone=True)
    page.goto("/")
    assert page.locator(".menu").is_hidden()  # folded behind "Chuyên mục" on a phone
    shot(page, "j2-01-home")

    page.get_by_text("Chuyên mục", exact=True).click()
    menu_link = page.locator(".menu").get_by_role("link", name="Dân vận khéo", exact=True)
    assert menu_link.is_visible()
    shot(page, "j2-02-menu-open")
    menu_link.click()
    page.wait_for_url("**/chuyen-muc/dan-van-kheo/")
    assert page.locator("h1").inner_text() == "Dân vận khéo"
    shot(page, "j2-03-category")

    open_first_article(page)
    title = page.locator("h1.article-title").inner_text()
    assert page.locator("[data-stat=views]").is_visible()
    assert page.locator("#related-news a").count() >= 1
    shot(page, "j2-04-article")

    page.get_by_role("link", name="In bài viết").click()
    page.wait_for_url("**/in/")
    assert page.locator("h1").inner_text() == title
    assert page.locator("nav, .menu-bar, .sidebar").count() == 0  # the article alone
    page.emulate_media(media="print")
    shot(page, "j2-05-print-view")
    page.emulate_media(media="screen")

    page.go_back()
    page.locator("#search-q").fill("dan van kheo")
    page.locator("#search-q").press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem/\?q=dan"))
    assert "kết quả" in page.locator(".search-summary").inner_text()
    assert page.locator("main .item-title a").count() >= 1
    shot(page, "j2-06-search")
    assert not page.watch.problems, page.watch.problems


def test_reader_comments_and_sees_it_after_approval(
    open_page, live_server, demo_site, settings, spoken_captcha
):
    # django-simple-captcha's test mode accepts "PASSED"; only ever switched on in tests.
    settings.CAPTCHA_TEST_MODE = True
    page = open_page(phone=True)
    page.goto("/")
    open_first_article(page)
    article_url = page.url
    form = page.locator("#comment-form")
    form.scroll_into_view_if_needed()
    form.get_by_label("Họ tên").fill("Nguyễn Thị Hoa")
    form.get_by_label("Email").fill("hoa@example.com")
    form.get_by_label("Tiêu đề").fill("Mô hình rất hay")
    form.get_by_label("Nội dung").fill("Bản tôi cũng muốn học cách làm đường này.")
    form.get_by_label("Mã kiểm tra").fill("PASSED")
    # The code is fetched when the reader starts writing; wait until its image has loaded.
    page.wait_for_function(
        "() => { const img = document.querySelector('#comment-form img.captcha-image');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    # With flite on the server the code can also be heard: the link comes with the code.
    assert re.search(r"/captcha/audio/\w+\.wav$", form.locator("a.captcha-audio").get_attribute("href"))
    shot(page, "j2-07-comment-written", full_page=False)
    form.get_by_role("button", name="Gửi ý kiến").click()
    page.wait_for_load_state()
    assert "cảm ơn" in page.locator("main").inner_text().lower()
    shot(page, "j2-08-comment-thanks", full_page=False)
    page.goto(article_url)
    assert "Bản tôi cũng muốn học cách làm đường này." not in page.locator("main").inner_text()

    editor = open_page()
    login_in_browser(editor, "bientap", PASSWORD, path="/admin/login/?next=/admin/")
    editor.get_by_role("link", name=re.compile("ý kiến bạn đọc|bình luận", re.IGNORECASE)).first.click()
    editor.get_by_role("link", name=re.compile("Mô hình rất hay")).first.click()
    editor.select_option("select[name=status]", "approved")
    shot(editor, "j2-09-editor-approves")
    editor.click("input[name=_save]")
    editor.locator(".messagelist").wait_for()

    page.goto(article_url)
    comments = page.locator("main")
    assert "Bản tôi cũng muốn học cách làm đường này." in comments.inner_text()
    assert "Nguyễn Thị Hoa" in comments.inner_text()
    assert "hoa@example.com" not in page.content()  # the email is never shown
    shot(page, "j2-10-comment-shown")
