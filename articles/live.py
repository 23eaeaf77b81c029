"""Live holes of cached pages (danvan_site.pagecache): rendered for each request."""

import dataclasses
import time

from django.conf import settings
from django.template.loader import get_template
from django.utils.html import escape

from danvan_site.pagecache import live
from danvan_site.visitors import counter

from .templatetags.articles_tags import vn_number

# The last box drawn by this process and until when (time.monotonic()) it may be shown again.
_last_box: tuple[float, str] = (0.0, "")


@live("visitor_stats")
def visitor_stats(request):
    """ "Thống kê truy cập" for the sidebar; no box when the counter is off.

    The figures are exact when drawn (one query). With VISITOR_STATS_MAX_AGE > 0 a process shows
    the same box for that many seconds instead of reading the figures on every page; counting is
    not affected.
    """
    global _last_box
    if not counter.enabled():
        return ""
    max_age, now = settings.VISITOR_STATS_MAX_AGE, time.monotonic()
    until, html = _last_box
    if max_age > 0 and now < until:
        return html
    figures = counter.current_figures()
    html = _box_format().format(**{name: vn_number(value) for name, value in vars(figures).items()})
    _last_box = (now + max_age, html)
    return html


_box: str | None = None


def _box_format() -> str:
    """includes/visitor_stats.html as a `str.format` pattern, rendered once per process with a
    marker for each figure: filling four numbers in costs far less than a template render on every
    page (bench/counter.py). Rendered anew each time under DEBUG, where templates are edited live."""
    global _box
    if _box is None or settings.DEBUG:
        markers = {field.name: f"\x00{field.name}\x00" for field in dataclasses.fields(counter.Figures)}
        html = get_template("includes/visitor_stats.html").render({"stats": markers})
        html = html.replace("{", "{{").replace("}", "}}")
        for name, marker in markers.items():
            html = html.replace(marker, f"{{{name}}}")
        _box = html
    return _box


@live("article_views")
def article_views(request, pk):
    """ "Lượt xem". With the counter in the stack it fills this in after counting, from its own
    write when this request counts a view (counter.defer_views): no query here."""
    pk = int(pk)
    # A page rendered just now already read the article: its count is as fresh as a new query.
    known = getattr(request, "fresh_view_counts", {}).get(pk)
    marker = counter.defer_views(request, pk, known)
    if marker is not None:
        return marker
    return escape(vn_number(known if known is not None else counter.read_views(pk)))
