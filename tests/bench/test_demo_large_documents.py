"""The benchmark's bulk library gives every current sub-site a share, so the unit rows of
`make bench` measure a unit's real list."""

import pytest

from documents import demo_large
from tests.factories import SubsiteFactory, UnitFactory


@pytest.mark.django_db
def test_bulk_library_gives_each_current_subsite_documents(client):
    sites = [SubsiteFactory(unit=UnitFactory(kind="commune")) for _ in range(2)]
    archive = SubsiteFactory(is_archived=True)
    demo_large.seed_large_documents()
    assert all(site.documents.count() == demo_large.COUNT // 10 for site in sites)
    assert not archive.documents.exists()
    page = client.get(f"/van-ban/?don-vi={sites[0].slug}").content.decode()
    assert f"Có {demo_large.COUNT // 10} văn bản." in page
