"""Admin helpers: the number of reader comments waiting for moderation."""

from django import template

from ..models import Comment

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_comment_count(context):
    """Pending comments, for users who may see comments; None for everyone else."""
    user = context["request"].user
    if not (user.has_perm("articles.moderate_comment") or user.has_perm("articles.view_comment")):
        return None
    return Comment.objects.pending().count()
