"""The admin statistics page, and what the counter middleware counts."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from danvan_site.visitors import counting
from danvan_site.visitors.middleware import VisitorCounterMiddleware
from danvan_site.visitors.models import DailyVisits
from tests.factories import PublishedArticleFactory, make_user

from .conftest import BROWSER

pytestmark = pytest.mark.django_db


def test_non_html_answer_is_not_counted():
    request = RequestFactory().get("/", HTTP_USER_AGENT=BROWSER)
    VisitorCounterMiddleware(lambda r: HttpResponse("{}", content_type="application/json"))(request)
    assert counting.current_figures().today == 0


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
    assert counting.current_figures().total == 234466
