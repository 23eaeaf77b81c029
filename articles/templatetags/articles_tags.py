"""Date formats and the sidebar blocks shared by every public page."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from danvan_site import caching
from danvan_site.text import vn_number

from ..models import Article, Category

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
def iso_datetime(value):
    """ "2018-10-03T10:49:00+0700": a `<time datetime>` in the site's time zone, the text of the
    `date` filter's 'Y-m-d\\TH:i:sO' without parsing that format again for every list item."""
    return f"{timezone.localtime(value):%Y-%m-%dT%H:%M:%S%z}" if value else ""


@register.simple_tag
def vn_today():
    """ "Thứ Tư, 02/12/2026": today in the site's time zone, read on every request (the top bar
    is never kept in a cache, so the date turns at local midnight)."""
    today = timezone.localdate()
    return f"{WEEKDAYS[today.weekday()]}, {today:%d/%m/%Y}"


@register.filter
def vn_time_date(value):
    """ "10:49 03/10/2018" (HH:MM dd/mm/yyyy) in the site's time zone, as under a reader comment."""
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}" if value else ""


@register.filter
def vn_date(value):
    """ "03/10/2018" in the site's time zone."""
    return f"{timezone.localtime(value):%d/%m/%Y}" if value else ""


register.filter("vn_number", vn_number)


@register.inclusion_tag("includes/article_item.html")
def article_item(article, h=3, show_category=False, lazy=False, large=False, lead=True):
    """One article of a list (home blocks, category, tag and search pages): its thumbnail, title,
    date, and as asked its category and the first 40 words of its lead. `h` is the heading level
    of the title, 2 on pages whose list sits right under the <h1>; `lazy` loads the thumbnail
    when it scrolls into view.

    The values are worked out here and the template reads them as plain names: a page shows up
    to 74 items, and a name in a dict is the template engine's cheapest lookup.
    """
    thumb = article.cover_thumb
    category_url = ""
    if show_category:
        category_url = Category.addresses().get(article.category_id) or article.category.get_absolute_url()
    return {
        "url": article.get_absolute_url(),
        "title": article.title,
        "thumb_url": thumb.url if thumb else "",
        "thumb_width": article.thumb_width,
        "thumb_height": article.thumb_height,
        "lazy": lazy,
        "large": large,
        "h": h,
        "iso_date": iso_datetime(article.published_at),
        "date": vn_datetime(article.published_at),
        "category_url": category_url,
        "category_name": article.category.name if show_category else "",
        "lead": Truncator(article.lead).words(40, truncate=" …") if lead else "",
    }


@register.simple_tag
def latest_articles(exclude=None, subsite=None):
    """The newest articles of the province, or of `subsite` on its pages; never the one being read.

    The box is kept as HTML: one copy that every page shows, and one for each article of the
    list itself, the only pages that leave an article out of it.
    """

    def newest():
        published = Article.objects.published().for_links()
        published = published.filter(subsite=subsite) if subsite else published.province()
        return list(published.newest()[: SIDEBAR_SIZE + 1])

    name = f"latest:{subsite.pk}" if subsite else "latest"
    items = caching.get_or_set(caching.NEWS, name, newest)
    left_out = getattr(exclude, "pk", None)
    if left_out not in {a.pk for a in items}:
        left_out = None

    def box():
        context = {
            "title": "Tin mới của đơn vị" if subsite else "Tin mới nhất",
            "articles": [a for a in items if a.pk != left_out][:SIDEBAR_SIZE],
            "box_id": "latest-news",
        }
        return render_to_string("includes/sidebar_articles.html", context)

    box_name = f"{name}:box-without:{left_out}" if left_out else f"{name}:box"
    return mark_safe(caching.get_or_set(caching.NEWS, box_name, box))


@register.inclusion_tag("includes/sidebar_articles.html")
def most_read_articles(title="Đọc nhiều"):
    items = caching.get_or_set(
        caching.NEWS,
        "most-read",
        lambda: list(Article.objects.most_read(days=settings.MOST_READ_DAYS).for_links()[:SIDEBAR_SIZE]),
    )
    return {"title": title, "articles": items, "box_id": "most-read", "show_views": True}


@register.inclusion_tag("includes/most_read_table.html")
def most_read_table(count=20):
    """The most viewed articles of all time, for the admin's statistics page."""
    return {"articles": Article.objects.most_read().for_list()[:count]}


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
