"""Date formats and the sidebar blocks shared by every public page."""

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from danvan_site import pagecache

from ..models import Article
from ..signals import content_version

register = template.Library()

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
SIDEBAR_SIZE = 6


@register.filter
def vn_datetime(value):
    """ "10:49 - Thứ Tư, 03/10/2018" in the site's time zone (Asia/Ho_Chi_Minh)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{local:%H:%M} - {WEEKDAYS[local.weekday()]}, {local:%d/%m/%Y}"


@register.filter
def vn_time_date(value):
    """ "10:49 03/10/2018" (HH:MM dd/mm/yyyy) in the site's time zone, as under a reader comment."""
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}" if value else ""


@register.filter
def vn_date(value):
    """ "03/10/2018" in the site's time zone."""
    return f"{timezone.localtime(value):%d/%m/%Y}" if value else ""


@register.filter
def vn_number(value):
    """234466 → "234.466" (dots as thousands separators, as Vietnamese readers expect)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


def _cached_list(name, build, *, for_all_workers=False):
    """A sidebar list, kept until the next save (the key carries the content version) or the next
    scheduled publication. A cheap list is kept per process; one that costs a scan ("Đọc nhiều")
    is made once for all workers (pagecache.shared_result)."""
    version = content_version()
    key, ttl = f"sidebar:{name}:{version}", pagecache.entry_ttl(version)
    if for_all_workers:
        return pagecache.shared_result(key, ttl, lambda: list(build()))
    cache = pagecache.page_cache()
    items = cache.get(key)
    if items is None:
        items = list(build())
        cache.set(key, items, ttl)
    return items


@register.inclusion_tag("includes/sidebar_articles.html")
def latest_articles(title="Tin mới nhất", exclude=None):
    items = _cached_list("latest", lambda: Article.objects.published().for_list()[: SIDEBAR_SIZE + 1])
    items = [a for a in items if a.pk != getattr(exclude, "pk", None)][:SIDEBAR_SIZE]
    return {"title": title, "articles": items, "box_id": "latest-news"}


@register.inclusion_tag("includes/sidebar_articles.html")
def most_read_articles(title="Đọc nhiều"):
    items = _cached_list(
        "most_read", lambda: Article.objects.most_read()[:SIDEBAR_SIZE], for_all_workers=True
    )
    return {"title": title, "articles": items, "box_id": "most-read", "show_views": True}


@register.simple_tag
def page_links(page_obj):
    """ "1 2 3 … 1000": the page numbers the pager shows around the current page."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2)


@register.simple_tag(takes_context=True)
def page_url(context, page_number):
    """The current URL with `page` set, other query parameters kept."""
    params = context["request"].GET.copy()
    params["page"] = page_number
    return f"?{params.urlencode()}"


@register.simple_tag(takes_context=True)
def live(context, name, *args):
    """A part of the page rendered for every request, even when the page comes from the page
    cache: `{% live "visitor_stats" %}`, `{% live "article_views" article.pk %}`."""
    request = context.get("request")
    args = [str(a) for a in args]
    if getattr(request, "page_cache_capture", False):
        return mark_safe(pagecache.live_marker(name, args))
    return mark_safe(pagecache.render_live(name, request, args))
