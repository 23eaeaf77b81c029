"""Project-level views: error pages and the load balancer's health check."""

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# Errors that mean "the database cannot be reached", not "our code is wrong".
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60
FALLBACK_PAGE = (
    '<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>Lỗi hệ thống</title>'
    "<h1>Xin lỗi, hệ thống đang gặp sự cố</h1><p>Vui lòng thử lại sau ít phút.</p></html>"
)


def server_error(request):
    """500, or 503 with `Retry-After` when the database is unreachable.

    Rendered without context processors (they read the database) and with the request id, so a
    reader can quote it and we can find the log lines.
    """
    exc = sys.exc_info()[1]
    database_down = isinstance(exc, DATABASE_DOWN)
    template, status = ("503.html", 503) if database_down else ("500.html", 500)
    try:
        html = loader.get_template(template).render({"request_id": getattr(request, "request_id", "")})
    except Exception:
        # The error page itself must not fail (a missing static manifest, a broken template).
        logger.exception("Error page %s could not be rendered", template)
        html = FALLBACK_PAGE
    response = HttpResponse(html, status=status)
    if database_down:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@never_cache
def healthz(request):
    """For the load balancer: 503 when the database does not answer, 200 otherwise.

    A shared cache that is down leaves every page served (each built fresh), so it takes no app
    server out of the pool: the answer says "degraded" and which check failed. The answer names the
    checks and says ok/error, nothing more: no versions, hosts or messages.
    """
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    status = "ok" if all(checks.values()) else "degraded" if checks["database"] else "error"
    body = {"status": status, **{k: "ok" if v else "error" for k, v in checks.items()}}
    return JsonResponse(body, status=503 if status == "error" else 200)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("healthz: database check failed")
        return False


def _cache_ok() -> bool:
    key, value = f"healthz:{uuid.uuid4().hex}", "1"
    try:
        cache.set(key, value, 10)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception:
        logger.exception("healthz: cache check failed")
        return False
    return ok


def favicon(request):
    """`/favicon.ico`: a redirect to the icon among the static files (fingerprinted and served by
    WhiteNoise under `make serve`), so the icon has one copy, found by `collectstatic`."""
    return HttpResponseRedirect(static("img/favicon.ico"))


def csrf_failure(request, reason=""):
    """CSRF refusal in Vietnamese, with the site chrome (Django's own view renders no context)."""
    logger.warning("CSRF failure: %s", reason)
    return render(request, "403_csrf.html", status=403)
