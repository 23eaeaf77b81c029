"""Login throttling (django-axes) on /dang-nhap/ and /admin/, and staff session expiry."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.utils import timezone

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dung-2026"
LOGIN_URLS = ["/dang-nhap/", "/admin/login/"]


@pytest.fixture
def staff(db):
    return make_user("bientap", password=PASSWORD, is_staff=True)


def attempt(client, username, password="sai-mat-khau", url="/dang-nhap/", ip="203.0.113.5", **headers):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers)


def fail(client, times, username="bientap", **kwargs):
    for _ in range(times):
        attempt(client, username, **kwargs)


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_right_password_is_refused_after_five_failures(client, staff, settings, url):
    fail(client, settings.AXES_FAILURE_LIMIT, url=url)
    response = attempt(client, "bientap", PASSWORD, url=url)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_page_says_why_and_for_how_long_in_vietnamese(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)
    html = attempt(client, "bientap", PASSWORD).content.decode()
    assert "Tạm khóa đăng nhập" in html
    assert "15 phút" in html


def test_four_failures_do_not_lock(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    response = attempt(client, "bientap", PASSWORD)
    assert response.status_code == 302


def test_lock_lifts_after_the_cool_off(client, staff, settings):
    fail(client, settings.AXES_FAILURE_LIMIT)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = attempt(client, "bientap", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_client_guessing_many_usernames_is_locked(client, staff, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"khach{n}")
    assert attempt(client, "bientap", PASSWORD).status_code == 429


def test_account_attacked_from_many_addresses_is_locked(client, staff, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "bientap", ip=f"198.51.100.{n + 1}")
    assert attempt(client, "bientap", PASSWORD, ip="192.0.2.77").status_code == 429


def test_other_account_from_other_address_is_not_affected(client, staff, settings):
    make_user("phongvien", password=PASSWORD, is_staff=True)
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert attempt(client, "phongvien", PASSWORD, ip="192.0.2.77").status_code == 302


def test_forged_forwarded_for_is_ignored_without_a_trusted_proxy(client, staff, settings):
    """An attacker rotating X-Forwarded-For is still one client when no proxy is configured."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"khach{n}", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = attempt(client, "bientap", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


def test_behind_the_proxy_one_attacker_does_not_lock_out_everyone(client, staff, settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    proxy = "10.0.0.1"
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"khach{n}", ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")
    response = attempt(client, "bientap", PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert response.status_code == 302


def test_behind_the_proxy_the_attacker_is_locked(client, staff, settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    proxy = "10.0.0.1"
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"khach{n}", ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")
    response = attempt(client, "bientap", PASSWORD, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert response.status_code == 429


def test_forged_leftmost_forwarded_entry_does_not_escape_the_lock(client, staff, settings):
    """The proxy appends the real address; whatever the client put before it is ignored."""
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"khach{n}", ip="10.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 203.0.113.66")
    response = attempt(
        client, "bientap", PASSWORD, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.66"
    )
    assert response.status_code == 429


def test_no_raw_address_is_stored_for_a_failed_login(client, staff):
    attempt(client, "bientap", ip="203.0.113.5")
    stored = AccessAttempt.objects.get().ip_address
    assert stored != "203.0.113.5"
    assert "203.0.113.5" not in str(AccessAttempt.objects.values().get())


def test_password_validators_refuse_a_common_password(staff):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678", staff)


class TestStaffSessionExpiry:
    def test_active_staff_stays_logged_in(self, client, editor):
        client.force_login(editor)
        client.get("/admin/")
        with time_machine.travel(timezone.now() + timedelta(minutes=50)):
            assert client.get("/admin/").status_code == 200

    def test_idle_staff_is_logged_out_and_sent_to_the_login_page(self, client, editor, settings):
        client.force_login(editor)
        client.get("/admin/")
        idle = settings.STAFF_SESSION_IDLE_SECONDS + 60
        with time_machine.travel(timezone.now() + timedelta(seconds=idle)):
            response = client.get("/admin/articles/article/")
        assert response.status_code == 302
        assert response["Location"] == "/dang-nhap/?next=/admin/articles/article/"
        assert "_auth_user_id" not in client.session

    def test_district_staff_without_admin_access_also_expire(self, client, settings):
        district_user = make_user("huyen", is_staff=False)
        client.force_login(district_user)
        client.get("/")
        idle = settings.STAFF_SESSION_IDLE_SECONDS + 60
        with time_machine.travel(timezone.now() + timedelta(seconds=idle)):
            client.get("/")
        assert "_auth_user_id" not in client.session

    def test_expiry_is_explained_on_the_login_page(self, client, editor, settings):
        client.force_login(editor)
        client.get("/admin/")
        idle = settings.STAFF_SESSION_IDLE_SECONDS + 60
        with time_machine.travel(timezone.now() + timedelta(seconds=idle)):
            response = client.get("/admin/", follow=True)
        assert "Phiên làm việc đã hết hạn" in response.content.decode()


def test_overlong_username_is_refused_like_any_wrong_login(client, staff):
    """Regression: a 5,000-character username overflowed axes' column (500 on PostgreSQL)."""
    response = attempt(client, "x" * 5000)
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 150


def test_own_successful_login_does_not_wipe_failures_against_another_account(client, staff, settings):
    """An insider cannot interleave their own logins to keep guessing a colleague's password."""
    make_user("noibo", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "bientap")
    attempt(client, "noibo", PASSWORD)
    client.logout()
    attempt(client, "bientap")
    assert attempt(client, "bientap", PASSWORD, ip="192.0.2.99").status_code == 429
