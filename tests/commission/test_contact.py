"""/lien-he/: contacts from the site settings, the map, and the "Góp ý / Hỏi đáp" form with the
comment rules (captcha, rate limit, honeypot, nothing typed lost)."""

import re

import pytest
from django.test import override_settings

from commission.models import Question
from danvan_site.siteconfig.models import SiteSettings
from tests.factories import image_file

pytestmark = pytest.mark.django_db


def test_contact_page_shows_the_settings_contacts_and_the_contact_officer(client):
    SiteSettings.objects.create(
        address="Số 1 Trường Thi",
        phone="0238 111 222",
        email="ban@example.gov.vn",
        contact_name="Nguyễn Thị Hà",
        contact_title="Chánh Văn phòng",
        contact_phone="0238 333",
        contact_email="ha@example.gov.vn",
    )
    html = client.get("/lien-he/").content.decode()
    for text in ("Số 1 Trường Thi", "0238 111 222", "ban@example.gov.vn", "Cán bộ đầu mối", "Nguyễn Thị Hà",
                 "Chánh Văn phòng", "ha@example.gov.vn", 'id="question-form"'):  # fmt: skip
        assert text in html


def test_the_map_image_uploaded_in_the_admin_is_reencoded_and_shown(client):
    settings_row = SiteSettings(map_image=image_file("ban-do.png", fmt="PNG"), map_alt="Bản đồ trụ sở")
    settings_row.save()
    assert settings_row.map_image.name.endswith(".webp")
    html = client.get("/lien-he/").content.decode()
    assert settings_row.map_image.url in html
    assert 'alt="Bản đồ trụ sở"' in html


def test_a_valid_question_is_saved_pending_and_the_reader_sees_the_confirmation_at_the_form(
    client, question_data
):
    response = client.post("/lien-he/", question_data())
    assert response.status_code == 302
    assert response["Location"].endswith("/lien-he/?da-gui=1#gop-y")
    question = Question.objects.get()
    assert question.status == Question.Status.PENDING
    assert question.client_hash and "127.0.0.1" not in question.client_hash
    html = client.get(response["Location"]).content.decode()
    section = html[html.index('id="gop-y"') :]
    assert "Cảm ơn bạn, câu hỏi/góp ý đã được gửi." in section[:2000]
    assert 'role="status"' in section[:2000]


def _refused(client, data):
    response = client.post("/lien-he/", data)
    html = response.content.decode()
    assert Question.objects.count() == 0
    assert "Câu hỏi chưa được gửi." in html
    return response, html


def test_a_wrong_captcha_is_refused_on_its_field_with_the_text_kept(client, question_data):
    response, html = _refused(client, question_data(captcha_1="sai"))
    assert response.status_code == 200
    assert "Mã kiểm tra không đúng hoặc đã hết hạn" in html
    assert "Xin hỏi chi hội cần làm gì để đăng ký mô hình?" in html
    assert 'value="Thủ tục đăng ký mô hình"' in html


def test_an_email_that_is_not_one_is_refused_on_its_field(client, question_data):
    _, html = _refused(client, question_data(email="khong-phai-email"))
    assert re.search(r'id="id_email_error"><li>Email không hợp lệ', html)
    assert 'value="khong-phai-email"' in html


def test_a_body_over_the_limit_is_refused_and_kept_whole(client, question_data):
    body = "x" * (Question.BODY_MAX + 5)
    _, html = _refused(client, question_data(body=body))
    assert f"hiện có {Question.BODY_MAX + 5} ký tự" in html
    assert body in html
    assert "maxlength" not in html[html.index('id="question-form"') :]


def test_an_html_or_script_body_is_kept_as_text_and_never_runs(client, question_data, province):
    body = '<script>alert("x")</script><b>đậm</b>'
    client.post("/lien-he/", question_data(body=body, captcha_1="sai"))
    _, html = _refused(client, question_data(body=body, captcha_1="sai"))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in html
    # Accepted and answered, it is shown as text on /hoi-dap/ too.
    client.post("/lien-he/", question_data(body=body))
    question = Question.objects.get()
    question.status, question.answer = Question.Status.ANSWERED, "Trả lời <i>ngắn</i>"
    question.save()
    page = client.get("/hoi-dap/").content.decode()
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert "Trả lời &lt;i&gt;ngắn&lt;/i&gt;" in page


def test_the_honeypot_refuses_a_filled_in_form_above_the_fields(client, question_data):
    _, html = _refused(client, question_data(website="http://spam.example"))
    assert "ô «Để trống ô này» phải để trống" in html


@override_settings(COMMENTS_RATE_LIMIT=2)
def test_the_rate_limit_refuses_the_next_question_and_keeps_the_text(client, question_data):
    for _ in range(2):
        assert client.post("/lien-he/", question_data()).status_code == 302
    response = client.post("/lien-he/", question_data(subject="Câu thứ ba"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn" in html
    assert 'value="Câu thứ ba"' in html
    assert Question.objects.count() == 2


def test_asking_for_a_code_without_javascript_keeps_the_text_and_saves_nothing(client, question_data):
    response = client.post("/lien-he/", question_data(new_code="1", captcha_1=""))
    html = response.content.decode()
    assert 'class="captcha-image"' in html
    assert "Xin hỏi chi hội cần làm gì" in html
    assert Question.objects.count() == 0


def test_reading_the_contact_page_makes_no_captcha_code(client):
    from captcha.models import CaptchaStore

    client.get("/lien-he/")
    client.get("/lien-he/")
    assert CaptchaStore.objects.count() == 0
