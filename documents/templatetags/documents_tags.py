from django import template
from django.utils.safestring import mark_safe

from ..citations import link_citations as _link

register = template.Library()


@register.filter(is_safe=True)
def link_citations(html):
    """Sanitized rich text (an article body, a report summary) with cited numbers linked.

    Only for HTML that is already clean (sanitized on save, or escaped by `linebreaks`): the
    result is marked safe. Pages using it keep their fragments under `documents_version`.
    """
    return mark_safe(_link(str(html or "")))
