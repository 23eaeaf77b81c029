"""Posting a reader comment under the per-client rate limit."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from danvan_site.ratelimit import RateLimited, save_within_limit

from .models import Article, Comment

__all__ = ["RateLimited", "post_comment"]


def post_comment(*, article: Article, form, client_hash: str) -> Comment:
    """Save a valid `CommentForm` as a pending comment on `article`, or raise `RateLimited`.

    The limit counts this client's comments in the database (whatever their status), so it holds
    across server processes and needs no shared cache.
    """
    since = timezone.now() - timedelta(minutes=settings.COMMENTS_RATE_WINDOW_MINUTES)

    def save():
        comment = form.save(commit=False)
        comment.article = article
        comment.client_hash = client_hash
        comment.status = Comment.Status.PENDING
        comment.save()
        return comment

    return save_within_limit(
        client_hash=client_hash,
        sent_recently=lambda: Comment.objects.from_client_since(client_hash, since).count(),
        limit=settings.COMMENTS_RATE_LIMIT,
        save=save,
    )
