"""What makes the news stale (danvan_site.caching): a reader never sees a page older than the
last save of what it shows, nor misses a scheduled article once its time has come."""

import math

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from danvan_site import caching

from .models import UNIT_MODEL, Article, Category, Comment, Subsite, Tag, TaggedArticle


def news_changed(**kwargs):
    caching.bump(caching.NEWS)


def comment_changed(instance, created=False, **kwargs):
    # A reader's new comment waits for moderation and shows nowhere yet.
    if not (created and instance.status == Comment.Status.PENDING):
        caching.bump(caching.NEWS)


def unit_changed(instance, pk_set=None, **kwargs):
    """A unit's name, end date and successors show on its sub-site's pages (the archive notice
    names the units that carry on): renew the news when such a unit, or a link of it, changes."""
    with_subsite = {site.unit_id for site in Subsite.all_cached().values()}
    if with_subsite & ({instance.pk} | set(pk_set or ())):
        caching.bump(caching.NEWS)


def seconds_until_next_publication() -> int | None:
    """How long the news version may last: until the next scheduled article goes public."""
    when = Article.objects.scheduled().order_by("published_at").values_list("published_at", flat=True).first()
    if when is None:
        return None
    return max(1, math.ceil((when - timezone.now()).total_seconds()))


def connect():
    for model in (Article, Category, Tag, TaggedArticle, Subsite):
        post_save.connect(news_changed, sender=model, dispatch_uid=f"news-{model.__name__}")
        post_delete.connect(news_changed, sender=model, dispatch_uid=f"news-d-{model.__name__}")
    unit = apps.get_model(UNIT_MODEL)
    post_save.connect(unit_changed, sender=unit, dispatch_uid="news-unit")
    post_delete.connect(unit_changed, sender=unit, dispatch_uid="news-d-unit")
    m2m_changed.connect(unit_changed, sender=unit.predecessors.through, dispatch_uid="news-unit-links")
    post_save.connect(comment_changed, sender=Comment, dispatch_uid="news-Comment")
    post_delete.connect(comment_changed, sender=Comment, dispatch_uid="news-d-Comment")
    caching.set_news_expiry(seconds_until_next_publication)
