"""The library as readers and editors see it: numbers, search, the document page, its file,
citation links, feeds and the admin's refusals."""

import datetime
import re

import pytest
from django.urls import reverse

from documents.models import Document
from documents.numbers import number_key
from tests.factories import FieldFactory, PublishedArticleFactory

from .helpers import DocumentFactory, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_number_key_is_the_same_however_typed():
    keys = {number_key(n) for n in ("177-KH/HU", "177/KH-HU", "177 KH HU", "177–kh/hu")}
    assert keys == {" 177 KH HU "}


@pytest.mark.parametrize("typed", ["177-KH/HU", "177/KH-HU", "177 KH HU", "kh 177"])
def test_search_finds_a_number_however_typed(client, typed):
    DocumentFactory(number="177-KH/HU", issuer="Huyện ủy Con Cuông", summary="Kế hoạch tổ chức hội nghị.")
    DocumentFactory(number="17-KH/HU", issuer="Huyện ủy Con Cuông", summary="Kế hoạch khác.")
    page = client.get("/van-ban/", {"q": typed}).content.decode()
    assert "Kế hoạch số 177-KH/HU" in page
    assert "Kế hoạch số 17-KH/HU" not in page


def test_search_covers_summary_and_extracted_text_without_marks(client):
    DocumentFactory(number="5-CT/TU", summary="Về tăng cường công tác dân vận ở vùng đồng bào.")
    DocumentFactory(number="6-CT/TU", summary="Về một việc khác.", file=pdf_file(text="phong trao thi dua"))
    assert "5-CT/TU" in client.get("/van-ban/", {"q": "dong bao"}).content.decode()
    assert "6-CT/TU" in client.get("/van-ban/", {"q": "thi đua"}).content.decode()


def test_list_is_newest_first_and_filters_by_kind_issuer_field_and_year(client):
    field = FieldFactory(name="Lĩnh vực thử")
    old = DocumentFactory(
        number="1-NQ/TU", kind=Document.Kind.NGHI_QUYET, issued_on=datetime.date(2019, 5, 1)
    )
    new = DocumentFactory(number="2-KH/HU", issuer="Huyện ủy Kỳ Sơn", issued_on=datetime.date(2024, 5, 1))
    new.fields.add(field)
    page = client.get("/van-ban/").content.decode()
    assert page.index("2-KH/HU") < page.index("1-NQ/TU")
    for params, shown, hidden in [
        ({"loai": "nghi-quyet"}, old, new),
        ({"co-quan": "Huyện ủy Kỳ Sơn"}, new, old),
        ({"linh-vuc": field.pk}, new, old),
        ({"nam": 2019}, old, new),
    ]:
        page = client.get("/van-ban/", params).content.decode()
        assert f"số {shown.number}" in page and f"số {hidden.number}" not in page, params


def test_a_filter_value_not_offered_is_ignored_not_an_error(client):
    DocumentFactory(number="3-KH/HU")
    response = client.get("/van-ban/", {"nam": "abc", "loai": "khong-co", "page": "1"})
    assert response.status_code == 200 and "3-KH/HU" in response.content.decode()


def test_slug_comes_from_the_number_and_stays_when_the_number_is_corrected():
    document = DocumentFactory(number="224/2026/NĐ-CP")
    assert document.slug == "224-2026-nd-cp"
    document.number = "224/2026/NĐ-CP (sửa)"
    document.save()
    document.refresh_from_db()
    assert document.slug == "224-2026-nd-cp"


@pytest.mark.parametrize(
    "today, status, label",
    [
        (datetime.date(2020, 1, 1), "not-yet", "Chưa có hiệu lực"),
        (datetime.date(2021, 1, 1), "in-force", "Còn hiệu lực"),
        (datetime.date(2023, 1, 1), "expired", "Hết hiệu lực"),
    ],
)
def test_status_comes_from_the_dates(client, time_machine, today, status, label):
    time_machine.move_to(datetime.datetime(today.year, today.month, today.day, 12))
    document = DocumentFactory(
        issued_on=datetime.date(2020, 6, 1),
        effective_on=datetime.date(2020, 7, 1),
        expires_on=datetime.date(2022, 12, 31),
    )
    page = client.get(document.get_absolute_url()).content.decode()
    assert f'data-status="{status}">{label}<' in page


def test_page_shows_every_field_and_relations_both_ways(client):
    field = FieldFactory(name="Xây dựng hệ thống chính trị thử")
    old = DocumentFactory(number="290-QĐ/TW", kind=Document.Kind.QUYET_DINH, issuer="Bộ Chính trị")
    amended = DocumentFactory(number="8-HD/BDVTW", kind=Document.Kind.HUONG_DAN)
    new = DocumentFactory(
        number="23-QĐ/TW", kind=Document.Kind.QUYET_DINH, issuer="Bộ Chính trị", signer="Người Ký Thử"
    )
    new.replaces.add(old)
    new.amends.add(amended)
    new.fields.add(field)
    page = client.get(new.get_absolute_url()).content.decode()
    for text in (
        "23-QĐ/TW",
        "Bộ Chính trị",
        "Người Ký Thử",
        field.name,
        "Thay thế văn bản",
        "Sửa đổi, bổ sung",
    ):
        assert text in page
    assert old.get_absolute_url() in page and amended.get_absolute_url() in page
    old_page = client.get(old.get_absolute_url()).content.decode()
    assert "Được thay thế bởi" in old_page and new.get_absolute_url() in old_page
    assert "Được sửa đổi, bổ sung bởi" in client.get(amended.get_absolute_url()).content.decode()


def test_pdf_is_shown_in_the_page_from_our_origin_and_downloaded_under_a_safe_name(client):
    document = DocumentFactory(number="16/CT-TTg", file=pdf_file(name="../../etc/tên lạ;.pdf"))
    response = client.get(document.get_absolute_url())
    page = response.content.decode()
    assert "frame-src 'self'" in response["Content-Security-Policy"]
    assert f'<iframe class="document-pdf" src="/van-ban/{document.slug}/xem/"' in page
    shown = client.get(f"/van-ban/{document.slug}/xem/")
    assert shown["Content-Type"] == "application/pdf"
    assert shown["X-Frame-Options"] == "SAMEORIGIN"
    assert re.search(r"frame-ancestors 'self'(;|$)", shown["Content-Security-Policy"])
    assert b"".join(shown.streaming_content).startswith(b"%PDF-")
    download = client.get(f"/van-ban/{document.slug}/tai-ve/")
    assert download["Content-Disposition"] == 'attachment; filename="16-ct-ttg.pdf"'
    # Every other page still refuses to be framed.
    assert response["X-Frame-Options"] == "DENY"


def test_missing_file_on_disk_still_shows_the_page_with_a_notice(client):
    document = DocumentFactory(file=pdf_file())
    document.file.storage.delete(document.file.name)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert "Tệp văn bản hiện không có trên máy chủ" in response.content.decode()
    assert client.get(f"/van-ban/{document.slug}/tai-ve/").status_code == 404
    assert client.get(f"/van-ban/{document.slug}/xem/").status_code == 404


def test_unpublished_document_is_hidden_from_readers(client):
    document = DocumentFactory(is_published=False)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert document.number not in client.get("/van-ban/").content.decode()


def test_cited_numbers_link_to_the_document_but_never_inside_links_or_attributes(client):
    document = DocumentFactory(number="49-CT/TW", issuer="Ban Bí thư")
    article = PublishedArticleFactory(
        body=(
            "<p>Thực hiện Chỉ thị số 49-CT/TW và Kế hoạch số 177-KH/HU.</p>"
            '<p><a href="https://example.org/">Chỉ thị 49-CT/TW</a></p>'
            '<p><img src="/media/a.jpg" alt="Ảnh 49-CT/TW"></p>'
        )
    )
    page = client.get(article.get_absolute_url()).content.decode()
    link = f'<a href="/van-ban/{document.slug}/" class="citation">49-CT/TW</a>'
    assert page.count(link) == 1
    assert '<a href="https://example.org/" rel="noopener noreferrer">Chỉ thị 49-CT/TW</a>' in page
    assert 'alt="Ảnh 49-CT/TW"' in page
    assert "Kế hoạch số 177-KH/HU." in page  # not in the library: plain text


def test_a_document_added_later_links_earlier_articles_and_lists_them(client):
    article = PublishedArticleFactory(body="<p>Theo Kế hoạch 177/KH-HU của Huyện ủy.</p>")
    assert "citation" not in client.get(article.get_absolute_url()).content.decode()
    document = DocumentFactory(number="177-KH/HU", issuer="Huyện ủy Con Cuông")
    assert f'href="/van-ban/{document.slug}/"' in client.get(article.get_absolute_url()).content.decode()
    page = client.get(document.get_absolute_url()).content.decode()
    assert article.title in page and article.get_absolute_url() in page


def test_document_summary_links_the_numbers_it_cites(client):
    cited = DocumentFactory(number="49-CT/TW", issuer="Ban Bí thư")
    document = DocumentFactory(number="236-KL/TW", summary="Về tiếp tục thực hiện Chỉ thị số 49-CT/TW.")
    assert (
        f'<a href="/van-ban/{cited.slug}/" class="citation">49-CT/TW</a>'
        in client.get(document.get_absolute_url()).content.decode()
    )


def test_feed_and_sitemap_list_documents(client):
    document = DocumentFactory(number="43-NQ/TW")
    assert "43-NQ/TW" in client.get("/van-ban/rss/").content.decode()
    assert document.get_absolute_url() in client.get("/sitemap.xml").content.decode()


# --- Admin -------------------------------------------------------------------------------------
def _admin_post(client, admin_user, **overrides):
    client.force_login(admin_user)
    data = {
        "number": "12-KH/BDVTU",
        "kind": "ke-hoach",
        "issuer": "Ban Dân vận Tỉnh ủy",
        "signer": "",
        "summary": "Kế hoạch thử nghiệm.",
        "is_published": "on",
        "issued_on": "05/01/2026",
        "effective_on": "",
        "expires_on": "",
        **overrides,
    }
    return client.post(reverse("admin:documents_document_add"), data)


def test_admin_refuses_the_same_number_and_issuer_with_a_message_on_the_field(client, admin_user):
    DocumentFactory(number="12-KH/BDVTU", issuer="Ban Dân vận Tỉnh ủy")
    response = _admin_post(client, admin_user, number="12/KH-BDVTU")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Đã có văn bản số 12-KH/BDVTU" in errors["number"][0]
    assert 'value="12/KH-BDVTU"' in response.content.decode()  # what was typed is kept


def test_admin_refuses_an_executable_renamed_pdf_and_keeps_what_was_typed(client, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    exe = SimpleUploadedFile("van-ban.pdf", b"MZ" + bytes(100))
    response = _admin_post(client, admin_user, file=exe, summary="Trích yếu đã gõ.")
    assert "không phải PDF, DOC hoặc DOCX" in response.context["adminform"].form.errors["file"][0]
    assert "Trích yếu đã gõ." in response.content.decode()
    assert not Document.objects.exists()


def test_admin_accepts_a_pdf_and_extracts_its_text(client, admin_user):
    response = _admin_post(client, admin_user, file=pdf_file(text="noi dung tim kiem"))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file_kind == "pdf" and "noi dung tim kiem" in document.text
    assert document.file.name.endswith(".pdf") and "van-ban" not in document.file.name


def test_a_list_item_shows_the_number_issuer_date_status_and_the_first_40_words_of_the_summary(
    client, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 12))
    words = [f"câu{n}" for n in range(50)]
    document = DocumentFactory(
        number="177-KH/HU",
        issuer="Huyện ủy Con Cuông",
        issued_on=datetime.date(2020, 4, 2),
        summary=" ".join(words),
    )
    page = client.get("/van-ban/").content.decode()
    item = re.search(r'<li class="document-item">.*?</li>', page, re.S).group()
    assert f'<a href="{document.get_absolute_url()}">Kế hoạch số 177-KH/HU</a>' in item
    assert (
        'Huyện ủy Con Cuông · ngày 02/04/2020 · <span class="doc-status doc-status-in-force">Còn hiệu lực</span>'
        in item
    )
    assert f'<p class="document-summary">{" ".join(words[:40])} …</p>' in item
