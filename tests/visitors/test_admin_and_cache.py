"""The admin statistics page, and counting pages served from a page cache or revalidated (304)."""

from datetime import timedelta

import pytest
from django.http import HttpResponse, HttpResponseNotModified
from django.test import RequestFactory
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import cache_page

from articles.views import ArticleDetailView
from danvan_site.urls import urlpatterns as site_urlpatterns
from danvan_site.visitors import counter
from danvan_site.visitors.middleware import VisitorCounterMiddleware
from danvan_site.visitors.models import DailyVisits
from tests.factories import PublishedArticleFactory, make_user

from .conftest import BROWSER

pytestmark = pytest.mark.django_db

# A site whose article page is served from a per-view page cache, as a performance change may do.
urlpatterns = [
    path("cached/<slug:slug>/", cache_page(300)(ArticleDetailView.as_view())),
    *site_urlpatterns,
]


def test_article_page_served_from_page_cache_is_still_counted(new_browser, settings):
    settings.ROOT_URLCONF = __name__
    article = PublishedArticleFactory()
    url = f"/cached/{article.slug}/"
    new_browser().get(url)  # renders and fills the cache
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ArticleDetailView, "get_object", lambda self: pytest.fail("view ran: not cached"))
        for _ in range(2):
            assert new_browser().get(url).status_code == 200
    article.refresh_from_db()
    assert article.view_count == 3
    assert counter.current_figures().today == 3


def test_browser_revalidating_a_page_with_304_is_counted():
    request = RequestFactory().get("/", HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT="text/html,*/*")
    VisitorCounterMiddleware(lambda r: HttpResponseNotModified())(request)
    assert counter.current_figures().today == 1


def test_non_html_answer_is_not_counted():
    request = RequestFactory().get("/", HTTP_USER_AGENT=BROWSER)
    VisitorCounterMiddleware(lambda r: HttpResponse("{}", content_type="application/json"))(request)
    assert counter.current_figures().today == 0


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("boss", is_staff=True, is_superuser=True))
    return client


def test_admin_statistics_page_draws_30_and_365_day_charts(admin_client):
    today = timezone.localdate()
    DailyVisits.objects.create(day=today - timedelta(days=2), visits=120)
    DailyVisits.objects.create(day=today - timedelta(days=200), visits=75)
    html = admin_client.get("/admin/visitors/dailyvisits/").content.decode()
    charts = html.split('<figure class="vs-chart">')[1:]
    assert len(charts) == 2
    assert "Lượt truy cập 30 ngày qua" in html and "Lượt truy cập 365 ngày qua" in html
    assert charts[0].count('<rect class="bar"') == 30 and charts[1].count('<rect class="bar"') == 365
    assert f"{today - timedelta(days=2):%d/%m/%Y}: 120 lượt" in charts[0]
    assert f"{today - timedelta(days=200):%d/%m/%Y}: 75 lượt" in charts[1]
    assert f"{today - timedelta(days=200):%d/%m/%Y}" not in charts[0]


def test_admin_statistics_page_lists_most_read_articles_first(admin_client):
    PublishedArticleFactory(title="Ít người đọc", view_count=3)
    PublishedArticleFactory(title="Nhiều người đọc", view_count=8897)
    html = admin_client.get("/admin/visitors/dailyvisits/").content.decode()
    table = html.split('id="most-read-admin"', 1)[1]
    assert table.index("Nhiều người đọc") < table.index("Ít người đọc")
    assert "8.897" in table


def test_admin_statistics_are_not_for_the_public(client):
    response = client.get("/admin/visitors/dailyvisits/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_permission_cannot_see_statistics(client):
    client.force_login(make_user("someone", is_staff=True))
    assert client.get("/admin/visitors/dailyvisits/").status_code == 403


def test_admin_sets_the_starting_offset_of_total(admin_client):
    response = admin_client.post("/admin/visitors/countersettings/add/", {"total_offset": "234466"})
    assert response.status_code == 302
    assert counter.current_figures().total == 234466
