"""Staff onboarding: unit accounts imported from CSV/XLSX, previewed, confirmed, invited by e-mail."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from reports.models import StaffProfile
from reports.roles import UNIT_GROUP

pytestmark = pytest.mark.django_db

IMPORT = reverse("reports:staff_import")
HEADER = "tên đăng nhập,họ và tên,email,đơn vị\n"


def _csv(body: str, header: str = HEADER, encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile("can-bo.csv", (header + body).encode(encoding), content_type="text/csv")


def _xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("can-bo.xlsx", out.getvalue())


def _preview(client, upload):
    return client.post(IMPORT, {"file": upload})


def _confirm(client, response):
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    return client.post(IMPORT, {"confirm": "1", "token": token})


def test_a_clean_file_is_previewed_and_nothing_is_created_until_confirmed(province_client, xa_con_cuong):
    body = "nva.concuong,Nguyễn Văn An,an@example.vn,Xã Con Cuông\nltb.concuong,Lê Thị Bình,binh@example.vn,xã con cuông\n"
    response = _preview(province_client, _csv(body))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Xác nhận tạo 2 tài khoản" in html and "Nguyễn Văn An" in html
    assert not get_user_model().objects.filter(username="nva.concuong").exists()
    assert len(mail.outbox) == 0


def test_confirming_creates_several_staff_of_one_unit_and_mails_each_a_set_password_link(
    province_client, xa_con_cuong, django_capture_on_commit_callbacks
):
    body = "nva.concuong,Nguyễn Văn An,an@example.vn,Xã Con Cuông\nltb.concuong,Lê Thị Bình,binh@example.vn,Xã Con Cuông\n"
    preview = _preview(province_client, _csv(body))
    with django_capture_on_commit_callbacks(execute=True):
        response = _confirm(province_client, preview)
    assert response.status_code == 302 and response["Location"] == reverse("reports:staff_list")
    users = get_user_model().objects.filter(username__endswith=".concuong")
    assert users.count() == 2
    assert {p.unit for p in StaffProfile.objects.filter(user__in=users)} == {xa_con_cuong}
    for user in users:
        assert not user.has_usable_password()
        assert user.groups.filter(name=UNIT_GROUP).exists()
        assert user.get_full_name() in ("Nguyễn Văn An", "Lê Thị Bình")
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.vn", "binh@example.vn"]
    assert "Xã Con Cuông" in mail.outbox[0].subject
    # The link is Django's password reset: it sets a password the account can log in with.
    link = re.search(r"http://testserver(/dat-mat-khau/\S+/)", mail.outbox[0].body).group(1)
    province_client.logout()
    form_page = province_client.get(link, follow=True)
    assert "Đặt mật khẩu" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = province_client.post(
        set_url, {"new_password1": "Mat-khau-rat-kho-2026", "new_password2": "Mat-khau-rat-kho-2026"}
    )
    assert done.status_code == 302
    user = get_user_model().objects.get(email=mail.outbox[0].to[0])
    assert user.check_password("Mat-khau-rat-kho-2026")


def test_each_wrong_row_says_why_and_nothing_is_created(province_client, xa_con_cuong, province_user):
    body = (
        "nva.concuong,Nguyễn Văn An,an@example.vn,Xã Không Có\n"  # unknown unit
        "nva.concuong,Nguyễn Văn An,an2@example.vn,Xã Con Cuông\n"  # duplicate in the file
        f"{province_user.username.upper()},Người Đã Có,x@example.vn,Xã Con Cuông\n"  # taken (any case)
        "moi.concuong,Người Mới,khong-phai-email,Xã Con Cuông\n"  # bad e-mail
        "huyen.concuong,Cán Bộ Huyện,h@example.vn,Huyện Con Cuông\n"  # a unit no longer in force
    )
    html = _preview(province_client, _csv(body)).content.decode()
    assert "Chưa tạo tài khoản nào" in html
    assert "Không có đơn vị “Xã Không Có” đang hoạt động" in html
    assert "trùng với dòng 2" in html
    assert "đã có tài khoản" in html
    assert "E-mail “khong-phai-email” không hợp lệ." in html
    assert "Không có đơn vị “Huyện Con Cuông” đang hoạt động" in html
    assert 'name="confirm"' not in html
    assert get_user_model().objects.count() == 1  # the province user only


def test_a_formula_cell_is_refused(province_client, xa_con_cuong):
    body = '=HYPERLINK("http://x";"bấm"),Nguyễn Văn An,an@example.vn,Xã Con Cuông\n'
    html = _preview(province_client, _csv(body)).content.decode()
    assert "bắt đầu bằng =, +, - hoặc @ (công thức): không nhận." in html
    assert 'name="confirm"' not in html
    html = _preview(
        province_client,
        _xlsx([["username", "full name", "email", "unit"], ["a1", "=1+1", "a@example.vn", "Xã Con Cuông"]]),
    ).content.decode()
    assert "(công thức): không nhận." in html


def test_a_file_in_the_wrong_encoding_gets_a_clear_message(province_client, xa_con_cuong):
    upload = _csv("nva,Nguyễn Văn An,an@example.vn,Xã Con Cuông\n", encoding="utf-16")
    response = _preview(province_client, upload)
    assert response.status_code == 200
    assert "không ở mã UTF-8" in response.content.decode()


def test_ten_thousand_rows_are_refused_with_a_message(province_client, xa_con_cuong):
    body = "".join(f"u{i},Cán bộ {i},u{i}@example.vn,Xã Con Cuông\n" for i in range(10_000))
    response = _preview(province_client, _csv(body))
    assert response.status_code == 200
    assert "Tệp có hơn 2.000 dòng: không nhập." in response.content.decode()
    assert get_user_model().objects.count() == 1


def test_xlsx_with_english_headings_is_read(province_client, xa_con_cuong, xa_muong_xen):
    rows = [
        ["Username", "Full name", "E-mail", "Unit"],
        ["a.cc", "Lô Thị A", "a@example.vn", "Xã Con Cuông"],
        ["b.mx", "Vi Văn B", "b@example.vn", "xa-muong-xen"],
    ]
    html = _preview(province_client, _xlsx(rows)).content.decode()
    assert "Xác nhận tạo 2 tài khoản" in html


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("x.xlsx", b"PK\x03\x04 not a workbook"), "Không đọc được tệp Excel"),
        (SimpleUploadedFile("x.pdf", b"%PDF-1.4"), "Chỉ nhận tệp CSV"),
        (SimpleUploadedFile("x.csv", b"username,email\n"), "Thiếu: họ và tên, đơn vị."),
    ],
)
def test_unreadable_files_get_a_message_on_the_field(province_client, upload, message):
    response = _preview(province_client, upload)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_used_preview_cannot_be_confirmed_twice(province_client, xa_con_cuong):
    preview = _preview(province_client, _csv("nva.cc,Nguyễn Văn An,an@example.vn,Xã Con Cuông\n"))
    assert _confirm(province_client, preview).status_code == 302
    again = _confirm(province_client, preview)
    assert again.status_code == 302 and again["Location"] == IMPORT
    assert get_user_model().objects.filter(username="nva.cc").count() == 1


def test_unit_staff_cannot_open_the_staff_pages(district_client):
    assert district_client.get(IMPORT).status_code == 403
    assert district_client.get(reverse("reports:staff_list")).status_code == 403


def test_the_staff_list_shows_several_accounts_per_unit(province_client, xa_con_cuong, xa_muong_xen):
    from tests.factories import make_unit_user

    make_unit_user("mot.cc", xa_con_cuong)
    make_unit_user("hai.cc", xa_con_cuong)
    make_unit_user("ba.mx", xa_muong_xen)
    html = province_client.get(reverse("reports:staff_list"), {"unit": xa_con_cuong.slug}).content.decode()
    assert "mot.cc" in html and "hai.cc" in html and "ba.mx" not in html
