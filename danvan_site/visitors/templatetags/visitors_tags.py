from django import template

from .. import counter

register = template.Library()


@register.inclusion_tag("includes/visitor_stats.html")
def visitor_stats():
    """ "Thống kê truy cập" for the sidebar: exact figures (one query); no box when the counter is off."""
    return {"stats": counter.current_figures() if counter.enabled() else None}
