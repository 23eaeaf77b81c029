"""A unit's documents (issue 16, "a sub-site editor manages those of their own unit"): a document
belongs to the province or to a sub-site; an editor limited to sub-sites sees, adds, changes and
deletes only theirs in the admin, by list or by URL; readers find a unit's documents on its
sub-site's home and with `/van-ban/?don-vi=<unit>`."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from documents.models import Document
from tests.factories import SubsiteFactory, UnitFactory, make_user

from .helpers import DocumentFactory

pytestmark = pytest.mark.django_db

SUBSITE_EDITORS = "Biên tập viên trang thành phần"


@pytest.fixture
def sites():
    mine = SubsiteFactory(name="Trang xã Của Tôi", unit=UnitFactory(name="Xã Của Tôi", kind="commune"))
    other = SubsiteFactory(name="Trang xã Khác", unit=UnitFactory(name="Xã Khác", kind="commune"))
    return mine, other


@pytest.fixture
def docs(sites):
    mine, other = sites
    return (
        DocumentFactory(
            number="1-KH/ĐU", issuer="Đảng ủy xã Của Tôi", subsite=mine, summary="Văn bản xã tôi."
        ),
        DocumentFactory(
            number="2-KH/ĐU", issuer="Đảng ủy xã Khác", subsite=other, summary="Văn bản xã khác."
        ),
        DocumentFactory(number="3-KH/BDVTU", summary="Văn bản của tỉnh."),
    )


@pytest.fixture
def limited(sites):
    user = make_user("coso", groups=[SUBSITE_EDITORS], is_staff=True)
    sites[0].editors.add(user)
    return user


def form_data(**overrides):
    return {
        "number": "9-KH/ĐU",
        "kind": "ke-hoach",
        "issuer": "Đảng ủy xã Của Tôi",
        "signer": "",
        "summary": "Kế hoạch do đơn vị gõ.",
        "is_published": "on",
        "issued_on": "05/01/2026",
        "effective_on": "",
        "expires_on": "",
        **overrides,
    }


def change_url(document):
    return reverse("admin:documents_document_change", args=[document.pk])


# --- The admin, for an editor limited to a sub-site --------------------------------------------


def test_the_subsite_editors_group_may_manage_documents():
    codenames = set(Group.objects.get(name=SUBSITE_EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_document", "change_document", "delete_document", "view_document"} <= codenames


def test_limited_editor_lists_only_their_units_documents(client, docs, limited):
    client.force_login(limited)
    page = client.get(reverse("admin:documents_document_changelist")).content.decode()
    assert "1-KH/ĐU" in page
    assert "2-KH/ĐU" not in page and "3-KH/BDVTU" not in page
    # The list's filter names only their own sub-site, never another unit.
    assert "Trang xã Của Tôi" in page and "Trang xã Khác" not in page


def test_provincial_editor_lists_every_units_documents(client, docs, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:documents_document_changelist")).content.decode()
    assert all(d.number in page for d in docs)
    filtered = client.get(
        reverse("admin:documents_document_changelist") + f"?subsite__id__exact={docs[1].subsite_id}"
    ).content.decode()
    assert "2-KH/ĐU" in filtered and "1-KH/ĐU" not in filtered


@pytest.mark.parametrize("which", ["other unit", "province"])
def test_limited_editor_cannot_open_change_or_delete_others_by_url(client, docs, limited, which):
    document = docs[1] if which == "other unit" else docs[2]
    client.force_login(limited)
    assert client.get(change_url(document)).status_code == 302  # "does not exist", as for articles
    client.post(change_url(document), form_data(number=document.number, summary="Sửa trộm."))
    delete = reverse("admin:documents_document_delete", args=[document.pk])
    assert client.get(delete).status_code == 302
    client.post(delete, {"post": "yes"})
    document.refresh_from_db()
    assert document.summary != "Sửa trộm."


def test_limited_editor_changes_and_deletes_their_own(client, docs, limited):
    mine = docs[0]
    client.force_login(limited)
    assert client.get(change_url(mine)).status_code == 200
    response = client.post(
        change_url(mine), form_data(number=mine.number, subsite=mine.subsite_id, summary="Đã sửa.")
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.summary == "Đã sửa."
    client.post(reverse("admin:documents_document_delete", args=[mine.pk]), {"post": "yes"})
    assert not Document.objects.filter(pk=mine.pk).exists()


def test_limited_editor_adds_a_document_of_their_unit(client, sites, limited):
    client.force_login(limited)
    form = client.get(reverse("admin:documents_document_add")).content.decode()
    assert "Trang xã Của Tôi" in form and "Trang xã Khác" not in form  # the only choice offered
    response = client.post(reverse("admin:documents_document_add"), form_data(subsite=sites[0].pk))
    assert response.status_code == 302
    assert Document.objects.get().subsite == sites[0]


@pytest.mark.parametrize("where", ["other", "province", "nonsense"])
def test_limited_editor_is_refused_another_unit_with_nothing_lost(client, sites, limited, where):
    subsite = {"other": sites[1].pk, "province": "", "nonsense": "abc"}[where]
    client.force_login(limited)
    response = client.post(reverse("admin:documents_document_add"), form_data(subsite=subsite))
    assert response.status_code == 200
    error = response.context["adminform"].form.errors["subsite"][0]
    assert "Trang xã Của Tôi" in error  # names where they may file documents
    assert "trang thành phần" in error
    page = response.content.decode()
    assert 'value="9-KH/ĐU"' in page and "Kế hoạch do đơn vị gõ." in page
    assert not Document.objects.exists()


def test_limited_editor_cannot_file_in_an_archive(client, limited):
    archive = SubsiteFactory(name="Trang huyện cũ", is_archived=True)
    archive.editors.add(limited)
    client.force_login(limited)
    response = client.post(reverse("admin:documents_document_add"), form_data(subsite=archive.pk))
    assert response.status_code == 200
    assert "subsite" in response.context["adminform"].form.errors
    assert not Document.objects.exists()


def test_provincial_editor_files_for_any_unit_or_the_province(client, sites, editor):
    client.force_login(editor)
    assert (
        client.post(reverse("admin:documents_document_add"), form_data(subsite=sites[1].pk)).status_code
        == 302
    )
    response = client.post(
        reverse("admin:documents_document_add"), form_data(number="10-KH/BDVTU", issuer="Ban Dân vận Tỉnh ủy")
    )
    assert response.status_code == 302
    assert set(Document.objects.values_list("subsite_id", flat=True)) == {sites[1].pk, None}


def test_preview_of_an_unpublished_document_stays_within_the_unit(client, sites, limited):
    mine = DocumentFactory(subsite=sites[0], is_published=False)
    theirs = DocumentFactory(subsite=sites[1], is_published=False)
    client.force_login(limited)
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(theirs.get_absolute_url()).status_code == 404


# --- Readers -----------------------------------------------------------------------------------


def test_list_filters_by_unit(client, sites, docs):
    page = client.get(f"/van-ban/?don-vi={sites[0].slug}").content.decode()
    listing = page.split('class="document-list"')[1]
    assert "1-KH/ĐU" in listing and "2-KH/ĐU" not in listing and "3-KH/BDVTU" not in listing
    assert f'<option value="{sites[0].slug}" selected>' in page


def test_a_unit_without_documents_gives_an_empty_list_not_a_notice(client):
    site = SubsiteFactory(unit=UnitFactory(kind="commune"))
    DocumentFactory()
    page = client.get(f"/van-ban/?don-vi={site.slug}").content.decode()
    assert "Chưa có văn bản nào khớp" in page and 'class="notice"' not in page


@pytest.mark.parametrize("value", ["khong-co-don-vi", "<b>x</b>", "x" * 300, "1"])
def test_an_unknown_unit_is_answered_with_a_vietnamese_notice(client, docs, value):
    response = client.get("/van-ban/", {"don-vi": value})
    assert response.status_code == 200
    page = response.content.decode()
    notice = page.split('<p class="notice" role="status">')[1].split("</p>")[0]
    assert notice.startswith("Không có đơn vị “") and "danh sách gồm văn bản của mọi đơn vị" in notice
    assert "<b>" not in page.split("<main")[1]  # what was typed is escaped
    assert all(d.number in page for d in docs)  # the list is not filtered


def test_other_bad_filters_are_named_in_a_notice(client, docs):
    page = client.get("/van-ban/", {"nam": "abc", "loai": "khong-co"}).content.decode()
    assert "Bộ lọc “Năm ban hành” không nhận giá trị “abc”" in page
    assert "Bộ lọc “Loại văn bản” không nhận giá trị “khong-co”" in page


def test_subsite_home_lists_its_units_latest_documents(client, sites, docs):
    page = client.get(sites[0].get_absolute_url()).content.decode()
    block = page.split('id="documents-title"')[1].split("</section>")[0]
    assert docs[0].get_absolute_url() in block
    assert docs[1].number not in block and docs[2].number not in block
    assert f'href="/van-ban/?don-vi={sites[0].slug}"' in block
    newer = DocumentFactory(
        number="7-TB/ĐU", issuer="Đảng ủy xã Của Tôi", subsite=sites[0], issued_on=date(2026, 1, 2)
    )
    block = client.get(sites[0].get_absolute_url()).content.decode().split('id="documents-title"')[1]
    assert block.index(newer.number) < block.index(docs[0].number)  # newest first, at once


def test_a_subsite_without_documents_shows_no_block(client, sites):
    assert 'id="documents-title"' not in client.get(sites[0].get_absolute_url()).content.decode()


def test_document_page_names_its_unit(client, sites, docs):
    page = client.get(docs[0].get_absolute_url()).content.decode()
    assert f'<a href="{sites[0].get_absolute_url()}">Trang xã Của Tôi</a>' in page
    assert "<dt>Đơn vị</dt>" not in client.get(docs[2].get_absolute_url()).content.decode()


# --- Query budgets -------------------------------------------------------------------------------

from tests.articles.test_query_budget import HOME_BUDGET  # noqa: E402

from .test_query_budget import DOCUMENT_PAGE_BUDGET, LIST_BUDGET  # noqa: E402


@pytest.mark.parametrize("count", [2, 30])
def test_unit_pages_query_budget(client, django_assert_max_num_queries, warm_site_caches, count):
    sites = [SubsiteFactory(unit=UnitFactory(kind="commune")) for _ in range(3)]
    for site in sites:
        DocumentFactory.create_batch(count, subsite=site, issuer=f"Đảng ủy {site.unit.name}")
    warm_site_caches()
    client.get("/don-vi/")
    site = sites[0]
    with django_assert_max_num_queries(HOME_BUDGET):
        assert client.get(site.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(LIST_BUDGET):
        assert client.get(f"/van-ban/?don-vi={site.slug}").status_code == 200
    with django_assert_max_num_queries(LIST_BUDGET):
        assert client.get(f"/van-ban/?don-vi={site.slug}&q=ke+hoach").status_code == 200
    with django_assert_max_num_queries(DOCUMENT_PAGE_BUDGET):
        assert client.get(site.documents.first().get_absolute_url()).status_code == 200


def unit_filter(client) -> str:
    """The options of the list's unit filter, as a reader gets them."""
    page = client.get("/van-ban/").content.decode()
    return page.split('name="don-vi"', 1)[1].split("</select>", 1)[0]


def test_a_new_subsite_is_offered_in_the_unit_filter_at_once(client):
    first = SubsiteFactory(unit=UnitFactory(kind="commune", name="Xã Đầu Tiên"))
    assert f'<option value="{first.slug}">' in unit_filter(client)  # the choices are now kept
    site = SubsiteFactory(unit=UnitFactory(kind="commune", name="Xã Mới Lập"))
    options = unit_filter(client)
    assert f'<option value="{site.slug}">' in options
    assert f'<option value="{first.slug}">' in options
