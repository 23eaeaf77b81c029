"""Site-wide middleware: request ids, CSP, extra headers, compression, body limits, staff sessions."""

import re
import time
import uuid

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.signals import request_finished
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control

from .logs import current_request_id

# An id handed to us by the proxy is kept only if it is short and plain, so it can never inject
# anything into a log line.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIDMiddleware:
    """Give every request an id, echo it in `X-Request-ID`, and tag every log line with it.

    A proxy's `X-Request-ID` is reused when it looks safe, so one id follows a request from the
    load balancer to our logs; the error pages show it so a reader can quote it to the webmaster.
    Must come first in MIDDLEWARE so that everything after it logs with the id.
    """

    header = "HTTP_X_REQUEST_ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get(self.header, "")
        request.request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        current_request_id.set(request.request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


# Django logs 4xx/5xx responses after the middleware chain has returned, so the id is cleared only
# when the request has finished, once everything about it has been logged.
request_finished.connect(
    lambda **kwargs: current_request_id.set("-"), weak=False, dispatch_uid="request-id-reset"
)


class HealthCheckMiddleware:
    """Answers the load balancer's `/healthz` before anything reads the Host header.

    A probe addresses the worker by IP (`Host: 10.0.0.5:8000`), which is not in ALLOWED_HOSTS, so
    any later middleware would refuse it with 400 and the balancer would take a healthy worker
    out. The answer holds no page and no secret (see `views.healthz`), so any Host may have it;
    every other path still goes through the host check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            from .views import healthz

            return healthz(request)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send: `Permissions-Policy`.

    The site needs no camera, microphone, location, payment or USB; saying so stops an injected
    script or a framed page from asking the reader for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's policy, loosened only under `/admin/` for the CKEditor 5 editor.

    CKEditor 5 writes `style` attributes while editing and previews pasted or uploaded images
    from `data:`/`blob:` URLs (its own documentation asks for `style-src 'unsafe-inline'`).
    The public pages keep the strict policy: no inline script or style at all.
    """

    admin_update = {"style-src": ["'unsafe-inline'"], "img-src": ["data:", "blob:"]}

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.update = {**self.admin_update, **(parts.update or {})}
        return parts


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text answers to readers who are not signed in.

    BREACH guesses a secret in a compressed page from the page's length, by sending many
    requests that put attacker-chosen text (a search term) beside the secret. What we chose:
    - Public pages are compressed. The only secret in them is the CSRF token of the comment form,
      which Django masks afresh on every response, so it never repeats to be guessed; and Django
      (4.2+) puts a random 0-99 bytes into every gzip header ("Heal The Breach"), so a length no
      longer measures the guess.
    - Pages for signed-in staff are never compressed: the admin and report pages put personal
      data (commenters' emails, report figures) next to text from the query string (admin
      search), which is what BREACH needs; they are few and read on the office network.
    - Only text is compressed: JPEG, PNG and WOFF2 are compressed already (uploaded images are
      streamed by Django when no proxy serves /media/), and static files never get here:
      WhiteNoise, above this middleware, serves its own pre-compressed copies.
    """

    compressible = (
        "text/",
        "application/json",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/javascript",
        "image/svg+xml",
    )

    def process_response(self, request, response):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        if not response.get("Content-Type", "").startswith(self.compressible):
            return response
        return super().process_response(request, response)


class StaffSessionTimeoutMiddleware:
    """Log a signed-in user out after `STAFF_SESSION_IDLE_SECONDS` without a request.

    Only staff sign in here (editors and writers in the admin, district and provincial staff on
    the report pages), and they work on shared office computers, where an unattended session is
    the easiest way in. Public readers never sign in, so they have nothing to expire. The
    last-seen time is written at most once a minute so a busy editor does not cost a session
    write per request.
    """

    key = "_staff_last_seen"
    write_every = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            idle = settings.STAFF_SESSION_IDLE_SECONDS
            last_seen = request.session.get(self.key)
            if last_seen is not None and now - last_seen > idle:
                logout(request)
                messages.info(
                    request, "Phiên làm việc đã hết hạn do lâu không thao tác. Vui lòng đăng nhập lại."
                )
                return redirect_to_login(request.get_full_path())
            if last_seen is None or now - last_seen >= self.write_every:
                request.session[self.key] = now
                # The stored session outlives the idle limit so this middleware, not a silently
                # vanished session, logs the user out and can say why.
                request.session.set_expiry(2 * idle)
        return self.get_response(request)


class SignedInPrivateMiddleware:
    """`Cache-Control: private, no-store` on every answer to a signed-in user.

    What staff see (report figures, the admin, their name in the header) is theirs alone: no
    proxy or shared computer's disk cache may keep it. Readers who are not signed in get the
    public pages' caching unchanged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RequestBodyLimitMiddleware:
    """Refuse a request body larger than its form can need, before a byte of it is read.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count file parts, so without this a 200 MB
    file posted to the public comment form was read whole (and spooled to disk). The limit is
    taken from the declared `Content-Length`, which is also as far as Django ever reads the body:
    - REQUEST_BODY_MAX_BYTES for every request: readers' forms (comment, login) are a few KB;
    - STAFF_REQUEST_BODY_MAX_BYTES for a signed-in user under STAFF_UPLOAD_PATHS (admin, report
      forms, the editor's image upload), where a form may carry several images.
    A body sent chunked, without `Content-Length`, is refused too (411): Django would read none
    of it, so the form would arrive empty. The answer is a standalone page in Vietnamese: it is
    sent before the session or the database is touched.

    Placed after AuthenticationMiddleware (to know who is signed in) and before anything reads
    the body (CsrfViewMiddleware does, when the view is called).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.headers.get("content-length")
        if not declared:
            if "transfer-encoding" in request.headers:
                return self.refuse(request, 411, None)
            return self.get_response(request)
        try:
            size = int(declared)
        except ValueError:
            return self.get_response(request)  # Django answers 400 itself
        limit = settings.REQUEST_BODY_MAX_BYTES
        if size > limit and self.may_upload(request):
            limit = settings.STAFF_REQUEST_BODY_MAX_BYTES
        if size > limit:
            return self.refuse(request, 413, limit)
        return self.get_response(request)

    @staticmethod
    def may_upload(request) -> bool:
        user = getattr(request, "user", None)
        return (
            request.path_info.startswith(tuple(settings.STAFF_UPLOAD_PATHS))
            and user is not None
            and user.is_authenticated
        )

    @staticmethod
    def refuse(request, status: int, limit: int | None) -> HttpResponse:
        html = loader.render_to_string(
            "413.html",
            {
                "limit": filesizeformat(limit) if limit else "",
                "request_id": getattr(request, "request_id", ""),
            },
        )
        return HttpResponse(html, status=status)
