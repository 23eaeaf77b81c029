"""What an article's history keeps besides its own columns: its tags at each version.

taggit's manager is not a many-to-many field django-simple-history can follow, so each version
keeps the tags as text (`HistoricalArticle.tag_names`, from `models.TagsInHistory`). Tags are
saved after the article (the admin's `save_related`, or `article.tags.set()` in code), so the
version made by the save records the tags of that moment and a change of tags then updates that
newest version: every version shows the tags it was published with, and restoring one puts them
back in the form (`ArticleAdmin.get_form`).
"""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from .models import Article, TaggedArticle
from .tagging import tags_to_string


@receiver(pre_create_historical_record, sender=Article.history.model)
def record_tags_in_history(instance, history_instance, **kwargs):
    history_instance.tag_names = tags_to_string(instance.tags.all())


@receiver(m2m_changed, sender=TaggedArticle)
def update_newest_version_tags(instance, action, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or not isinstance(instance, Article):
        return
    newest = instance.history.order_by("-history_date", "-history_id").first()
    if newest is not None:
        Article.history.filter(pk=newest.pk).update(tag_names=tags_to_string(instance.tags.all()))
