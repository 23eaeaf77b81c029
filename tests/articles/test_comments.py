"""Reader comments ("Ý kiến bạn đọc") as a reader meets them on the article page."""

import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from captcha.models import CaptchaStore
from django.utils import timezone

from articles.models import Comment
from tests.factories import (
    ApprovedCommentFactory,
    ArticleFactory,
    CommentFactory,
    PublishedArticleFactory,
    RejectedCommentFactory,
)

pytestmark = pytest.mark.django_db

THANKS = "Cảm ơn bạn, ý kiến sẽ hiển thị sau khi được duyệt"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def comment_url(article):
    return f"/tin-tuc/{article.slug}/y-kien/"


def form_data(**overrides):
    """A complete, valid submission. The captcha answer "passed" works in test mode only."""
    data = {
        "name": "Nguyễn Văn Bình",
        "email": "binh@example.com",
        "title": "Ý kiến về dân chủ cơ sở",
        "body": "Bài viết rất hay.\nMong có thêm nhiều bài như thế.",
        "captcha_0": CaptchaStore.generate_key(),
        "captcha_1": "passed",
        "website": "",
    }
    data.update(overrides)
    return data


def send(client, article, remote_addr="203.0.113.7", **overrides):
    return client.post(comment_url(article), form_data(**overrides), REMOTE_ADDR=remote_addr)


def page(client, article):
    return client.get(article.get_absolute_url()).content.decode()


def field_errors(html, field):
    """Error texts shown on one field of the comment form."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []


# --- The form ---------------------------------------------------------------------------------


def test_reading_an_article_makes_no_captcha_code(client):
    """The code comes when the reader starts writing: reading writes nothing and can be cached."""
    article = PublishedArticleFactory()
    html = page(client, article)
    assert 'id="comment-form"' in html
    for label in ("Họ tên", "Email", "Tiêu đề", "Nội dung", "Mã kiểm tra", "Lấy mã kiểm tra"):
        assert label in html
    assert CaptchaStore.objects.count() == 0


def test_get_code_button_without_javascript_shows_a_captcha_image(client):
    article = PublishedArticleFactory()
    response = client.post(comment_url(article), {"name": "Lan", "body": "Ý kiến", "new_code": "1"})
    html = response.content.decode()
    assert "Đổi mã khác" in html and 'value="Lan"' in html
    assert Comment.objects.count() == 0
    image_url = re.search(r'class="captcha-image" src="([^"]+)"', html).group(1)
    image = client.get(image_url)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"


def test_with_flite_the_code_can_also_be_heard(client, spoken_captcha):
    article = PublishedArticleFactory()
    assert "data-captcha-audio-enabled" in page(client, article)  # comments.js adds the link
    html = client.post(comment_url(article), {"name": "Lan", "new_code": "1"}).content.decode()
    audio_url = re.search(r'<a class="captcha-audio" href="([^"]+)"[^>]*>Nghe mã', html).group(1)
    key = re.search(r'name="captcha_0" value="([^"]+)"', html).group(1)
    response = client.get(audio_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert b"".join(response.streaming_content).startswith(b"RIFF")
    challenge = CaptchaStore.objects.get(hashkey=key).challenge
    assert spoken_captcha.read_text().strip() == ", ".join(challenge)  # the letters, one by one


def test_without_flite_no_audio_is_offered(client, monkeypatch):
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_FLITE_PATH", None)
    article = PublishedArticleFactory()
    assert "data-captcha-audio-enabled" not in page(client, article)
    html = client.post(comment_url(article), {"name": "Lan", "new_code": "1"}).content.decode()
    assert "Nghe mã" not in html
    key = re.search(r'name="captcha_0" value="([^"]+)"', html).group(1)
    assert client.get(f"/captcha/audio/{key}/").status_code == 404


def test_right_captcha_answer_saves_a_pending_comment_and_redirects_with_thanks(client):
    """The real check (not the test-mode answer): the code drawn in the image is accepted."""
    article = PublishedArticleFactory()
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    response = send(client, article, captcha_0=key, captcha_1=answer.upper())
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#comment-sent"
    html = client.get(response["Location"]).content.decode()
    assert THANKS in html
    comment = Comment.objects.get()
    assert (comment.article, comment.status, comment.name) == (article, "pending", "Nguyễn Văn Bình")
    assert "Ý kiến về dân chủ cơ sở" not in html  # not public before approval


def test_wrong_captcha_answer_is_refused_and_the_typed_text_kept(client):
    article = PublishedArticleFactory()
    response = send(client, article, captcha_1="sai-ma")
    html = response.content.decode()
    assert response.status_code == 200
    assert Comment.objects.count() == 0
    assert field_errors(html, "captcha") == [
        "Mã kiểm tra không đúng hoặc đã hết hạn. Vui lòng nhập mã mới trong ảnh."
    ]
    assert 'value="Nguyễn Văn Bình"' in html
    assert 'value="binh@example.com"' in html
    assert 'value="Ý kiến về dân chủ cơ sở"' in html
    assert "Bài viết rất hay.\nMong có thêm nhiều bài như thế.</textarea>" in html


def test_missing_captcha_answer_is_refused(client):
    article = PublishedArticleFactory()
    html = send(client, article, captcha_1="").content.decode()
    assert Comment.objects.count() == 0
    assert field_errors(html, "captcha") == ["Vui lòng nhập mã kiểm tra."]


def test_a_captcha_code_cannot_be_used_twice(client):
    article = PublishedArticleFactory()
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    send(client, article, captcha_0=key, captcha_1=answer)
    html = send(client, article, captcha_0=key, captcha_1=answer).content.decode()
    assert Comment.objects.count() == 1
    assert field_errors(html, "captcha")


def test_captcha_test_mode_is_never_on_in_production_settings():
    """Only danvan_site/settings_test.py switches the library's test mode on."""
    root = Path(__file__).resolve().parents[2]
    code = "import django; django.setup(); from captcha.conf import settings as s; print(s.CAPTCHA_TEST_MODE)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={"DJANGO_SETTINGS_MODULE": "danvan_site.settings", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("name", "Vui lòng nhập họ tên."),
        ("title", "Vui lòng nhập tiêu đề."),
        ("body", "Vui lòng nhập nội dung ý kiến."),
    ],
)
def test_an_empty_required_field_is_refused_with_a_message_on_it(client, field, message):
    article = PublishedArticleFactory()
    html = send(client, article, **{field: "   "}).content.decode()
    assert Comment.objects.count() == 0
    assert field_errors(html, field) == [message]


def test_email_is_optional(client):
    article = PublishedArticleFactory()
    send(client, article, email="")
    assert Comment.objects.get().email == ""


def test_a_bad_email_is_refused_on_its_field(client):
    article = PublishedArticleFactory()
    html = send(client, article, email="khong-phai-email").content.decode()
    assert field_errors(html, "email") == ["Email không hợp lệ (ví dụ: ten@example.com)."]


def test_a_too_long_body_is_refused_and_kept_whole(client):
    article = PublishedArticleFactory()
    body = "dân vận khéo " * 300  # 3 900 characters
    html = send(client, article, body=body).content.decode()
    assert Comment.objects.count() == 0
    assert field_errors(html, "body") == [
        f"Nội dung dài tối đa 3.000 ký tự (hiện có {len(body.strip())} ký tự)."
    ]
    assert body.strip() in html
    assert 'maxlength="3000"' not in html  # a browser would cut pasted text silently


def test_a_too_long_name_is_refused(client):
    article = PublishedArticleFactory()
    html = send(client, article, name="A" * 101).content.decode()
    assert field_errors(html, "name") == ["Họ tên dài tối đa 100 ký tự (hiện có 101 ký tự)."]


def test_new_code_button_keeps_the_text_and_saves_nothing(client):
    article = PublishedArticleFactory()
    data = form_data()
    old_key = data["captcha_0"]
    data["new_code"] = "1"
    response = client.post(comment_url(article), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Comment.objects.count() == 0
    assert 'value="Ý kiến về dân chủ cơ sở"' in html
    assert 'class="errorlist"' not in html
    assert old_key not in html


def test_get_on_the_comment_address_is_not_allowed(client):
    article = PublishedArticleFactory()
    assert client.get(comment_url(article)).status_code == 405


# --- What is shown --------------------------------------------------------------------------


def test_pending_and_rejected_comments_are_never_shown(client):
    article = PublishedArticleFactory()
    CommentFactory(article=article, title="Ý kiến đang chờ duyệt")
    RejectedCommentFactory(article=article, title="Ý kiến bị từ chối")
    html = page(client, article)
    assert "Ý kiến đang chờ duyệt" not in html
    assert "Ý kiến bị từ chối" not in html
    assert 'class="comment"' not in html


def test_approved_comments_are_shown_oldest_first_with_name_and_time(client):
    article = PublishedArticleFactory()
    newer = ApprovedCommentFactory(article=article, title="Ý kiến thứ hai", name="Trần Thị Mai")
    older = ApprovedCommentFactory(article=article, title="Ý kiến thứ nhất")
    at = timezone.make_aware(timezone.datetime(2025, 3, 8, 9, 5), timezone.get_default_timezone())
    Comment.objects.filter(pk=older.pk).update(created_at=at)
    Comment.objects.filter(pk=newer.pk).update(created_at=at + timedelta(days=1, hours=5))
    html = page(client, article)
    assert html.index("Ý kiến thứ nhất") < html.index("Ý kiến thứ hai")
    assert "09:05 08/03/2025" in html
    assert "14:05 09/03/2025" in html
    assert "Trần Thị Mai" in html


def test_comment_count_is_shown_with_the_article(client):
    article = PublishedArticleFactory()
    ApprovedCommentFactory.create_batch(3, article=article)
    CommentFactory(article=article)
    html = page(client, article)
    assert "Ý kiến: 3" in html
    assert 'Ý kiến bạn đọc <span class="comment-count">(3)</span>' in html


def test_the_email_is_never_shown(client):
    article = PublishedArticleFactory()
    ApprovedCommentFactory(article=article, email="bimat@example.com")
    assert "bimat@example.com" not in page(client, article)


def test_the_body_keeps_its_line_breaks(client):
    article = PublishedArticleFactory()
    ApprovedCommentFactory(article=article, body="Dòng một\nDòng hai")
    assert "Dòng một<br>Dòng hai" in page(client, article)


@pytest.mark.parametrize("field", ["name", "title", "body"])
def test_html_in_a_comment_is_shown_as_text(client, field):
    article = PublishedArticleFactory()
    ApprovedCommentFactory(article=article, **{field: f"Ý kiến {XSS}"})
    html = page(client, article)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize("field", ["name", "title", "body", "email"])
def test_html_typed_in_a_refused_form_comes_back_as_text(client, field):
    article = PublishedArticleFactory()
    html = send(client, article, captcha_1="sai", **{field: XSS}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


# --- Abuse limits ---------------------------------------------------------------------------


def test_the_honeypot_refuses_a_filled_in_form(client):
    article = PublishedArticleFactory()
    html = send(client, article, website="http://spam.example").content.decode()
    assert Comment.objects.count() == 0
    assert "ô «Để trống ô này» phải để trống" in html


def test_the_sixth_comment_in_ten_minutes_is_refused_with_the_text_kept(client):
    article = PublishedArticleFactory()
    for i in range(5):
        assert send(client, article, title=f"Ý kiến {i}").status_code == 302
    response = send(client, article, title="Ý kiến thứ sáu")
    html = response.content.decode()
    assert response.status_code == 429
    assert Comment.objects.count() == 5
    assert "Bạn đã gửi nhiều ý kiến trong thời gian ngắn" in html
    assert 'value="Ý kiến thứ sáu"' in html


def test_the_rate_limit_is_per_client(client):
    article = PublishedArticleFactory()
    for _ in range(5):
        send(client, article, remote_addr="203.0.113.7")
    assert send(client, article, remote_addr="198.51.100.20").status_code == 302


def test_the_rate_limit_frees_up_after_the_window(client):
    article = PublishedArticleFactory()
    with time_machine.travel(timezone.now() - timedelta(minutes=11)):
        for _ in range(5):
            send(client, article)
    assert send(client, article).status_code == 302


def test_a_forged_forwarded_for_header_does_not_dodge_the_limit(client):
    """Without TRUSTED_PROXY_HEADER the header is the client's word and is ignored."""
    article = PublishedArticleFactory()
    for i in range(6):
        response = client.post(
            comment_url(article), form_data(), REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}"
        )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_limit_follows_its_header(client, settings):
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    article = PublishedArticleFactory()
    for _ in range(5):
        client.post(comment_url(article), form_data(), REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.7")
    other = client.post(
        comment_url(article), form_data(), REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.8"
    )
    assert other.status_code == 302


def test_no_raw_ip_address_is_stored(client):
    article = PublishedArticleFactory()
    send(client, article, remote_addr="203.0.113.77")
    comment = Comment.objects.values().get()
    assert not any("203.0.113.77" in str(value) for value in comment.values())
    assert len(comment["client_hash"]) == 64


def test_comments_closed_on_an_article_show_no_form(client):
    article = PublishedArticleFactory(comments_enabled=False)
    ApprovedCommentFactory(article=article, title="Ý kiến cũ vẫn hiện")
    html = page(client, article)
    assert 'id="comment-form"' not in html
    assert "Bài viết này đã đóng ý kiến bạn đọc." in html
    assert "Ý kiến cũ vẫn hiện" in html


def test_posting_to_a_closed_article_is_refused_with_the_text_kept(client):
    article = PublishedArticleFactory(comments_enabled=False)
    response = send(client, article)
    assert response.status_code == 403
    assert Comment.objects.count() == 0
    assert 'value="Ý kiến về dân chủ cơ sở"' in response.content.decode()


def test_comments_close_on_articles_older_than_the_setting(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = PublishedArticleFactory(published_at=timezone.now() - timedelta(days=31))
    recent = PublishedArticleFactory(published_at=timezone.now() - timedelta(days=29))
    assert 'id="comment-form"' not in page(client, old)
    assert 'id="comment-form"' in page(client, recent)
    assert send(client, old).status_code == 403


def test_comments_never_close_by_age_when_the_setting_is_zero(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0
    old = PublishedArticleFactory(published_at=timezone.now() - timedelta(days=3000))
    assert 'id="comment-form"' in page(client, old)


def test_unpublished_articles_take_no_comments(client):
    draft = ArticleFactory()
    assert send(client, draft).status_code == 404
    assert Comment.objects.count() == 0


# --- Performance ----------------------------------------------------------------------------


def test_article_page_keeps_its_query_budget_with_50_approved_comments(
    client, django_assert_max_num_queries, warm_site_caches
):
    article = PublishedArticleFactory()
    ApprovedCommentFactory.create_batch(50, article=article)
    warm_site_caches()
    with django_assert_max_num_queries(10):  # the same budget as without comments
        html = page(client, article)
    assert html.count('class="comment"') == 50


# --- Demo content ---------------------------------------------------------------------------


def test_seed_comments_writes_each_status_once():
    from articles.demo import seed_comments

    PublishedArticleFactory.create_batch(6)
    assert seed_comments(users={}) > 0
    statuses = set(Comment.objects.values_list("status", flat=True))
    assert statuses == {"pending", "approved", "rejected"}
    assert seed_comments(users={}) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_rate_limit_is_exact_under_concurrent_posts():
    """Ten simultaneous posts from one client (as from several server processes): exactly 5 saved."""
    import time
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from django.db import connection, connections
    from django.forms import modelform_factory

    from articles.comments import RateLimited, post_comment

    if connection.vendor != "postgresql":
        pytest.skip("needs several real connections (PostgreSQL)")
    article = PublishedArticleFactory()
    Form = modelform_factory(Comment, fields=("name", "title", "body"))
    barrier = Barrier(10)

    def attempt(i):
        form = Form({"name": "Bạn đọc", "title": f"Ý kiến {i}", "body": "Nội dung"})
        assert form.is_valid()
        save = form.save

        def slow_save(commit=True):
            time.sleep(0.05)  # widen the gap between counting and inserting, as under load
            return save(commit=commit)

        form.save = slow_save
        barrier.wait()
        try:
            post_comment(article=article, form=form, client_hash="same-client")
            return True
        except RateLimited:
            return False
        finally:
            connections.close_all()

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(attempt, range(10)))
    assert results.count(True) == 5
    assert Comment.objects.count() == 5


def test_the_thanks_is_shown_right_above_the_comment_form_where_the_redirect_lands(client):
    """Not at the top of the page, thousands of pixels above the form the reader just used."""
    article = PublishedArticleFactory(body="<p>Đoạn văn.</p>" * 200)
    ApprovedCommentFactory.create_batch(3, article=article)
    response = send(client, article)
    anchor = response["Location"].split("#", 1)[1]
    html = client.get(response["Location"]).content.decode()
    thanks = re.search(rf'<p[^>]*id="{anchor}"[^>]*>([^<]*)</p>\s*<form id="comment-form"', html)
    assert thanks and THANKS in thanks.group(1)
    assert html.count(THANKS) == 1
