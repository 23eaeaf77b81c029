"""Small helpers for the report templates."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template (figure totals are keyed by figure name)."""
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return ""


@register.inclusion_tag("reports/includes/status.html")
def status_badge(report):
    """The status badge; colour comes from `status-<value>` in reports.css."""
    return {"report": report}


@register.inclusion_tag("reports/includes/field.html")
def form_field(bound_field, css_class=""):
    """One labelled form field with its help and its errors, tied to it for screen readers."""
    return {"field": bound_field, "css_class": css_class}
