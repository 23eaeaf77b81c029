import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    PublishedArticleFactory,
    ReviewArticleFactory,
    ScheduledArticleFactory,
    image_file,
    set_views,
)

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def html_of(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert len(re.findall(r"<main[\s>]", html)) == 1
    return html


@pytest.fixture
def article():
    cat = CategoryFactory(name="Dân vận khéo")
    return PublishedArticleFactory(
        title="Mô hình Dân vận khéo ở Mường Nhé",
        category=cat,
        lead="Sapo in đậm.",
        body="<p>Nội dung chính.</p>",
        author_name="Nguyễn Văn A",
        author_title="Phó Trưởng ban",
        source="Báo Nghệ An",
        cover_image=image_file(),
        cover_caption="Chú thích ảnh",
        tags=["Dân vận khéo", "Đảng bộ"],
    )


def test_every_public_page_type_answers_with_one_main(client, article):
    urls = [
        "/",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        f"/tin-tuc/{article.slug}/in/",
        "/the/dang-bo/",
        "/tim-kiem/?q=dan+van",
        "/dang-nhap/",
    ]
    for url in urls:
        html_of(client.get(url))


def test_article_page_shows_everything_spec_lists(client, article):
    html = html_of(client.get(article.get_absolute_url()))
    for text in (
        "Mô hình Dân vận khéo ở Mường Nhé",
        "Sapo in đậm.",
        "Nội dung chính.",
        "Chú thích ảnh",
        "Nguyễn Văn A — Phó Trưởng ban",
        "Nguồn: Báo Nghệ An",
        "In bài viết",
        "Đảng bộ",
        'data-stat="views"',
        "#top",
    ):
        assert text in html
    assert article.cover_large.url in html
    assert article.cover_image.url not in html  # the original is never sent


def test_article_header_line_reads_like_the_old_site(client):
    when = datetime(2018, 10, 3, 10, 49, tzinfo=HCM)
    article = PublishedArticleFactory(published_at=when)
    set_views(article, 8897)
    html = html_of(client.get(article.get_absolute_url()))
    text = re.sub(r"<[^>]+>", "", re.search(r'<p class="article-header">(.*?)</p>', html, re.S).group(1))
    assert " ".join(text.split()) == "10:49 - Thứ Tư, 03/10/2018 | Lượt xem: 8.897 | In bài viết"


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (1, "Thứ Hai"),
        (2, "Thứ Ba"),
        (3, "Thứ Tư"),
        (4, "Thứ Năm"),
        (5, "Thứ Sáu"),
        (6, "Thứ Bảy"),
        (7, "Chủ nhật"),
    ],
)
def test_header_weekday_in_vietnamese_time(day, weekday):
    from articles.templatetags.articles_tags import vn_datetime

    # 17:30 UTC on Sunday 30/09/2018 + day is already the next day in Asia/Ho_Chi_Minh (00:30).
    utc = datetime(2018, 9, 30, 17, 30, tzinfo=ZoneInfo("UTC")) + timedelta(days=day - 1)
    assert vn_datetime(utc) == f"00:30 - {weekday}, {day:02d}/10/2018"


def test_list_items_and_the_article_give_machines_the_local_time_with_its_offset(client):
    # 17:30 UTC is 00:30 the next day in Asia/Ho_Chi_Minh.
    article = PublishedArticleFactory(published_at=datetime(2018, 9, 30, 17, 30, tzinfo=ZoneInfo("UTC")))
    stamp = '<time datetime="2018-10-01T00:30:00+0700">00:30 - Thứ Hai, 01/10/2018</time>'
    assert stamp in html_of(client.get(article.category.get_absolute_url()))
    assert stamp in html_of(client.get(article.get_absolute_url()))


@pytest.mark.parametrize("factory", [ArticleFactory, ReviewArticleFactory, ScheduledArticleFactory])
def test_unpublished_article_is_404_to_the_public(client, factory):
    article = factory()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/tin-tuc/{article.slug}/in/").status_code == 404


def test_editor_previews_an_unpublished_article(client, editor):
    article = ReviewArticleFactory(title="Bản chờ duyệt")
    client.force_login(editor)
    html = html_of(client.get(article.get_absolute_url()))
    assert "Bản xem trước" in html


def test_unpublished_articles_are_in_no_list_feed_or_sitemap(client):
    hidden = [
        ArticleFactory(title="Nháp ẩn"),
        ReviewArticleFactory(title="Chờ ẩn"),
        ScheduledArticleFactory(title="Hẹn giờ ẩn"),
    ]
    visible = PublishedArticleFactory(title="Bài công khai")
    pages = ["/", "/rss/", "/sitemap.xml", "/tim-kiem/?q=an", visible.category.get_absolute_url()]
    for url in pages:
        body = client.get(url).content.decode()
        for article in hidden:
            assert article.title not in body and article.slug not in body, url


def test_related_news_hook_has_one_link_per_related_article(client):
    cat = CategoryFactory()
    article = PublishedArticleFactory(category=cat, published_at=timezone.now() - timedelta(days=1))
    others = PublishedArticleFactory.create_batch(12, category=cat)
    html = html_of(client.get(article.get_absolute_url()))
    block = re.search(r'<ul id="related-news".*?</ul>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"', block)
    assert len(links) == 10
    assert article.get_absolute_url() not in links
    assert set(links) <= {a.get_absolute_url() for a in others}


def test_sidebar_latest_news_leaves_out_only_the_article_being_read(client):
    cat = CategoryFactory()
    now = timezone.now()
    newest = [
        PublishedArticleFactory(category=cat, title=f"Tin mới {i}", published_at=now - timedelta(hours=i))
        for i in range(8)
    ]
    older = PublishedArticleFactory(category=cat, title="Tin cũ", published_at=now - timedelta(days=30))

    def sidebar(url):
        box = html_of(client.get(url)).split('id="latest-news"')[1].split("</section>")[0]
        return re.findall(r'<a href="([^"]+)">([^<]+)</a>', box)

    six = [(a.get_absolute_url(), a.title) for a in newest[:6]]
    assert sidebar("/") == six
    assert sidebar(older.get_absolute_url()) == six  # an article not in the list: the same box
    # The newest article's own page shows the next six; each page leaves out only itself.
    assert sidebar(newest[0].get_absolute_url()) == [(a.get_absolute_url(), a.title) for a in newest[1:7]]
    assert sidebar(newest[3].get_absolute_url()) == [
        (a.get_absolute_url(), a.title) for a in newest[:3] + newest[4:7]
    ]
    assert sidebar("/") == six


def test_category_page_lists_its_children_and_paginates(client, settings):
    parent = CategoryFactory(name="Tin tức")
    child = CategoryFactory(name="Tin huyện", parent=parent)
    PublishedArticleFactory.create_batch(21, category=child)
    html = html_of(client.get(parent.get_absolute_url()))
    assert html.count('class="item"') + html.count('class="item item-large"') == 20
    assert 'aria-current="page">1<' in html
    page2 = html_of(client.get(parent.get_absolute_url() + "?page=2"))
    assert page2.count('class="item-title"') == 1


@pytest.mark.parametrize("page", ["99", "abc", "-1", "0"])
def test_bad_page_numbers_give_the_vietnamese_404(client, page):
    cat = CategoryFactory()
    PublishedArticleFactory(category=cat)
    response = client.get(f"{cat.get_absolute_url()}?page={page}")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def main_of(html):
    return re.search(r"<main.*?</main>", html, re.S).group(0)


def test_tag_page_lists_tagged_articles(client):
    tagged = PublishedArticleFactory(title="Bài có thẻ", tags=["Nông thôn mới"])
    PublishedArticleFactory(title="Bài không thẻ")
    html = main_of(html_of(client.get("/the/nong-thon-moi/")))
    assert tagged.title in html
    assert "Bài không thẻ" not in html


def test_rss_feeds_list_published_articles(client):
    cat = CategoryFactory(name="Dân vận khéo")
    article = PublishedArticleFactory(title="Tin RSS", category=cat)
    other = PublishedArticleFactory(title="Tin khác chuyên mục")
    all_feed = client.get("/rss/")
    assert all_feed["Content-Type"].startswith("application/rss+xml")
    assert article.title in all_feed.content.decode() and other.title in all_feed.content.decode()
    cat_feed = client.get(f"/chuyen-muc/{cat.slug}/rss/").content.decode()
    assert article.title in cat_feed and other.title not in cat_feed


def test_sitemap_and_robots(client, article):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert article.get_absolute_url() in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()


def test_print_view_is_the_article_alone(client, article):
    html = html_of(client.get(f"/tin-tuc/{article.slug}/in/"))
    assert article.title in html and "Nội dung chính." in html
    assert 'class="menu' not in html and "sidebar" not in html
    assert "print.css" in html


def test_print_view_has_a_way_back_and_a_print_button_hidden_on_paper_only(client, article):
    import re

    from django.contrib.staticfiles import finders

    html = html_of(client.get(f"/tin-tuc/{article.slug}/in/"))
    back = re.search(r'<div class="print-actions no-print">.*?</div>', html, re.S).group(0)
    assert f'href="{article.get_absolute_url()}"' in back and "Quay lại bài viết" in back
    assert "In bài viết</button>" in back and "js/print.js" in html
    sheet = open(finders.find("css/print.css")).read()
    outside_print = re.sub(r"@media print\s*{[^{}]*({[^{}]*}[^{}]*)*}", "", sheet)
    assert ".no-print" not in outside_print  # on screen the way back stays visible


def test_home_shows_featured_latest_and_a_block_per_category(client):
    cat_a = CategoryFactory(name="Chuyên mục A", order=1)
    cat_b = CategoryFactory(name="Chuyên mục B", order=2)
    featured = PublishedArticleFactory(title="Tin nổi bật nhất", is_featured=True, category=cat_a)
    in_b = PublishedArticleFactory(title="Tin của B", category=cat_b)
    html = html_of(client.get("/"))
    assert html.index("Tin nổi bật") < html.index(featured.title)
    assert f'id="section-{cat_a.pk}"' in html and f'id="section-{cat_b.pk}"' in html
    assert in_b.title in html


def test_login_page_and_logout_in_vietnamese(client, editor):
    html = html_of(client.get("/dang-nhap/"))
    assert "Tên đăng nhập" in html and "Mật khẩu" in html
    bad = client.post("/dang-nhap/", {"username": "editor", "password": "sai"})
    assert bad.status_code == 200
    assert "editor" in bad.content.decode()  # the typed user name stays
    good = client.post("/dang-nhap/", {"username": "editor", "password": "pass-1234-xyz"})
    assert good.status_code == 302
    assert client.post("/dang-xuat/").status_code == 302


def test_tags_are_listed_in_vietnamese_alphabetical_order(client):
    article = PublishedArticleFactory(tags=["Nông thôn mới", "Đối thoại", "an sinh xã hội"])
    html = client.get(article.get_absolute_url()).content.decode()
    tags = re.findall(r'rel="tag">([^<]+)</a>', html)
    assert tags == ["an sinh xã hội", "Đối thoại", "Nông thôn mới"]  # Đ with D, not after Z


def test_top_bar_shows_todays_weekday_and_turns_at_local_midnight(client):
    """ "Thứ Tư, 02/12/2026" in Asia/Ho_Chi_Minh: 23:59 on Tuesday, then 00:01 on Wednesday."""
    import time_machine

    from danvan_site.text import html_to_text

    def top_bar():
        html = client.get("/").content.decode()
        return html_to_text(html.split('class="today"', 1)[1].split("</time>", 1)[0].split(">", 1)[1])

    with time_machine.travel("2026-12-01 23:59:00+07:00", tick=False):
        assert top_bar() == "Thứ Ba, 01/12/2026"
    with time_machine.travel("2026-12-02 00:01:00+07:00", tick=False):
        assert top_bar() == "Thứ Tư, 02/12/2026"


def test_sitemap_lists_the_home_the_showcase_and_each_list_page(client):
    tagged = PublishedArticleFactory(tags=["Dân vận khéo"])
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/", "/mo-hinh/", tagged.category.get_absolute_url(), tagged.tags.get().get_absolute_url()):
        assert f"<loc>http://testserver{path}</loc>" in sitemap, path


def test_favicon_ico_is_a_real_icon(client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # the ICO signature


def test_a_list_item_shows_its_title_date_category_and_the_first_40_words_of_its_lead(client):
    category = CategoryFactory(name="Dân vận khéo")
    words = [f"từ{n}" for n in range(60)]
    article = PublishedArticleFactory(
        category=category,
        title="Mô hình <mới> ở Con Cuông",
        lead=" ".join(words),
        published_at=datetime(2026, 11, 30, 8, 5, tzinfo=HCM),
    )
    html = html_of(client.get("/tim-kiem/", {"q": "mô hình"}))
    item = re.search(r'<article class="item">.*?</article>', html, re.S).group()
    assert f'<a href="{article.get_absolute_url()}">Mô hình &lt;mới&gt; ở Con Cuông</a>' in item
    assert '<time datetime="2026-11-30T08:05:00+0700">08:05 - Thứ Hai, 30/11/2026</time>' in item
    assert f' · <a href="{category.get_absolute_url()}">Dân vận khéo</a>' in item
    assert f'<p class="item-lead">{" ".join(words[:40])} …</p>' in item
