"""Query budgets of the sub-site pages: the same whatever the number of sub-sites, of their
categories and of their articles. Measured, as the province's, after other pages have filled what
they share: the site-wide caches, and for a sub-site's category and article pages its home (the
sub-site's menu and latest news, as a reader arriving from it finds them)."""

import pytest

from tests.articles.test_query_budget import ARTICLE_PAGE_BUDGET, HOME_BUDGET
from tests.factories import (
    ApprovedReportFactory,
    CategoryFactory,
    ExemplaryModelFactory,
    PublishedArticleFactory,
    SubsiteFactory,
    UnitFactory,
    image_file,
)

pytestmark = pytest.mark.django_db


def _subsites(count, per_category):
    """`count` sub-sites with three menu categories each (one with a child), their articles,
    and exemplary models of their units; each carries on the work of one archive."""
    sites = []
    for _ in range(count):
        subsite = SubsiteFactory(unit=UnitFactory(kind="commune"), links="Tỉnh | /")
        top = CategoryFactory(subsite=subsite)
        cats = [top, CategoryFactory(subsite=subsite, parent=top), CategoryFactory(subsite=subsite)]
        for k, cat in enumerate(cats):
            PublishedArticleFactory.create_batch(
                per_category, category=cat, subsite=subsite, is_featured=k == 0, tags=["Dân vận"]
            )
        PublishedArticleFactory(category=cats[2], subsite=subsite, cover_image=image_file(size=(80, 50)))
        report = ApprovedReportFactory(unit=subsite.unit)
        ExemplaryModelFactory.create_batch(per_category // 2 + 1, report=report, stage="recognized")
        sites.append((subsite, cats))
    archive = SubsiteFactory(is_archived=True)
    for subsite, _ in sites:
        subsite.unit.predecessors.add(archive.unit)
    return sites


SIZES = [(1, 2), (6, 25)]


@pytest.mark.parametrize("count,per_category", SIZES)
def test_subsite_home_query_budget(
    client, django_assert_max_num_queries, warm_site_caches, count, per_category
):
    subsite, _ = _subsites(count, per_category)[0]
    warm_site_caches()
    client.get("/don-vi/")
    with django_assert_max_num_queries(HOME_BUDGET):
        assert client.get(subsite.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count,per_category", SIZES)
def test_subsite_category_query_budget(
    client, django_assert_max_num_queries, warm_site_caches, count, per_category
):
    subsite, cats = _subsites(count, per_category)[0]
    warm_site_caches()
    client.get(subsite.get_absolute_url())
    for page in ("", "?page=2"):
        with django_assert_max_num_queries(HOME_BUDGET):
            assert client.get(cats[0].get_absolute_url() + page).status_code in (200, 404)


@pytest.mark.parametrize("count,per_category", SIZES)
def test_subsite_article_query_budget(
    client, django_assert_max_num_queries, warm_site_caches, count, per_category
):
    subsite, cats = _subsites(count, per_category)[0]
    article = subsite.articles.filter(category=cats[2]).latest()
    warm_site_caches()
    client.get(subsite.get_absolute_url())
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count,per_category", SIZES)
def test_unit_list_and_province_home_query_budget(
    client, django_assert_max_num_queries, warm_site_caches, count, per_category
):
    _subsites(count, per_category)
    warm_site_caches()
    for url in ("/don-vi/", "/"):
        with django_assert_max_num_queries(HOME_BUDGET):
            assert client.get(url).status_code == 200
