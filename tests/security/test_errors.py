"""Error pages are in Vietnamese, never a traceback, and carry the request id to the logs."""

import io
import logging

import pytest
from django.db import connections

from danvan_site.logs import RequestIDFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_client(client, settings):
    settings.ROOT_URLCONF = "tests.security.urls_errors"
    settings.DEBUG = False
    client.raise_request_exception = False
    return client


def test_unknown_page_gives_the_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_forbidden_gives_the_vietnamese_403(failing_client):
    response = failing_client.get("/__forbidden__/")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_bad_request_gives_the_vietnamese_400(failing_client):
    response = failing_client.get("/__suspicious__/")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_unknown_host_gives_the_vietnamese_400(client):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_crash_gives_the_vietnamese_500_without_traceback(failing_client):
    response = failing_client.get("/__boom__/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "hệ thống đang gặp sự cố" in html
    assert "Traceback" not in html and "RuntimeError" not in html


def test_500_page_shows_the_request_id_the_reader_can_quote(failing_client):
    response = failing_client.get("/__boom__/")
    assert response["X-Request-ID"] in response.content.decode()


def test_csrf_refusal_is_explained_in_vietnamese(client, settings):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post("/dang-nhap/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()


def test_unreachable_database_gives_503_with_retry_after(failing_client):
    response = failing_client.get("/__db_down__/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "tạm thời gián đoạn" in response.content.decode()


def test_proxy_request_id_is_kept_when_it_is_plain(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-0123456789abcdef")
    assert response["X-Request-ID"] == "lb-0123456789abcdef"


def test_proxy_request_id_that_could_forge_a_log_line_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="x\nERROR forged line")
    assert "\n" not in response["X-Request-ID"]
    assert response["X-Request-ID"] != "x\nERROR forged line"


def test_error_log_line_carries_the_request_id(failing_client):
    console = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, RequestIDFilter) for f in h.filters)
    )
    buffer = io.StringIO()
    previous = console.setStream(buffer)
    try:
        response = failing_client.get("/__boom__/")
    finally:
        console.setStream(previous)
    error_lines = [line for line in buffer.getvalue().splitlines() if "Internal Server Error" in line]
    assert error_lines
    assert f"[{response['X-Request-ID']}]" in error_lines[0]


def test_not_found_log_line_carries_the_request_id(client):
    """Django logs 4xx answers after the middleware chain returned; the id must still be there."""
    console = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, RequestIDFilter) for f in h.filters)
    )
    buffer = io.StringIO()
    previous = console.setStream(buffer)
    try:
        response = client.get("/khong-co-trang-nay/")
    finally:
        console.setStream(previous)
    lines = [line for line in buffer.getvalue().splitlines() if "Not Found" in line]
    assert lines
    assert f"[{response['X-Request-ID']}]" in lines[0]


@pytest.mark.postgres
def test_503_page_when_postgresql_is_unreachable(client, settings, django_db_blocker):
    """The real thing: the connection points at a closed port, as if PostgreSQL were stopped."""
    connection = connections["default"]
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite is a file and cannot be unreachable")
    settings.DEBUG = False
    client.raise_request_exception = False
    original_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = 1  # nothing listens there
    try:
        response = client.get("/")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original_port
    assert response.status_code == 503
    assert "tạm thời gián đoạn" in response.content.decode()


class TestHealthz:
    def test_answers_ok_when_database_and_cache_work(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}

    def test_reports_an_unreachable_database_with_503(self, client, monkeypatch):
        monkeypatch.setattr("danvan_site.views._database_ok", lambda: False)
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["database"] == "error"

    def test_a_shared_cache_that_is_down_keeps_the_server_in_the_pool(self, client, monkeypatch):
        """Pages are still served without the shared cache: the server must not be taken out."""
        monkeypatch.setattr("danvan_site.views._cache_ok", lambda: False)
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}
        assert client.get("/").status_code == 200

    def test_is_never_cached(self, client):
        assert "no-cache" in client.get("/healthz")["Cache-Control"]

    def test_answers_a_probe_addressed_by_ip_while_pages_still_check_the_host(self, client, settings):
        settings.ALLOWED_HOSTS = ["danvan.nghean.gov.vn"]
        probe = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
        assert probe.status_code == 200
        assert probe.json()["status"] == "ok"
        assert probe["X-Content-Type-Options"] == "nosniff"
        assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400
        assert client.get("/healthz/", HTTP_HOST="10.0.0.5:8000").status_code == 400


def test_error_page_still_answers_when_its_own_template_fails(failing_client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr("danvan_site.views.loader.get_template", broken)
    response = failing_client.get("/__db_down__/")
    assert response.status_code == 503
    assert "Xin lỗi, hệ thống đang gặp sự cố" in response.content.decode()
