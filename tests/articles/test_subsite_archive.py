"""An archive follows its unit (issue 15): a sub-site whose unit has ended (`Unit.valid_to`, the
unit's last day in force, is in the past) is read-only, says so and takes no comment, whatever an
editor did; the admin shows it and never lets it be ticked by hand."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Subsite
from tests.articles.test_admin import article_form
from tests.factories import CategoryFactory, PublishedArticleFactory, SubsiteFactory, UnitFactory

pytestmark = pytest.mark.django_db

NOTICE = 'class="archive-notice"'


def commune_site(valid_to):
    unit = UnitFactory(name="Xã Thử Kết Thúc", kind="commune", valid_to=valid_to)
    site = SubsiteFactory(unit=unit, name="Đảng ủy xã Thử Kết Thúc")
    category = CategoryFactory(subsite=site)
    article = PublishedArticleFactory(subsite=site, category=category, comments_enabled=True)
    return site, category, article


@pytest.mark.parametrize(
    ("last_day", "archived"),
    [(-1, True), (0, False), (1, False)],
    ids=["ended-yesterday", "ends-today", "ends-tomorrow"],
)
def test_archive_follows_the_units_last_day(client, last_day, archived):
    today = timezone.localdate()
    site, _, article = commune_site(today + timedelta(days=last_day))
    assert site.is_archived is archived
    assert (site in Subsite.objects.archived()) is archived
    assert (site in Subsite.objects.current()) is not archived
    home = client.get(site.get_absolute_url()).content.decode()
    assert (NOTICE in home) is archived
    if archived:
        ended = (today + timedelta(days=last_day + 1)).strftime("%d/%m/%Y")
        assert f"Đơn vị đã kết thúc hoạt động từ {ended}; trang được lưu trữ" in home
    page = client.get(article.get_absolute_url()).content.decode()
    assert ('id="comment-form"' in page) is not archived


def test_a_unit_that_ends_tomorrow_is_an_archive_the_day_after(client):
    today = timezone.localdate()
    site = commune_site(today + timedelta(days=1))[0]
    assert not site.archived_on(today + timedelta(days=1))
    assert site.archived_on(today + timedelta(days=2))
    assert site in Subsite.objects.archived(on=today + timedelta(days=2))


def test_ending_the_unit_archives_its_kept_pages_at_once(client):
    site, _, article = commune_site(None)
    assert NOTICE not in client.get(site.get_absolute_url()).content.decode()
    assert 'id="comment-form"' in client.get(article.get_absolute_url()).content.decode()
    site.unit.valid_to = timezone.localdate() - timedelta(days=1)
    site.unit.save()
    assert NOTICE in client.get(site.get_absolute_url()).content.decode()
    page = client.get(article.get_absolute_url()).content.decode()
    assert NOTICE in page and 'id="comment-form"' not in page
    units = client.get("/don-vi/").content.decode()
    assert site.name in units.split('id="group-archives"')[1].split("</section>")[0]


def test_admin_shows_the_archive_read_only(client, editor):
    site = commune_site(timezone.localdate() - timedelta(days=1))[0]
    client.force_login(editor)
    page = client.get(f"/admin/articles/subsite/{site.pk}/change/").content.decode()
    assert 'name="is_archived"' not in page
    ended = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Lưu trữ: đơn vị đã kết thúc hoạt động từ {ended}." in page
    listing = client.get("/admin/articles/subsite/?luu-tru=1").content.decode()
    assert site.name in listing
    assert site.name not in client.get("/admin/articles/subsite/?luu-tru=0").content.decode()


def test_a_tick_cannot_archive_or_reopen_a_site(client, editor):
    """Posting the old field does nothing: only the unit's end date decides."""
    site = commune_site(None)[0]
    client.force_login(editor)
    response = client.post(
        f"/admin/articles/subsite/{site.pk}/change/",
        {"unit": site.unit_id, "name": site.name, "intro": "", "links": "", "is_archived": "on"},
    )
    assert response.status_code == 302
    site.refresh_from_db()
    assert not site.is_archived


def test_an_ended_units_site_takes_no_new_article(client, editor):
    site, category, _ = commune_site(timezone.localdate() - timedelta(days=1))
    client.force_login(editor)
    response = client.post("/admin/articles/article/add/", article_form(category, subsite=site.pk))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "đã lưu trữ" in errors["subsite"][0]
    assert 'value="Bài mới của phóng viên"' in response.content.decode()
