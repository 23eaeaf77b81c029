"""Cache invalidation: a reader never sees a stale menu or page after an editor saves.

Every cached page, sidebar list and pagination index has the content version in its key. The
version lives in the *shared* default cache, so a save in one process reaches every worker's
per-process page cache on their next request.
"""

import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from danvan_site.siteconfig.models import SiteSettings

from .models import FAMILIES_CACHE_KEY, MENU_CACHE_KEY, Article, Category

CONTENT_VERSION_KEY = "content:version"
# Set for the duration of a page request (danvan_site.pagecache): one shared-cache read per
# request, and one consistent version for the page and all its cached parts.
request_version: ContextVar[int | None] = ContextVar("request_version", default=None)


def _new_version() -> int:
    # A fresh value rather than an increment: the database cache's incr() is read-then-write,
    # and two concurrent bumps must never end on a value a reader has already cached under.
    return time.time_ns()


def content_version() -> int:
    version = request_version.get()
    if version is not None:
        return version
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, _new_version(), None)
        # Another process may have won the add; a cache that is down answers None again,
        # and then every request gets a new version: nothing is served from cache.
        version = cache.get(CONTENT_VERSION_KEY) or _new_version()
    return version


def _set_new_version():
    cache.set(CONTENT_VERSION_KEY, _new_version(), None)


def bump_content_version(**kwargs):
    """Invalidate every cached page: now, and again once the transaction commits.

    The second bump closes the window where a reader renders the old row (not yet committed)
    under the new version and caches it.
    """
    _set_new_version()
    transaction.on_commit(_set_new_version)


@receiver([post_save, post_delete], sender=Category)
def category_changed(**kwargs):
    cache.delete_many([MENU_CACHE_KEY, FAMILIES_CACHE_KEY])
    bump_content_version()


for model in (Article, SiteSettings):
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model.__name__}")
    post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bumpd-{model.__name__}")


def _connect_comments():
    """Comments change the article page: bump when the comments app (its own branch) exists."""
    from articles.demo_large import comment_model

    Comment = comment_model()
    if Comment is not None:
        post_save.connect(bump_content_version, sender=Comment, dispatch_uid="bump-Comment")
        post_delete.connect(bump_content_version, sender=Comment, dispatch_uid="bumpd-Comment")
