"""The list of sub-sites (/don-vi/) is in the site's main menu on every public page (issue 15),
the province's and a sub-site's alike, so a reader finds the units' own pages."""

import pytest

from tests.factories import SubsiteFactory, UnitFactory

pytestmark = pytest.mark.django_db


def menu(page: str) -> str:
    return page.split('class="menu-bar"')[1].split("</nav>")[0]


@pytest.mark.parametrize("where", ["province", "subsite", "documents"])
def test_main_menu_links_the_list_of_units(client, where):
    site = SubsiteFactory(name="Đảng ủy xã Có Trang", unit=UnitFactory(kind="commune"))
    url = {"province": "/", "subsite": site.get_absolute_url(), "documents": "/van-ban/"}[where]
    page = client.get(url).content.decode()
    assert '<a href="/don-vi/">Đơn vị</a>' in menu(page)
