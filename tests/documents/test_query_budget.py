"""Query budgets of the library's pages: constant whatever the number of documents, their
relations or the articles citing them (measured after another page filled the site caches)."""

import pytest

from tests.factories import FieldFactory, PublishedArticleFactory

from .helpers import DocumentFactory

pytestmark = pytest.mark.django_db

LIST_BUDGET = 10
DOCUMENT_PAGE_BUDGET = 12


@pytest.mark.parametrize("count", [3, 40])
def test_list_and_search_query_budget(client, django_assert_max_num_queries, warm_site_caches, count):
    field = FieldFactory()
    for document in DocumentFactory.create_batch(count):
        document.fields.add(field)
    warm_site_caches()
    for url in (
        "/van-ban/",
        "/van-ban/?q=ke+hoach",
        "/van-ban/?q=kh+1",
        f"/van-ban/?linh-vuc={field.pk}&nam=2020",
    ):
        with django_assert_max_num_queries(LIST_BUDGET):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("related", [1, 15])
def test_document_page_query_budget(client, django_assert_max_num_queries, warm_site_caches, related):
    document = DocumentFactory(number="49-CT/TW")
    document.fields.add(FieldFactory())
    for other in DocumentFactory.create_batch(related):
        document.replaces.add(other)
        other.amends.add(document)
    PublishedArticleFactory.create_batch(related, body="<p>Theo Chỉ thị 49-CT/TW.</p>")
    warm_site_caches()
    with django_assert_max_num_queries(DOCUMENT_PAGE_BUDGET):
        assert client.get(document.get_absolute_url()).status_code == 200
