"""Test settings: production settings plus speed-ups and test-only switches. Never deployed.

The suite must pass whatever the environment of whoever runs it holds, so every variable
settings.py reads is set here, before settings.py reads it, to its documented default (or to
what the tests rely on), and a `.env` file cannot change it either (it never overrides a
variable that is set). DATABASE_URL is the one exception: it picks the database the suite runs
on (SQLite by default, PostgreSQL in CI). tests/test_settings.py checks the list is complete.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# Per process and removed at exit: two runs at once (two clones, xdist workers) never share one.
_TEMP = tempfile.mkdtemp(prefix="danvan-test-")
atexit.register(shutil.rmtree, _TEMP, ignore_errors=True)

TEST_ENVIRONMENT = {
    "DEBUG": "1",
    "SECRET_KEY": "tests-only-not-a-secret",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,[::1],testserver",
    "CSRF_TRUSTED_ORIGINS": "",
    "CONN_MAX_AGE": "60",
    # No Redis: the caches are per-process memory (below); the Redis tests start their own.
    "REDIS_URL": "",
    "LOCAL_CACHE_ENTRIES": "1000",
    "MEDIA_ROOT": str(Path(_TEMP) / "media"),
    "SERVE_MEDIA": "1",
    "BACKUP_DIR": str(Path(_TEMP) / "backups"),
    "IMAGE_UPLOAD_MAX_BYTES": str(8 * 1024 * 1024),
    "IMAGE_MAX_PIXELS": "50000000",
    "DOCUMENT_UPLOAD_MAX_BYTES": str(20 * 1024 * 1024),
    "REQUEST_BODY_MAX_BYTES": str(64 * 1024),
    "STAFF_REQUEST_BODY_MAX_BYTES": str(4 * 8 * 1024 * 1024 + 1024 * 1024),
    # Plain HTTP: the test client does not speak HTTPS (tests/security/test_deploy.py turns it on).
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "0",
    "SECURE_HSTS_PRELOAD": "0",
    "STAFF_SESSION_IDLE_SECONDS": "3600",
    "AXES_FAILURE_LIMIT": "5",
    "AXES_COOLOFF_MINUTES": "15",
    "TRUSTED_PROXY_HEADER": "",
    "COMMENTS_CLOSE_AFTER_DAYS": "180",
    "COMMENTS_RATE_LIMIT": "5",
    "COMMENTS_RATE_WINDOW_MINUTES": "10",
    # No spoken captcha unless a test asks for it (the spoken_captcha fixture).
    "CAPTCHA_FLITE_PATH": "",
    "VISITORS_ENABLED": "1",
    # Tests read the visitor box right after counting: drawn afresh on every page.
    "VISITOR_STATS_MAX_AGE": "0",
    "MOST_READ_DAYS": "30",
    "DISABLE_SERVER_SIDE_CURSORS": "0",
    "LOG_LEVEL": "INFO",
    "DEMO_PASSWORD": "danvan-demo-2026",
    # No SMTP server (pytest-django sends mail to mail.outbox anyway).
    "SITE_URL": "http://testserver",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "",
    "EMAIL_PORT": "587",
    "EMAIL_HOST_USER": "",
    "EMAIL_HOST_PASSWORD": "",
    "EMAIL_USE_SSL": "0",
    "EMAIL_USE_TLS": "1",
    "EMAIL_TIMEOUT": "30",
    "DEFAULT_FROM_EMAIL": "webmaster@localhost",
}
os.environ.update(TEST_ENVIRONMENT)

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-local"},
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# The captcha accepts the answer "passed" (tests only; production settings never set this).
CAPTCHA_TEST_MODE = True

# The visitor counter's live-server tests need truly concurrent connections, so SQLite's test
# database is a file (WAL, busy timeout, IMMEDIATE, as in production) rather than the in-memory
# database Django would share between the live server's threads.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(_TEMP) / "test.sqlite3")}  # noqa: F405
