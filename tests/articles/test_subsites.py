"""Sub-sites ("trang thành phần", SPEC "Sub-sites"): what readers see on a unit's pages, and what
the province's pages no longer mix in."""

from datetime import date

import pytest
from django.contrib.auth.models import Group

from articles.models import Comment
from tests.factories import (
    ApprovedReportFactory,
    CategoryFactory,
    ExemplaryModelFactory,
    PublishedArticleFactory,
    SubsiteFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def main(page: str) -> str:
    """The page's main content (the sidebar's "Đọc nhiều" is the whole site's)."""
    return page.split("<main")[1].split("</main>")[0]


@pytest.fixture
def site():
    """A sub-site with one menu category and two articles, beside a province article."""
    subsite = SubsiteFactory(name="Đảng ủy xã Thử Nghiệm", intro="Trang của xã.")
    category = CategoryFactory(name="Tin hoạt động xã", subsite=subsite)
    province = PublishedArticleFactory(title="Tin của tỉnh", category=CategoryFactory(name="Tin tỉnh"))
    older = PublishedArticleFactory(title="Tin cũ của xã", category=category, subsite=subsite)
    newer = PublishedArticleFactory(title="Tin mới của xã", category=category, subsite=subsite)
    return subsite, category, province, older, newer


def test_subsite_home_shows_its_banner_menu_and_news(client, site):
    subsite, category, province, older, newer = site
    page = client.get(f"/don-vi/{subsite.slug}/").content.decode()
    assert f'id="site-banner" data-subsite="{subsite.slug}"' in page
    assert f'href="/don-vi/{subsite.slug}/chuyen-muc/{category.slug}/"' in page  # its menu
    assert "Tin mới của xã" in main(page) and "Tin cũ của xã" in main(page)
    assert "Tin của tỉnh" not in main(page)
    assert "Trang của xã." in page
    assert 'href="/"' in page  # back to the province


def test_unknown_unit_is_the_vietnamese_404(client, site):
    response = client.get("/don-vi/khong-co-don-vi-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_subsite_home_lists_its_units_exemplary_models(client, site):
    subsite = site[0]
    ExemplaryModelFactory(
        name="Mô hình bản sạch đẹp", report=ApprovedReportFactory(unit=subsite.unit), stage="recognized"
    )
    ExemplaryModelFactory(name="Mô hình nơi khác", report=ApprovedReportFactory(), stage="recognized")
    page = client.get(subsite.get_absolute_url()).content.decode()
    assert "Mô hình bản sạch đẹp" in page
    assert "Mô hình nơi khác" not in page


def test_subsite_category_page_is_paginated(client, site, settings):
    subsite, category = site[0], site[1]
    PublishedArticleFactory.create_batch(settings.ARTICLES_PER_PAGE, category=category, subsite=subsite)
    url = f"/don-vi/{subsite.slug}/chuyen-muc/{category.slug}/"
    first = client.get(url)
    assert first.status_code == 200
    assert f'data-subsite="{subsite.slug}"' in first.content.decode()
    second = client.get(url + "?page=2").content.decode()
    assert "Tin cũ của xã" in second  # the oldest of 22, on page 2


def test_a_category_is_found_only_under_its_own_site(client, site):
    subsite, category = site[0], site[1]
    other = SubsiteFactory()
    assert client.get(f"/don-vi/{other.slug}/chuyen-muc/{category.slug}/").status_code == 404
    # The province's address of a sub-site category leads to the sub-site's.
    response = client.get(f"/chuyen-muc/{category.slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/don-vi/{subsite.slug}/chuyen-muc/{category.slug}/"


def test_subsite_article_keeps_its_url_under_the_subsite(client, site):
    subsite, category, province, older, newer = site
    assert newer.get_absolute_url() == f"/tin-tuc/{newer.slug}/"
    page = client.get(newer.get_absolute_url()).content.decode()
    assert f'data-subsite="{subsite.slug}"' in page
    breadcrumbs = page.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "Trang chủ" in breadcrumbs and subsite.name in breadcrumbs and category.name in breadcrumbs
    related = page.split('id="related-news"')[1].split("</ul>")[0]
    assert "Tin cũ của xã" in related and "Tin của tỉnh" not in related
    sidebar = page.split('id="latest-news"')[1].split("</section>")[0]
    assert "Tin cũ của xã" in sidebar and "Tin của tỉnh" not in sidebar


def test_province_article_is_not_under_a_subsite(client, site):
    province = site[2]
    page = client.get(province.get_absolute_url()).content.decode()
    assert 'id="site-banner"' in page and "data-subsite" not in page
    related = page.split('id="related-news"')[1].split("</ul>") if 'id="related-news"' in page else [""]
    assert "của xã" not in related[0]


def test_province_home_keeps_subsite_news_to_its_own_block(client, site):
    page = client.get("/").content.decode()
    latest = page.split('id="latest-title"')[1].split("</section>")[0]
    assert "Tin của tỉnh" in latest and "của xã" not in latest
    from_units = page.split('id="from-units-title"')[1].split("</section>")[0]
    assert "Tin mới của xã" in from_units and site[0].name in from_units
    sidebar = page.split('id="latest-news"')[1].split("</section>")[0]
    assert "của xã" not in sidebar


def test_feeds_province_and_subsite(client, site):
    subsite = site[0]
    province_feed = client.get("/rss/").content.decode()
    assert "Tin của tỉnh" in province_feed and "của xã" not in province_feed
    feed = client.get(f"/don-vi/{subsite.slug}/rss/").content.decode()
    assert "Tin mới của xã" in feed and "Tin của tỉnh" not in feed
    assert client.get("/don-vi/khong-co/rss/").status_code == 404


def test_search_narrowed_to_one_unit(client, site):
    subsite = site[0]
    everything = client.get("/tim-kiem/", {"q": "tin"}).content.decode()
    assert "Tin của tỉnh" in everything and "Tin mới của xã" in everything
    narrowed = client.get("/tim-kiem/", {"q": "tin", "don-vi": subsite.slug}).content.decode()
    results = main(narrowed).split('class="search-summary"')[1]
    assert "Tin mới của xã" in results and "Tin của tỉnh" not in results
    assert client.get("/tim-kiem/", {"q": "tin", "don-vi": "khong-co"}).status_code == 404


def test_sitemap_lists_subsite_pages(client, site):
    subsite, category = site[0], site[1]
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/don-vi/{subsite.slug}/</loc>" in xml
    assert "/don-vi/</loc>" in xml
    assert f"/don-vi/{subsite.slug}/chuyen-muc/{category.slug}/</loc>" in xml
    assert f"/tin-tuc/{site[4].slug}/</loc>" in xml


def test_unit_list_groups_communes_committees_and_archives(client):
    SubsiteFactory(name="Trang xã Một", unit=UnitFactory(kind="commune"))
    SubsiteFactory(name="Trang phường Hai", unit=UnitFactory(kind="ward"))
    SubsiteFactory(name="Trang Đảng ủy Khối", unit=UnitFactory(kind="party_committee"))
    SubsiteFactory(name="Trang huyện cũ", is_archived=True)
    page = client.get("/don-vi/").content.decode()
    communes = page.split('id="group-communes"')[1].split("</section>")[0]
    committees = page.split('id="group-committees"')[1].split("</section>")[0]
    archives = page.split('id="group-archives"')[1].split("</section>")[0]
    assert "Trang Đảng ủy Khối" in committees
    assert "Trang huyện cũ" in archives and "lưu trữ" in archives
    assert "Trang xã Một" in communes and "Trang phường Hai" in communes


# --- Archives ----------------------------------------------------------------------------------


@pytest.fixture
def archive():
    successor = SubsiteFactory(name="Đảng ủy xã Kế Tục", unit=UnitFactory(kind="commune"))
    old_unit = UnitFactory(name="Huyện Cũ", valid_to=date(2025, 6, 30))
    successor.unit.predecessors.add(old_unit)
    subsite = SubsiteFactory(unit=old_unit, name="Ban Dân vận Huyện ủy Cũ", is_archived=True)
    category = CategoryFactory(subsite=subsite)
    article = PublishedArticleFactory(title="Bài năm 2019", category=category, subsite=subsite)
    return subsite, successor, article


def test_archive_says_so_and_links_the_units_that_carry_on(client, archive):
    subsite, successor, article = archive
    for url in (subsite.get_absolute_url(), article.get_absolute_url()):
        page = client.get(url).content.decode()
        notice = page.split('class="archive-notice"')[1].split("</div>")[0]
        assert "Đơn vị đã kết thúc hoạt động từ 01/07/2025; trang được lưu trữ" in notice
        assert f'href="{successor.get_absolute_url()}"' in notice


def test_archive_takes_no_comment(client, archive):
    article = archive[2]
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'id="comment-form"' not in page
    response = client.post(
        f"/tin-tuc/{article.slug}/y-kien/", {"name": "A", "title": "T", "body": "Nội dung", "captcha_0": "x"}
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_deleting_a_unit_with_a_subsite_is_refused_without_error(client, archive, django_user_model):
    subsite = archive[0]
    admin_user = django_user_model.objects.create_superuser("boss", password="pass-1234-xyz")
    client.force_login(admin_user)
    url = f"/admin/reports/unit/{subsite.unit_id}/delete/"
    page = client.get(url)
    assert page.status_code == 200
    assert subsite.name in page.content.decode()  # named as what protects the unit
    client.post(url, {"post": "yes"})
    client.logout()
    assert client.get(subsite.get_absolute_url()).status_code == 200


def test_archive_group_permissions_exist():
    """Provincial editors make sub-sites (the group has the permission after migrate)."""
    editors = Group.objects.get(name="Biên tập viên")
    assert editors.permissions.filter(codename="add_subsite").exists()


def test_archive_notice_follows_a_new_successor(client, archive):
    """Linking another unit that carries on the work shows on the kept archive page at once."""
    subsite = archive[0]
    client.get(subsite.get_absolute_url())
    newcomer = SubsiteFactory(name="Đảng ủy xã Mới Lập", unit=UnitFactory(kind="commune"))
    client.get(subsite.get_absolute_url())
    newcomer.unit.predecessors.add(subsite.unit)
    page = client.get(subsite.get_absolute_url()).content.decode()
    assert "Đảng ủy xã Mới Lập" not in page.split('class="archive-notice"')[0]
    assert newcomer.unit.name in page.split('class="archive-notice"')[1].split("</div>")[0]
