"""What the site keeps (danvan_site.caching): fast for readers, never stale, never shared where it
must not be."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from articles.models import Article
from danvan_site import caching
from danvan_site.siteconfig.models import SiteSettings
from tests.factories import CategoryFactory, PublishedArticleFactory, make_user, set_views, views_of

pytestmark = pytest.mark.django_db


def test_a_reader_gets_the_second_view_of_an_article_from_the_cache(client, django_assert_max_num_queries):
    SiteSettings.load()  # created on first use, which counts as a content change
    article = PublishedArticleFactory()
    client.get(article.get_absolute_url())

    # The article itself (its view count) and the visitor figures (3); the rest is kept.
    with django_assert_max_num_queries(4):
        response = client.get(article.get_absolute_url())

    assert article.title in response.content.decode()


def test_a_reader_sees_the_new_title_right_after_an_editor_saves(client):
    article = PublishedArticleFactory(title="Tiêu đề cũ")
    client.get(article.get_absolute_url())
    client.get("/")

    article.title = "Tiêu đề mới sau khi biên tập"
    article.save()

    assert "Tiêu đề mới sau khi biên tập" in client.get(article.get_absolute_url()).content.decode()
    assert "Tiêu đề mới sau khi biên tập" in client.get("/").content.decode()


def test_an_unpublished_article_leaves_the_cached_home_page_at_once(client):
    article = PublishedArticleFactory(title="Bài sắp gỡ xuống")
    assert "Bài sắp gỡ xuống" in client.get("/").content.decode()

    article.status = Article.Status.DRAFT
    article.save()

    assert "Bài sắp gỡ xuống" not in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_logged_in_user_never_gets_the_anonymous_copy(client):
    PublishedArticleFactory()
    assert "Đăng nhập" in client.get("/").content.decode()

    client.force_login(make_user("bandoc"))
    html = client.get("/").content.decode()

    assert "Đăng xuất" in html
    assert 'class="login-link"' not in html


def test_a_pending_message_is_shown_on_a_kept_page(client):
    PublishedArticleFactory()
    client.get("/")
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    response = HttpResponse()
    storage._store([_message("Cảm ơn bạn, ý kiến sẽ hiển thị sau khi được duyệt")], response)
    client.cookies["messages"] = response.cookies["messages"].value

    html = client.get("/").content.decode()

    assert "Cảm ơn bạn, ý kiến sẽ hiển thị sau khi được duyệt" in html


def _message(text):
    from django.contrib.messages.storage.base import Message

    return Message(constants.SUCCESS, text)


def test_the_view_count_on_a_cached_article_is_the_current_one(client):
    article = PublishedArticleFactory()
    client.get(article.get_absolute_url())

    set_views(article, 8897)
    html = client.get(article.get_absolute_url()).content.decode()

    assert '<span data-stat="views">8.897</span>' in html


def test_a_scheduled_article_appears_on_the_cached_home_page_when_its_time_comes(client):
    PublishedArticleFactory()
    PublishedArticleFactory(title="Tin hẹn giờ đăng", published_at=timezone.now() + timedelta(minutes=2))
    assert "Tin hẹn giờ đăng" not in client.get("/").content.decode()

    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        html = client.get("/").content.decode()

    assert "Tin hẹn giờ đăng" in html


def test_a_category_page_is_cached_per_page_number(client):
    category = CategoryFactory()
    for n in range(25):
        PublishedArticleFactory(category=category, title=f"Bài số {n:02d} của chuyên mục")
    client.get(category.get_absolute_url())

    second = client.get(category.get_absolute_url(), {"page": 2})

    titles = [a.title for a in second.context["articles"]]
    assert "Bài số 04 của chuyên mục" in titles
    assert "Bài số 24 của chuyên mục" not in titles


def test_with_the_database_cache_of_make_serve_a_save_still_shows_at_once(client):
    """`make serve` without Redis shares the content version through the database cache."""
    from django.core.cache import caches
    from django.test import override_settings

    shared = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "db-local"},
    }
    with override_settings(CACHES=shared):
        from django.core.management import call_command

        call_command("createcachetable", verbosity=0)
        caches["local"].clear()
        article = PublishedArticleFactory(title="Bản đầu tiên")
        client.get(article.get_absolute_url())
        article.title = "Bản đã sửa"
        article.save()

        html = client.get(article.get_absolute_url()).content.decode()

    assert "Bản đã sửa" in html


def test_every_new_reader_of_a_cached_article_is_counted_as_a_view():
    from django.test import Client

    from tests.visitors.conftest import BROWSER

    SiteSettings.load()
    article = PublishedArticleFactory()
    for _ in range(3):
        Client(headers={"user-agent": BROWSER}).get(article.get_absolute_url())

    assert views_of(article) == 3


def test_each_reader_gets_their_own_csrf_token_in_the_comment_form():
    from django.test import Client

    article = PublishedArticleFactory()
    first, second = Client(), Client()
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    html_first = first.get(article.get_absolute_url()).content.decode()
    html_second = second.get(article.get_absolute_url()).content.decode()
    assert token.search(html_first).group(1) != token.search(html_second).group(1)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_save_in_another_process_reaches_what_this_process_keeps(client):
    """Processes share only the versions; a new version there means a fresh page here."""
    article = PublishedArticleFactory(title="Tiêu đề trước")
    client.get(article.get_absolute_url())
    # Another process saved: the row changed and the shared version moved; our memory did not.
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề do tiến trình khác lưu", lead="Sapo mới")
    caching.bump(caching.NEWS)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "Tiêu đề do tiến trình khác lưu" in html and "Sapo mới" in html


def test_saving_a_report_does_not_renew_the_news_pages(client):
    from tests.factories import ApprovedReportFactory

    article = PublishedArticleFactory()
    client.get(article.get_absolute_url())
    news = caching.version(caching.NEWS)
    ApprovedReportFactory()
    assert caching.version(caching.NEWS) == news
    Article.objects.filter(pk=article.pk).update(lead="Sapo đổi ngoài trang quản trị")
    # The article's kept body is still the one rendered before: the report renewed nothing.
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<p class="article-lead">Sapo đổi ngoài trang quản trị</p>' not in html


def test_saving_an_article_does_not_renew_the_province_summary():
    from tests.factories import ApprovedReportFactory

    ApprovedReportFactory()
    reports = caching.version(caching.REPORTS)
    PublishedArticleFactory().save()
    assert caching.version(caching.REPORTS) == reports


def test_a_reader_s_pending_comment_renews_nothing(client):
    from tests.security.test_public_inputs import comment_data

    article = PublishedArticleFactory()
    news = caching.version(caching.NEWS)
    response = client.post(f"{article.get_absolute_url()}y-kien/", comment_data())
    assert response.status_code == 302
    assert caching.version(caching.NEWS) == news


def test_a_tag_page_lists_a_new_article_at_once(client):
    first = PublishedArticleFactory(title="Bài đầu tiên gắn thẻ", tags=["Dân vận khéo"])
    url = first.tags.first().get_absolute_url()
    assert "Bài đầu tiên gắn thẻ" in client.get(url).content.decode()

    PublishedArticleFactory(title="Bài mới gắn cùng thẻ", tags=["Dân vận khéo"])

    html = client.get(url).content.decode()
    assert "Bài mới gắn cùng thẻ" in html and "Bài đầu tiên gắn thẻ" in html


def test_a_search_finds_a_new_article_at_once(client):
    PublishedArticleFactory(title="Hội nghị đối thoại ở Quỳ Châu")
    assert "1 kết quả" in client.get("/tim-kiem/", {"q": "quy chau"}).content.decode()

    PublishedArticleFactory(title="Quỳ Châu ra mắt mô hình mới")

    html = client.get("/tim-kiem/", {"q": "quy chau"}).content.decode()
    assert "2 kết quả" in html and "Quỳ Châu ra mắt mô hình mới" in html


def test_the_showcase_lists_a_newly_approved_model_at_once(client):
    from django.urls import reverse

    from tests.factories import ExemplaryModelFactory

    showcase = reverse("reports:showcase")
    ExemplaryModelFactory(name="Mô hình đã có")
    assert "Mô hình đã có" in client.get(showcase).content.decode()

    ExemplaryModelFactory(name="Mô hình vừa được duyệt")

    html = client.get(showcase).content.decode()
    assert "Mô hình vừa được duyệt" in html and "Mô hình đã có" in html
