"""Test settings: production settings plus speed-ups and test-only switches. Never deployed."""

import tempfile
from pathlib import Path

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-local"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="danvan-test-media-")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# Tests read the visitor box right after counting: drawn afresh on every page, not once a second.
VISITOR_STATS_MAX_AGE = 0
# The captcha accepts the answer "passed" (tests only; production settings never set this).
CAPTCHA_TEST_MODE = True

# The visitor counter's live-server tests need truly concurrent connections, so SQLite's test
# database is a file (WAL, busy timeout, IMMEDIATE, as in production) rather than the in-memory
# database Django would share between the live server's threads.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="danvan-test-db-")) / "test.sqlite3")
    }
