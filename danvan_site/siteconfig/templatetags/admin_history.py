"""The extra columns of the admin's "Lịch sử thay đổi" list (`history_list_display`), shown with
the Vietnamese names and choice labels of the history model's fields (simple-history prints the
raw attribute names and values)."""

from django import template
from django.core.exceptions import FieldDoesNotExist

register = template.Library()


def _field(record_or_model, column):
    try:
        return record_or_model._meta.get_field(column)
    except FieldDoesNotExist:
        return None


@register.simple_tag
def history_column_label(page_obj, column):
    field = _field(page_obj.paginator.object_list.model, column)
    return field.verbose_name.capitalize() if field else column


@register.simple_tag
def history_cell(record, column):
    field = _field(record, column)
    if field is not None and field.choices:
        return getattr(record, f"get_{column}_display")()
    return getattr(record, column, "") or "—"
