"""Production settings: `check --deploy` is clean, and every response carries the security headers."""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.environment import clean_environ
from tests.factories import PublishedArticleFactory

BASE_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "danvan_site.settings",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "danvan.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://danvan.example.gov.vn",
}


def run_manage(*args, **env):
    full_env = clean_environ(**{**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50), **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=full_env, capture_output=True, text=True
    )


def test_check_deploy_reports_no_issue_in_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.fixture
def production_https(settings):
    """What production runs with behind the TLS proxy (the test settings turn these off)."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    return settings


@pytest.fixture
def https_page(client, production_https, db):
    article = PublishedArticleFactory()
    return client.get(article.get_absolute_url(), HTTP_X_FORWARDED_PROTO="https")


def test_page_behind_the_tls_proxy_is_served_not_redirected(https_page):
    assert https_page.status_code == 200


def test_hsts_header_is_sent_over_https(https_page):
    assert https_page["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ],
)
def test_security_header_is_present(https_page, header, value):
    assert https_page[header] == value


def test_permissions_policy_denies_camera_microphone_and_location(https_page):
    policy = https_page["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_plain_http_is_redirected_to_https_when_enabled(client, production_https, db):
    response = client.get("/tim-kiem/?q=dan+van")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/tim-kiem/?q=dan+van"


def test_healthz_is_not_redirected_so_the_load_balancer_can_probe_over_http(client, production_https, db):
    assert client.get("/healthz").status_code == 200


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: rest for name, *rest in (part.split() for part in header.split(";") if part.strip())}


@pytest.mark.django_db
def test_public_pages_forbid_inline_script_and_style(client):
    PublishedArticleFactory()
    csp = csp_directives(client.get("/"))
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["default-src"] == ["'self'"]


@pytest.mark.django_db
def test_images_come_from_our_own_origin_only(client):
    csp = csp_directives(client.get("/"))
    assert csp["img-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_public_pages_have_no_inline_script(client):
    """Every <script> on a public page loads a file (a JSON data block is not executable)."""
    article = PublishedArticleFactory()
    for url in ("/", article.get_absolute_url(), "/tim-kiem/?q=dan", "/dang-nhap/"):
        html = client.get(url).content.decode()
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/json"' in opening, (url, opening)


@pytest.mark.django_db
def test_admin_allows_the_inline_styles_ckeditor_needs_but_still_no_inline_script(client, editor):
    client.force_login(editor)
    response = client.get("/admin/articles/article/add/")
    csp = csp_directives(response)
    assert response.status_code == 200
    assert "'unsafe-inline'" in csp["style-src"]
    assert "'unsafe-inline'" not in csp["script-src"]


@pytest.mark.django_db
def test_admin_article_form_has_no_inline_script(client, editor):
    client.force_login(editor)
    html = client.get("/admin/articles/article/add/").content.decode()
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/json"' in opening, opening
