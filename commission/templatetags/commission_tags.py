"""The pieces every public page carries: the satisfaction rating and share links, and the notice
of planned maintenance. Drawn for each reader (the rating form holds the reader's CSRF token),
outside any kept fragment; each costs no query once the news is kept."""

from urllib.parse import quote

from django import template
from django.utils import timezone

from articles.templatetags.articles_tags import WEEKDAYS

from ..models import Rating
from ..views import RATING_PARAM, RATING_SIGNER, is_rated_path

register = template.Library()

OUTCOMES = {
    "cam-on": "Cảm ơn bạn đã đánh giá trang này.",
    "da-danh-gia": "Bạn đã đánh giá trang này hôm nay. Mỗi trình duyệt đánh giá một trang một lần mỗi ngày.",
}


@register.filter
def vn_weekday(day):
    """ "Thứ Hai" … "Chủ nhật" for a date."""
    return WEEKDAYS[day.weekday()]


@register.inclusion_tag("commission/includes/page_tools.html", takes_context=True)
def page_tools(context):
    request = context.get("request")
    if request is None or request.method != "GET" or not is_rated_path(request.path):
        return {"show": False}
    url = request.build_absolute_uri(request.path)
    return {
        "show": True,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "page_token": RATING_SIGNER.sign(request.path),
        "next": request.get_full_path(),
        "values": Rating.Value.choices,
        "outcome": OUTCOMES.get(request.GET.get(RATING_PARAM, "")),
        "facebook": "https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe=""),
        "zalo": "https://zalo.me/share?url=" + quote(url, safe=""),
    }


@register.inclusion_tag("commission/includes/maintenance.html", takes_context=True)
def maintenance_notice(context):
    """The planned maintenance, from `SiteSettings.MAINTENANCE_NOTICE_DAYS` before it starts
    until it ends. It is read with the site settings (kept until they are saved: no query of its
    own); whether to show it is decided on each page, so it appears and goes on time."""
    site = context.get("site_settings")
    return {"site": site, "show": bool(site) and site.maintenance_announced(timezone.now())}
