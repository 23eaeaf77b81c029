"""The suite does not depend on the environment of whoever runs it (danvan_site.settings_test)."""

import json
import re
import subprocess
import sys

from django.conf import settings

from danvan_site import settings_test
from danvan_site.settings_test import TEST_ENVIRONMENT
from tests.environment import clean_environ

# What a try-out or a production shell may hold: every value differs from the test settings'.
ODD_ENVIRONMENT = {
    "DEBUG": "0",
    "SECRET_KEY": "y",
    "ALLOWED_HOSTS": "danvan.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://danvan.example.gov.vn",
    "CONN_MAX_AGE": "0",
    "REDIS_URL": "redis://127.0.0.1:1/0",
    "MEDIA_ROOT": "/nonexistent/media",
    "SERVE_MEDIA": "0",
    "BACKUP_DIR": "/nonexistent/backups",
    "IMAGE_UPLOAD_MAX_BYTES": "10",
    "IMAGE_MAX_PIXELS": "10",
    "DOCUMENT_UPLOAD_MAX_BYTES": "10",
    "REQUEST_BODY_MAX_BYTES": "10",
    "STAFF_REQUEST_BODY_MAX_BYTES": "10",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "60",
    "SECURE_HSTS_PRELOAD": "1",
    "STAFF_SESSION_IDLE_SECONDS": "1",
    "AXES_FAILURE_LIMIT": "1",
    "AXES_COOLOFF_MINUTES": "1",
    "TRUSTED_PROXY_HEADER": "X-Forwarded-For",
    "COMMENTS_CLOSE_AFTER_DAYS": "1",
    "COMMENTS_RATE_LIMIT": "1",
    "COMMENTS_RATE_WINDOW_MINUTES": "1",
    "CAPTCHA_FLITE_PATH": "/usr/bin/true",
    "VISITORS_ENABLED": "0",
    "VISITOR_STATS_MAX_AGE": "30",
    "LOCAL_CACHE_ENTRIES": "1",
    "MOST_READ_DAYS": "1",
    "DISABLE_SERVER_SIDE_CURSORS": "1",
    "LOG_LEVEL": "ERROR",
    "DEMO_PASSWORD": "x",
    "SITE_URL": "https://odd.example",
    "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    "EMAIL_HOST": "smtp.odd.example",
    "EMAIL_PORT": "25",
    "EMAIL_HOST_USER": "odd",
    "EMAIL_HOST_PASSWORD": "odd",
    "EMAIL_USE_SSL": "1",
    "EMAIL_USE_TLS": "0",
    "EMAIL_TIMEOUT": "1",
    "DEFAULT_FROM_EMAIL": "odd@odd.example",
}

PROBE = """
import json, django
from django.conf import settings
django.setup()
names = {names!r}
print(json.dumps({{name: repr(getattr(settings, name)) for name in names}}))
"""

COMPARED = [
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "CACHES", "SERVE_MEDIA",
    "IMAGE_UPLOAD_MAX_BYTES", "IMAGE_MAX_PIXELS", "DOCUMENT_UPLOAD_MAX_BYTES", "REQUEST_BODY_MAX_BYTES", "STAFF_REQUEST_BODY_MAX_BYTES",
    "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD",
    "STAFF_SESSION_IDLE_SECONDS", "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", "TRUSTED_PROXY_HEADER",
    "COMMENTS_CLOSE_AFTER_DAYS", "COMMENTS_RATE_LIMIT", "COMMENTS_RATE_WINDOW_MINUTES",
    "CAPTCHA_FLITE_PATH", "VISITORS_ENABLED", "VISITOR_STATS_MAX_AGE", "MOST_READ_DAYS", "DEMO_PASSWORD",
    "SITE_URL", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_SSL", "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL",
]  # fmt: skip


def variables_read_by_settings() -> set[str]:
    source = (settings.BASE_DIR / "danvan_site" / "settings.py").read_text()
    return set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", source))


def test_the_test_settings_set_every_variable_the_settings_read():
    read = variables_read_by_settings()
    assert {"DEBUG", "SECRET_KEY", "REDIS_URL", "STAFF_REQUEST_BODY_MAX_BYTES"} <= read
    assert read - {"DATABASE_URL"} == set(TEST_ENVIRONMENT)
    assert set(ODD_ENVIRONMENT) == set(TEST_ENVIRONMENT)


def test_odd_values_in_the_environment_do_not_change_the_test_settings():
    probe = PROBE.format(names=COMPARED)
    env = clean_environ(DJANGO_SETTINGS_MODULE="danvan_site.settings_test", **ODD_ENVIRONMENT)
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    # Compared with the module itself: pytest-django adjusts DEBUG and ALLOWED_HOSTS in this process.
    assert seen == {name: repr(getattr(settings_test, name)) for name in COMPARED}
