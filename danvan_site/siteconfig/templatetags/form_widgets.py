"""`{% select_options widget %}`: the `<option>`s of a select widget (templates/django/forms/
widgets/select.html), written here rather than by the template engine once per option.

The documents' and the showcase's filters offer every unit and every issuer, a few hundred
options; drawn by the template they took a third of a list page built fresh.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def attributes(attrs: dict) -> str:
    """As Django's attrs.html writes them: `True` as the bare name, `False` left out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


@register.simple_tag
def select_options(widget: dict) -> str:
    html = []
    for group_name, options, _ in widget["optgroups"]:
        rows = format_html_join(
            "",
            '\n<option value="{}"{}>{}</option>',
            ((option["value"], attributes(option["attrs"]), option["label"]) for option in options),
        )
        html.append(
            format_html('\n<optgroup label="{}">{}\n</optgroup>', group_name, rows) if group_name else rows
        )
    return mark_safe("".join(html))  # every part is escaped above
