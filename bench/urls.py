"""The site's URLs plus the floor page every benchmark row is compared to."""

from django.urls import include, path

from bench.floor import FloorView
from danvan_site.urls import handler500  # noqa: F401 — the site's error page, as in production

urlpatterns = [
    path("bench/floor/", FloorView.as_view(), name="bench_floor"),
    path("", include("danvan_site.urls")),
]
