"""The site's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from danvan_site.urls import handler500  # noqa: F401
from danvan_site.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("Lỗi thử nghiệm")


def database_down(request):
    raise OperationalError("connection refused")


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("bad input")


urlpatterns = [
    path("__boom__/", boom),
    path("__db_down__/", database_down),
    path("__forbidden__/", forbidden),
    path("__suspicious__/", suspicious),
    *site_urlpatterns,
]
