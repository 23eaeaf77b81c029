"""Journey 1: an editor writes and publishes an article in the admin's rich-text editor, and it
shows up everywhere a reader looks; a writer ("Phóng viên") cannot publish."""

import re
from io import BytesIO

import pytest
from PIL import Image

from articles.models import Article
from tests.browser.conftest import login_in_browser, shot
from tests.factories import CategoryFactory, PublishedArticleFactory, make_user

pytestmark = pytest.mark.browser

PASSWORD = "pass-1234-xyz"
TITLE = "Đổi mới công tác dân vận ở bản Mường Lống"
CAPTION = "Bà con bản Mường Lống họp bàn làm đường"
ALT = "Bà con họp bàn ở nhà văn hóa bản"


@pytest.fixture
def newsroom(transactional_db, django_db_serialized_rollback):
    category = CategoryFactory(name="Dân vận khéo")
    other = PublishedArticleFactory(category=category, title="Phong trào Dân vận khéo ở xã Tri Lễ")
    PublishedArticleFactory(category=CategoryFactory(name="Tin trong tỉnh"), title="Tin khác chuyên mục")
    editor = make_user("bientap", groups=["Biên tập viên"], is_staff=True, password=PASSWORD)
    writer = make_user("phongvien", groups=["Phóng viên"], is_staff=True, password=PASSWORD)
    return {"category": category, "other": other, "editor": editor, "writer": writer}


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "hop-ban.jpg"
    out = BytesIO()
    Image.new("RGB", (900, 560), "#2e7d32").save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def write_body_in_ckeditor(page, photo):
    """Bold text, a bulleted list and an uploaded image with alt text and caption, typed into
    CKEditor 5 the way an editor does it (keyboard and toolbar)."""
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Sáng nay, bà con ")
    page.keyboard.press("Control+b")
    page.keyboard.type("đồng lòng hiến đất")
    page.keyboard.press("Control+b")
    page.keyboard.type(" làm đường.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Danh sách đánh ký hiệu").first.click()
    page.keyboard.type("Hiến 2.000 m² đất")
    page.keyboard.press("Enter")
    page.keyboard.type("Góp 300 ngày công")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # leaves the list
    page.locator(".ck-file-dialog-button input[type=file]").set_input_files(photo)
    image = page.locator(".ck-editor__editable figure.image img[src*='/media/']")
    image.wait_for()
    balloon = page.locator(".ck-balloon-panel_visible")
    balloon.get_by_role("button", name="Hiện chú thích").click()
    page.keyboard.type(CAPTION)
    image.click()
    balloon.get_by_role("button", name="Đổi chữ alt của ảnh").click()
    balloon.locator("input[type=text]").fill(ALT)
    page.keyboard.press("Enter")


def test_editor_publishes_an_article_readers_find_everywhere(open_page, live_server, newsroom, photo):
    page = open_page()
    page.goto("/admin/")
    shot(page, "j1-01-admin-login")
    login_in_browser(page, "bientap", PASSWORD, path="/admin/login/?next=/admin/")
    shot(page, "j1-02-admin-home")

    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", TITLE)
    page.select_option("#id_category", label="Dân vận khéo")
    page.fill("#id_lead", "Bà con bản Mường Lống đồng lòng hiến đất, góp công làm đường liên bản.")
    write_body_in_ckeditor(page, photo)
    page.fill("#id_tags", "Mường Lống, hiến đất làm đường")
    page.select_option("#id_status", "published")
    shot(page, "j1-03-article-written")
    page.click("input[name=_save]")
    page.locator(".messagelist").wait_for()
    assert TITLE in page.locator(".messagelist").inner_text()
    shot(page, "j1-04-article-saved")

    article = Article.objects.get(title=TITLE)
    page.goto(article.get_absolute_url())
    body = page.locator(".article-body")
    assert body.locator("strong").inner_text() == "đồng lòng hiến đất"
    assert body.locator("ul > li").all_inner_texts() == ["Hiến 2.000 m² đất", "Góp 300 ngày công"]
    assert body.locator("figure img").get_attribute("alt") == ALT
    assert body.locator("figure figcaption").inner_text() == CAPTION
    assert body.locator("figure img").evaluate("img => img.complete && img.naturalWidth > 0")
    # One tag per comma, spaces kept; shown in Vietnamese alphabetical order.
    assert page.locator(".article-tags a").all_inner_texts() == ["hiến đất làm đường", "Mường Lống"]
    shot(page, "j1-05-article-page")

    page.goto("/")
    assert page.get_by_role("link", name=TITLE).first.is_visible()
    shot(page, "j1-06-home")

    page.goto(newsroom["category"].get_absolute_url())
    assert page.locator("main").get_by_role("link", name=TITLE).count() == 1
    shot(page, "j1-07-category")

    page.goto(newsroom["other"].get_absolute_url())
    assert page.locator("#related-news a", has_text=TITLE).count() == 1
    page.locator("#related-news").scroll_into_view_if_needed()
    shot(page, "j1-08-related-news", full_page=False)

    page.locator("#search-q").fill("doi moi cong tac dan van o ban muong long")
    page.locator("#search-q").press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem/\?q="))
    assert page.locator("main").get_by_role("link", name=TITLE).count() == 1
    shot(page, "j1-09-search-without-marks")

    feed = page.request.get("/rss/")
    assert feed.ok
    assert f"<title>{TITLE}</title>" in feed.text()
    page.goto("/rss/")
    shot(page, "j1-10-rss")
    assert not page.watch.external_requests


def test_writer_cannot_publish(open_page, live_server, newsroom):
    page = open_page()
    login_in_browser(page, "phongvien", PASSWORD, path="/admin/login/?next=/admin/")
    page.goto("/admin/articles/article/add/")
    statuses = page.locator("#id_status option").all_inner_texts()
    assert "Đã xuất bản" not in statuses
    assert statuses == ["Nháp", "Chờ duyệt"]
    page.fill("#id_title", "Bài của phóng viên gửi duyệt")
    page.select_option("#id_category", label="Dân vận khéo")
    page.fill("#id_lead", "Sapo bài của phóng viên.")
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Nội dung bài viết.")
    # Even a hand-made "published" option (a crafted request) is refused.
    page.locator("#id_status").evaluate(
        "select => { select.add(new Option('Đã xuất bản', 'published')); select.value = 'published'; }"
    )
    shot(page, "j1-11-writer-form")
    page.click("input[name=_save]")
    page.wait_for_load_state()
    shot(page, "j1-12-writer-refused")
    assert page.locator(".errorlist").count() >= 1
    assert not Article.objects.published().filter(title="Bài của phóng viên gửi duyệt").exists()

    page.select_option("#id_status", "review")
    page.click("input[name=_save]")
    page.locator(".messagelist").wait_for()
    article = Article.objects.get(title="Bài của phóng viên gửi duyệt")
    assert article.status == Article.Status.REVIEW
    reader = open_page()
    response = reader.goto(article.get_absolute_url())
    assert response.status == 404
