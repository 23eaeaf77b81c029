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


@register.inclusion_tag("reports/includes/deadline_notices.html", takes_context=True)
def deadline_notices(context):
    """Unit staff: "Còn N ngày đến hạn nộp báo cáo …" / "Đã quá hạn N ngày" for each open period
    their unit has not submitted (reports.reminders.notices_for_unit); nothing for anyone else."""
    from reports.models import Unit, staff_unit_id
    from reports.reminders import notices_for_unit

    user = context.get("user")
    # The permission first: it is already loaded, the unit would cost provincial staff a query.
    if user is None or not user.has_perm("reports.add_campaignreport"):
        return {"notices": []}
    unit = Unit.objects.filter(pk=staff_unit_id(user)).first()
    return {"notices": notices_for_unit(unit) if unit is not None else []}


@register.inclusion_tag("reports/includes/sort_header.html")
def sort_header(options, column, label, title="", css_class="", rowspan=1):
    """A summary column heading (`<th>`) that sorts by `column`: a plain link (no script),
    ascending first, then descending; `aria-sort` tells screen readers which column the rows follow."""
    current = options.sort == column
    descending = current and not options.descending
    return {
        "href": "?" + options.query(**{"sap-xep": column, "chieu": "giam" if descending else ""}),
        "label": label,
        "title": title,
        "aria_sort": ("descending" if options.descending else "ascending") if current else "",
        "arrow": ("▼" if options.descending else "▲") if current else "",
        "css_class": css_class,
        "rowspan": rowspan,
    }
