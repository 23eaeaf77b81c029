"""Settings for danvan_site, read from the environment (12-factor).

Every variable has a safe local default so `make run` needs no `.env`; production sets them
(see `.env.example` and the README). Nothing secret lives in this file.
"""

import shutil
from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
# The fallback key only exists so a local try-out runs without configuration; it is refused
# when DEBUG is off.
SECRET_KEY = env("SECRET_KEY", default="" if not DEBUG else "dev-only-insecure-key-do-not-deploy")
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "taggit",
    "django_ckeditor_5",
    "csp",
    "axes",
    "simple_history",
    "captcha",
    "danvan_site.siteconfig",
    "danvan_site.visitors",
    "articles",
    "reports",
    "commission",
    "documents",
]

MIDDLEWARE = [
    # First, so every log line of the request (errors included) carries its id.
    "danvan_site.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise so static files get the headers too: an SVG opened directly is a page.
    "danvan_site.middleware.SecurityHeadersMiddleware",
    "danvan_site.middleware.SiteCSPMiddleware",
    # Before any Host check (CommonMiddleware, CSRF): the load balancer probes workers by IP
    # address. Below the header middleware, which never read the Host, so the probe gets them.
    "danvan_site.middleware.HealthCheckMiddleware",
    # Each cache version is read once per request (danvan_site.caching).
    "danvan_site.caching.VersionsMiddleware",
    # Right after the header middleware, as whitenoise asks, so static files skip everything else.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compression of pages (BREACH: see the class). Above every middleware that reads or writes
    # the response body, as Django's docs ask, so it compresses the final body; below WhiteNoise,
    # which serves static files pre-compressed (gzip and Brotli) itself.
    "danvan_site.middleware.PublicGZipMiddleware",
    # The visitor counter needs neither sessions nor auth; static files never reach it
    # (WhiteNoise answers them first).
    "danvan_site.visitors.middleware.VisitorCounterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After auth: answers to signed-in users are never kept by a proxy.
    "danvan_site.middleware.SignedInPrivateMiddleware",
    # After auth (signed-in staff may send images), before anything reads the request body.
    "danvan_site.middleware.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After auth and messages: it logs idle users out with a message.
    "danvan_site.middleware.StaffSessionTimeoutMiddleware",
    # After authentication: records who made each history entry (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "danvan_site.urls"
WSGI_APPLICATION = "danvan_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
                "documents.context_processors.versions",
            ],
        },
    },
]

# Forms render with the templates above, so templates/django/forms/ can override a widget's.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database -------------------------------------------------------------------------------
# SQLite (WAL, busy timeout, IMMEDIATE transactions so concurrent writers queue instead of
# failing with "database is locked") unless DATABASE_URL points elsewhere.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["OPTIONS"] = {
        "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;"),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    _db["CONN_HEALTH_CHECKS"] = True
    if "TEST" not in _db:
        _db["TEST"] = {}
    # Behind PgBouncer in transaction mode each transaction may run on another server connection,
    # so a server-side cursor (a named cursor, as QuerySet.iterator() opens) would be lost between
    # them: Django's documented switch turns them off.
    _db["DISABLE_SERVER_SIDE_CURSORS"] = env.bool("DISABLE_SERVER_SIDE_CURSORS", default=False)
# Connections are kept between requests, on SQLite too: opening one (PRAGMAs, WAL index) for each
# request costs more than most pages.
_db.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---------------------------------------------------------------------------------
# Two caches (danvan_site.caching lists what each holds). "default" is shared by every app process
# and holds the versions that make kept pages stale: Redis when configured; otherwise local memory
# for one process (DEBUG=1) and the database cache otherwise, when several processes may share it
# (`make serve`, `make run`; a migration and `createcachetable` make its table). "local" is each
# process's own memory.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    _shared_cache = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True},
    }
elif DEBUG:
    _shared_cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "danvan-site"}
else:
    _shared_cache = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}
CACHES = {
    "default": _shared_cache,
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "danvan-local",
        # Each worker's memory: the least recently read third goes when it is full.
        "OPTIONS": {"MAX_ENTRIES": env.int("LOCAL_CACHE_ENTRIES", default=1000)},
    },
}

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out client is refused before its password is even checked.
    "danvan_site.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# --- Locale ---------------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
FORMAT_MODULE_PATH = ["danvan_site.formats"]
# Vietnamese for what Django's admin and django-simple-history leave in English ("Show counts",
# the history button "Lịch sử"): locale/vi/LC_MESSAGES, compiled by `make messages`.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
# Django serves /media/ itself unless a proxy does (set SERVE_MEDIA=0 then).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Where `make backup` writes its dated archives (git-ignored).
BACKUP_DIR = Path(env("BACKUP_DIR", default=str(BASE_DIR / "backups")))
# Largest image an editor or a district may upload.
IMAGE_UPLOAD_MAX_BYTES = env.int("IMAGE_UPLOAD_MAX_BYTES", default=8 * 1024 * 1024)
# Largest request body (bytes, as declared by Content-Length): bigger ones are refused with 413
# before being read (danvan_site.middleware.RequestBodyLimitMiddleware). Readers' forms are a few
# KB; a signed-in user under STAFF_UPLOAD_PATHS may send a form with up to four images. A proxy
# in front should refuse the same sizes (nginx: client_max_body_size).
REQUEST_BODY_MAX_BYTES = env.int("REQUEST_BODY_MAX_BYTES", default=64 * 1024)
# Largest document file (PDF, DOC, DOCX) of the library (documents.files); the staff body limit
# below is at least this plus room for the rest of the form, so the form, not the middleware,
# says the limit.
DOCUMENT_UPLOAD_MAX_BYTES = env.int("DOCUMENT_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
STAFF_REQUEST_BODY_MAX_BYTES = env.int(
    "STAFF_REQUEST_BODY_MAX_BYTES",
    default=max(4 * IMAGE_UPLOAD_MAX_BYTES, DOCUMENT_UPLOAD_MAX_BYTES) + 1024 * 1024,
)
STAFF_UPLOAD_PATHS = ["/admin/", "/bao-cao/", "/bien-tap/"]
# Largest image in pixels (width × height): 50 MP covers any camera photo; a bigger one is most
# likely a decompression bomb (a few KB that decode to gigabytes).
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)

# --- Security -------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE_SSL_REDIRECT else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# The preload directive only makes the domain eligible; nothing is submitted unless the owner of
# the registered domain does so (a subdomain such as danvan.<tinh>.gov.vn cannot be submitted).
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE_HSTS_SECONDS > 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "danvan_site.views.csrf_failure"
# The load balancer probes /healthz over plain HTTP; everything else is redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Signed-in users (all staff: editors, writers, district and provincial staff) are logged out after
# this long without a request (danvan_site.middleware.StaffSessionTimeoutMiddleware).
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=60 * 60)
# Browser features the site never uses, denied in `Permissions-Policy`.
PERMISSIONS_POLICY_DENY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]

# Content-Security-Policy (django-csp): everything from our own origin, no inline script or style
# but those with the request's nonce, no plugins, no framing: base.html writes the site's style
# sheet into `<style nonce="{{ request.csp_nonce }}">`, and a template that truly needs an inline
# script uses `<script nonce="{{ request.csp_nonce }}">`. /admin/ additionally allows what
# CKEditor 5 needs (danvan_site.middleware.SiteCSPMiddleware).
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF],
        "font-src": [SELF],
        "media-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        # A document's PDF is shown in an <iframe> of its page, from our own origin (the file's
        # own response lets that page frame it: documents.views.document_file).
        "frame-src": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Login throttling (django-axes) ---------------------------------------------------------
# Lock a username, and separately a client address, after AXES_FAILURE_LIMIT failed logins on
# /dang-nhap/ or /admin/, for AXES_COOLOFF_MINUTES. Per-user and per-client locks are separate so
# an attacker guessing many usernames from one address is stopped, and so is one spreading
# guesses for one account over many addresses.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Failures count for AXES_COOLOFF_MINUTES and are not wiped by a successful login: otherwise an
# insider could log into their own account between guesses and reset the counter of the address
# (and of the accounts guessed from it) for ever.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "danvan_site.login_throttle.lockout_response"
AXES_COOLOFF_MESSAGE = AXES_PERMALOCK_MESSAGE = (
    "Bạn đã nhập sai quá nhiều lần. Tài khoản tạm thời bị khóa, vui lòng thử lại sau."
)
# The address axes counts is a keyed pseudonym of the real one (no raw IP stored), taken from
# TRUSTED_PROXY_HEADER only when that is configured (danvan_site.clientaddr, .login_throttle).
AXES_CLIENT_IP_CALLABLE = "danvan_site.login_throttle.client_address"
AXES_USERNAME_CALLABLE = "danvan_site.login_throttle.attempted_username"
AXES_VERBOSE = False

# --- Site -----------------------------------------------------------------------------------
# Password of the accounts `seed_demo` creates for a try-out (never in production: it refuses
# to create them when DEBUG is off).
DEMO_PASSWORD = env("DEMO_PASSWORD", default="") or "danvan-demo-2026"

SITE_NAME = "Ban Dân vận Tỉnh ủy"
ARTICLES_PER_PAGE = 20
RELATED_ARTICLES = 10

# The site's address as readers reach it, for links in e-mails sent outside a request
# (`send_report_reminders`).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# --- E-mail ---------------------------------------------------------------------------------
# Django's own setting names, from the environment. No EMAIL_HOST means no SMTP server: commands
# that send mail (send_report_reminders) refuse to run rather than fail one message at a time,
# and what a request sends (a reader's answered question, an imported account's "set your
# password") is written to the log, so a try-out never
# mails anyone.
EMAIL_HOST = env("EMAIL_HOST", default="")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)  # port 465
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=not EMAIL_USE_SSL)  # STARTTLS, port 587
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="webmaster@localhost")

TAGGIT_CASE_INSENSITIVE = True
# Tags are typed separated by commas only: Vietnamese tags have spaces ("Dân vận khéo").
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.tags_to_string"

# --- Client address -------------------------------------------------------------------------
# Behind a reverse proxy, the header it sets with the client's address (e.g. "X-Forwarded-For",
# "X-Real-IP"). Empty: use REMOTE_ADDR and ignore such headers, which any client can forge.
TRUSTED_PROXY_HEADER = env("TRUSTED_PROXY_HEADER", default="")

# --- Reader comments ------------------------------------------------------------------------
# Comments close on articles published more than this many days ago (0: never close).
COMMENTS_CLOSE_AFTER_DAYS = env.int("COMMENTS_CLOSE_AFTER_DAYS", default=180)
# At most COMMENTS_RATE_LIMIT comments per client in COMMENTS_RATE_WINDOW_MINUTES.
COMMENTS_RATE_LIMIT = env.int("COMMENTS_RATE_LIMIT", default=5)
COMMENTS_RATE_WINDOW_MINUTES = env.int("COMMENTS_RATE_WINDOW_MINUTES", default=10)
# django-simple-captcha ("Mã kiểm tra"): images drawn on our server; audio only where flite is
# installed. A code lives long enough to write a comment; expired codes are removed on every
# submission (and by `manage.py captcha_clean`).
CAPTCHA_TIMEOUT = 30
CAPTCHA_LENGTH = 5
CAPTCHA_FONT_SIZE = 36
CAPTCHA_LETTER_ROTATION = (-20, 20)  # legible for older readers; the noise still stops OCR bots
CAPTCHA_FLITE_PATH = env("CAPTCHA_FLITE_PATH", default=shutil.which("flite") or "") or None
# --- Visitor counter (danvan_site.visitors) -------------------------------------------------
# Off only to measure what it costs (bench/counter.py); the sidebar box disappears with it.
VISITORS_ENABLED = env.bool("VISITORS_ENABLED", default=True)
# Seconds a process may show the same "Thống kê truy cập" box; counting itself is always exact.
# 0 = every page reads the figures afresh.
VISITOR_STATS_MAX_AGE = env.float("VISITOR_STATS_MAX_AGE", default=1.0)
# Never counted, besides STATIC_URL and MEDIA_URL: admin, staff pages, login and editor uploads.
VISITORS_EXCLUDED_PATHS = [
    "/admin/",
    "/bao-cao/",
    "/dang-nhap/",
    "/dang-xuat/",
    "/dat-mat-khau/",
    "/bien-tap/",
]
# "Đọc nhiều" in the sidebar: the most viewed articles published in the last this many days.
MOST_READ_DAYS = env.int("MOST_READ_DAYS", default=30)

# --- Rich text (CKEditor 5) -----------------------------------------------------------------
# The body is sanitized on save whatever the editor sends (articles.models / danvan_site.text);
# uploads go through our own view so they are verified, re-encoded and resized like covers.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "articles:editor_upload"
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
# Text tools both editors share; the editorial one adds quotes and image upload.
_CK_TEXT_TOOLS = ["heading", "|", "bold", "italic", "link", "bulletedList", "numberedList"]
_CK_HISTORY = ["undo", "redo"]
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": [*_CK_TEXT_TOOLS, "blockQuote", "|", "imageUpload", "insertTable", "|", *_CK_HISTORY],
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:inline",
                "imageStyle:block",
                "imageStyle:side",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        # Keeps the period-summary placeholders (reports.embeds) the editor inserts and moves.
        "htmlSupport": {
            "allow": [{"name": "div", "attributes": {"data-summary-period": True, "data-summary-part": True}}]
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Tiêu đề 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Tiêu đề 3", "class": "ck-heading_heading3"},
            ]
        },
    },
}

# District staff write report summaries without image upload (uploads are for editorial staff).
CKEDITOR_5_CONFIGS["report"] = {
    "language": "vi",
    "toolbar": [*_CK_TEXT_TOOLS, "|", "insertTable", "|", *_CK_HISTORY],
    "table": CKEDITOR_5_CONFIGS["default"]["table"],
    "heading": CKEDITOR_5_CONFIGS["default"]["heading"],
    # The bundle always loads the image plugin; an empty image toolbar makes it warn in the console.
    "image": {"toolbar": ["imageTextAlternative"]},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line carries the request id (also sent as X-Request-ID and shown on error pages).
    "filters": {
        "request_id": {"()": "danvan_site.logs.RequestIDFilter"},
        "one_line_warning": {"()": "danvan_site.logs.OneLineWarning"},
    },
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "default"}
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # A request for a host we do not serve (scanners probe by IP and made-up names) is
        # answered 400: one warning line each, not a traceback at ERROR level.
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "filters": ["one_line_warning"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
