import pytest

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory, PublishedArticleFactory, image_file

pytestmark = pytest.mark.django_db


def article_form(category, **overrides):
    data = {
        "title": "Bài mới của phóng viên",
        "slug": "",
        "category": category.pk,
        "lead": "Sapo",
        "body": "<p>Nội dung <script>alert(1)</script></p>",
        "cover_caption": "",
        "author_name": "",
        "author_title": "",
        "source": "",
        "tags": "Dân vận",
        "status": "published",
        "published_at_0": "23/11/2026",
        "published_at_1": "08:00:00",
        "is_featured": "",
    }
    data.update(overrides)
    return data


def test_writer_cannot_publish(client, writer):
    cat = CategoryFactory()
    client.force_login(writer)
    response = client.post("/admin/articles/article/add/", article_form(cat))
    # "published" is not among the writer's choices: the form refuses it and nothing is saved.
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["status"]
    assert not Article.objects.exists()


def test_writer_sends_for_review(client, writer):
    cat = CategoryFactory()
    client.force_login(writer)
    response = client.post("/admin/articles/article/add/", article_form(cat, status="review"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert article.created_by == writer
    assert "<script" not in article.body


def test_writer_cannot_edit_others_or_published_articles(client, writer):
    mine_published = PublishedArticleFactory(created_by=writer)
    someone_elses = ArticleFactory()
    client.force_login(writer)
    assert client.get(f"/admin/articles/article/{someone_elses.pk}/change/").status_code == 302
    page = client.get(f"/admin/articles/article/{mine_published.pk}/change/")
    assert page.status_code == 200
    assert 'name="title"' not in page.content.decode()  # read-only view


def test_editor_publishes(client, editor):
    cat = CategoryFactory()
    client.force_login(editor)
    response = client.post("/admin/articles/article/add/", article_form(cat, title="Tin đã duyệt"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_published()
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("Dân vận khéo", ["Dân vận khéo"]),  # one Vietnamese tag, spaces and all
        ("Dân vận khéo, Nông thôn mới", ["Dân vận khéo", "Nông thôn mới"]),
        ('  "Đối thoại"  ,, đối thoại , Chuyển   đổi số ', ["Chuyển đổi số", "Đối thoại"]),
    ],
)
def test_tags_are_separated_by_commas_only(client, editor, typed, tags):
    client.force_login(editor)
    response = client.post("/admin/articles/article/add/", article_form(CategoryFactory(), tags=typed))
    assert response.status_code == 302
    assert sorted(t.name for t in Article.objects.get().tags.all()) == tags
    form = client.get(f"/admin/articles/article/{Article.objects.get().pk}/change/").content.decode()
    assert "Các thẻ cách nhau bằng dấu phẩy" in form


def test_admin_list_has_filters_and_preview(client, editor):
    ArticleFactory(title="Bản nháp xem trước")
    client.force_login(editor)
    html = client.get("/admin/articles/article/").content.decode()
    assert "Xem trước" in html
    for param in ("status__exact", "is_featured__exact", "published_at__gte"):
        assert param in html


def test_the_admin_list_shows_each_articles_views_and_sorts_by_them(client, editor):
    PublishedArticleFactory(title="Ít người đọc", view_count=3)
    PublishedArticleFactory(title="Nhiều người đọc", view_count=8897)
    PublishedArticleFactory(title="Chưa ai đọc")
    client.force_login(editor)
    changelist = client.get("/admin/articles/article/")
    column = changelist.context["cl"].list_display.index("view_count")
    html = client.get(f"/admin/articles/article/?o=-{column}").content.decode()
    titles = [html.index(title) for title in ("Nhiều người đọc", "Ít người đọc", "Chưa ai đọc")]
    assert titles == sorted(titles)
    assert '<td class="field-view_count">8.897</td>' in html
    assert '<td class="field-view_count">0</td>' in html


def test_editor_upload_accepts_images_for_staff_only(client, editor, writer):
    url = "/bien-tap/tai-anh/"
    assert client.post(url, {"upload": image_file()}).status_code == 302  # anonymous → login
    client.force_login(editor)
    ok = client.post(url, {"upload": image_file(size=(2000, 1000))})
    assert ok.status_code == 200 and ok.json()["url"].startswith("/media/editor/")
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("anh.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    bad = client.post(url, {"upload": fake})
    assert bad.status_code == 400
    assert bad.json()["error"]["message"] == "Tệp tải lên không phải là ảnh hợp lệ."


def test_cover_upload_that_is_not_an_image_is_refused_in_vietnamese(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    cat = CategoryFactory()
    client.force_login(editor)
    fake = SimpleUploadedFile("anh.png", b"GIF89a<?php system($_GET['c']); ?>", content_type="image/png")
    response = client.post("/admin/articles/article/add/", article_form(cat, cover_image=fake))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["cover_image"]
    assert "ảnh" in errors["cover_image"][0]  # a Vietnamese message about the image, on its field
    assert not Article.objects.exists()


def test_site_settings_banner_is_shown(client, editor):
    from danvan_site.siteconfig.models import SiteSettings

    site = SiteSettings.load()
    site.banner = image_file(name="banner.jpg", size=(1200, 160))
    site.site_name = "Ban Dân vận Tỉnh ủy Demo"
    site.save()
    html = client.get("/").content.decode()
    assert 'class="banner-image"' in html
    # The name is text beside the image: shown on phones, read by screen readers everywhere.
    banner = html[html.index('class="banner-link"') : html.index("</a>", html.index('class="banner-link"'))]
    assert "Ban Dân vận Tỉnh ủy Demo" in banner and "banner-text-narrow" in banner


def test_a_scheduled_article_reads_hen_gio_with_its_time_in_the_list(client, editor):
    from tests.factories import ScheduledArticleFactory

    scheduled = ScheduledArticleFactory(title="Bài hẹn giờ")
    client.force_login(editor)
    html = client.get("/admin/articles/article/").content.decode()
    row = html[html.index("Bài hẹn giờ") :].split("</tr>", 1)[0]
    from articles.templatetags.articles_tags import vn_time_date

    assert f"Hẹn giờ {vn_time_date(scheduled.published_at)}" in row
    assert "Đã xuất bản" not in row


def test_the_article_list_and_form_load_the_admin_stylesheet_that_fits_1280_px(client, editor):
    """The columns' widths live in css/admin/articles.css (checked in a browser by
    tests/browser/test_journey_newcomer.py); here: it is loaded, and the title input is wide."""
    article = PublishedArticleFactory()
    client.force_login(editor)
    assert "css/admin/articles.css" in client.get("/admin/articles/article/").content.decode()
    form = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "css/admin/articles.css" in form
    assert 'class="vTextField article-title-input"' in form


def test_a_body_image_without_alt_text_is_refused_with_a_message_and_the_text_kept(client, editor):
    cat = CategoryFactory()
    client.force_login(editor)
    body = '<p>Đoạn đầu.</p><figure class="image"><img src="/media/editor/a.jpg" alt=""></figure>'
    response = client.post("/admin/articles/article/add/", article_form(cat, body=body))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Ảnh thứ 1 trong nội dung chưa có mô tả" in errors["body"][0]
    assert "Đoạn đầu." in response.content.decode()
    assert not Article.objects.exists()
    described = body.replace('alt=""', 'alt="Cán bộ thăm hỏi bà con"')
    assert client.post("/admin/articles/article/add/", article_form(cat, body=described)).status_code == 302


def test_staff_get_a_link_to_the_admin_in_the_public_header_and_readers_never(client, editor):
    client.force_login(editor)
    assert 'href="/admin/">Trang quản trị</a>' in client.get("/").content.decode()
    client.logout()
    assert "Trang quản trị" not in client.get("/").content.decode()
