"""Journey: a reader on a phone with JavaScript off rates a page in one click and sends a
question from "Liên hệ"; provincial staff answer it in the admin and it shows on "Hỏi đáp"."""

import pytest

from commission.models import Question, Rating
from tests.browser.conftest import PHONE, TIMEOUT_MS, login_in_browser, shot
from tests.factories import make_user

pytestmark = pytest.mark.browser

PASSWORD = "pass-1234-xyz"


@pytest.fixture
def no_script_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, is_mobile=True, java_script_enabled=False, locale="vi-VN"
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_rating_and_a_question_without_javascript_then_the_answer(
    no_script_page, open_page, transactional_db, django_db_serialized_rollback
):
    page = no_script_page
    page.goto("/gioi-thieu/")
    page.get_by_role("button", name="Hài lòng", exact=True).click()
    page.wait_for_url("**/gioi-thieu/?danh-gia=cam-on#danh-gia")
    assert page.locator(".rating-outcome").inner_text() == "Cảm ơn bạn đã đánh giá trang này."
    assert page.locator(".rating-outcome").is_visible()
    page.get_by_role("button", name="Chưa hài lòng").click()
    page.wait_for_url("**danh-gia=da-danh-gia#danh-gia")
    assert list(Rating.objects.values_list("path", "value")) == [("/gioi-thieu/", 3)]
    shot(page, "j-commission-01-rated")

    page.goto("/lien-he/")
    page.fill("#id_name", "Nguyễn Văn Hùng")
    page.fill("#id_subject", "Đăng ký mô hình")
    page.fill("#id_body", "Chi hội cần làm gì để đăng ký?")
    page.get_by_role("button", name="Lấy mã kiểm tra").click()  # no JavaScript: posts the text back
    page.wait_for_load_state()
    assert page.locator("#id_body").input_value() == "Chi hội cần làm gì để đăng ký?"
    assert page.locator(".captcha-image").is_visible()
    page.fill("#id_captcha_1", "passed")  # test mode's answer
    page.get_by_role("button", name="Gửi câu hỏi, góp ý").click()
    page.wait_for_url("**/lien-he/?da-gui=1#gop-y")
    note = page.locator(".sent-note")
    assert "câu hỏi/góp ý đã được gửi" in note.inner_text()
    assert note.is_visible() and note.bounding_box()["y"] < PHONE["height"]  # where the reader is
    shot(page, "j-commission-02-question-sent", full_page=False)

    make_user("tinh", groups=["Cán bộ tỉnh"], is_staff=True, password=PASSWORD)
    staff = open_page()
    login_in_browser(staff, "tinh", PASSWORD, path="/admin/login/")
    staff.goto(f"/admin/commission/question/{Question.objects.get().pk}/change/")
    staff.select_option("#id_status", "answered")
    staff.fill("#id_answer", "Đăng ký với Đảng ủy xã trong thời gian đăng ký.")
    staff.locator("[name=_save]").click()
    staff.wait_for_url("**/admin/commission/question/")

    page.goto("/hoi-dap/?q=dang ky mo hinh")
    assert "Đăng ký với Đảng ủy xã" in page.locator("main").inner_text()
    shot(page, "j-commission-03-answered")
