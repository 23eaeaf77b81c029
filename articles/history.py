"""What an article's history keeps besides its own columns: its tags at each version.

taggit's manager is not a many-to-many field django-simple-history can follow, so each version
keeps the tags as text (`HistoricalArticle.tag_names`, from `models.TagsInHistory`). Tags are
saved after the article (the admin's `save_related`, or `article.tags.set()` in code), so the
version made by the save records the tags of that moment and a change of tags then updates that
newest version: every version shows the tags it was published with, and restoring one puts them
back in the form (`ArticleAdmin.get_form`).
"""

from types import SimpleNamespace

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record
from taggit.utils import edit_string_for_tags

from .models import Article, TaggedArticle


def tag_string(tags) -> str:
    """Tags (objects or names) as the admin's tag field shows them (`articles.tagging`), so the
    text goes back into that field unchanged."""
    return edit_string_for_tags([SimpleNamespace(name=getattr(tag, "name", tag)) for tag in tags])


@receiver(pre_create_historical_record, sender=Article.history.model)
def record_tags_in_history(instance, history_instance, **kwargs):
    history_instance.tag_names = tag_string(instance.tags.all())


@receiver(m2m_changed, sender=TaggedArticle)
def update_newest_version_tags(instance, action, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or not isinstance(instance, Article):
        return
    newest = instance.history.order_by("-history_date", "-history_id").values_list("pk", flat=True)[:1]
    Article.history.filter(pk__in=list(newest)).update(tag_names=tag_string(instance.tags.all()))
