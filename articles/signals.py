"""Cache invalidation: a reader never sees a stale menu or page after an editor saves."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from danvan_site.siteconfig.models import SiteSettings

from .models import MENU_CACHE_KEY, Article, Category

# Bumped on every content change; cached fragments and pages include it in their keys.
CONTENT_VERSION_KEY = "content:version"


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(CONTENT_VERSION_KEY, version, None)
    return version


def bump_content_version(**kwargs):
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, 2, None)


@receiver([post_save, post_delete], sender=Category)
def category_changed(**kwargs):
    cache.delete(MENU_CACHE_KEY)
    bump_content_version()


for model in (Article, SiteSettings):
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model.__name__}")
    post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bumpd-{model.__name__}")
