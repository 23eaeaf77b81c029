from django import template

from danvan_site.text import vn_number

from ..counting import enabled, shown_figures

register = template.Library()
register.filter("vn_number", vn_number)


@register.inclusion_tag("includes/visitor_stats.html")
def visitor_stats():
    """ "Thống kê truy cập" for the sidebar; no box when the counter is off."""
    return {"stats": shown_figures() if enabled() else None}
