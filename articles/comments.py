"""Posting a reader comment under the per-client rate limit."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import Article, Comment


class RateLimited(Exception):
    """This client already sent `COMMENTS_RATE_LIMIT` comments in the current window."""


def _lock_client(client_hash: str) -> None:
    """Serialize one client's submissions until the transaction ends.

    PostgreSQL: a transaction-level advisory lock keyed on the client hash, so two processes
    cannot both count 4 and both insert the 5th and 6th. SQLite: the project opens transactions
    with BEGIN IMMEDIATE (settings.DATABASES), which already lets one writer in at a time.
    """
    if connection.vendor == "postgresql":
        # 64 bits of the hash as PostgreSQL's signed bigint lock key.
        key = int.from_bytes(hashlib.sha256(client_hash.encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def post_comment(*, article: Article, form, client_hash: str) -> Comment:
    """Save a valid `CommentForm` as a pending comment on `article`, or raise `RateLimited`.

    The limit counts this client's comments in the database (whatever their status), so it holds
    across server processes and needs no shared cache.
    """
    since = timezone.now() - timedelta(minutes=settings.COMMENTS_RATE_WINDOW_MINUTES)
    with transaction.atomic():
        _lock_client(client_hash)
        if Comment.objects.from_client_since(client_hash, since).count() >= settings.COMMENTS_RATE_LIMIT:
            raise RateLimited
        comment = form.save(commit=False)
        comment.article = article
        comment.client_hash = client_hash
        comment.status = Comment.Status.PENDING
        comment.save()
    return comment
