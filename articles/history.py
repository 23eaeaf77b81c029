"""What an article's history keeps besides its own columns: its tags at each version.

taggit's manager is not a many-to-many field django-simple-history can follow, so each version
keeps the tags as text (`HistoricalArticle.tag_names`, from `models.TagsInHistory`). Tags are
saved after the article (the admin's `save_related`, or `article.tags.set()` in code), so the
version made by the save records the tags of that moment and a change of tags then updates that
newest version: every version shows the tags it was published with, and restoring one puts them
back in the form (`ArticleAdmin.get_form`).
"""

import difflib
from datetime import datetime

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from simple_history.signals import pre_create_historical_record
from simple_history.template_utils import HistoricalRecordContextHelper

from danvan_site.text import html_words

from .models import Article, TaggedArticle
from .tagging import tags_to_string
from .templatetags.articles_tags import vn_time_date


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


# Words of unchanged text kept on each side of a change in the "Thay đổi" column.
DIFF_CONTEXT_WORDS = 8


def text_diff(old_html: str, new_html: str):
    """What changed in the text a reader reads, word by word: removed words in <del>, added
    ones in <ins>, long unchanged stretches shortened to their ends. Markup is not compared:
    an image or a bold word changed leaves the words the same."""
    old, new = html_words(old_html), html_words(new_html)
    pieces = []
    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    if all(op == "equal" for op, *_ in opcodes):
        return ""  # the same words: only markup (an image, a bold word) changed
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            words = old[i1:i2]
            first, last = index == 0, index == len(opcodes) - 1
            keep = DIFF_CONTEXT_WORDS
            if len(words) > (keep if first or last else 2 * keep):
                head = [] if first else words[:keep]
                tail = [] if last else words[-keep:]
                words = [*head, "…", *tail]
            pieces.append(format_html("<span>{}</span>", " ".join(words)))
            continue
        if i2 > i1:
            pieces.append(format_html("<del>{}</del>", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(format_html("<ins>{}</ins>", " ".join(new[j1:j2])))
    return mark_safe(" ".join(pieces))


class ArticleHistoryHelper(HistoricalRecordContextHelper):
    """The "Thay đổi" column of an article's history: each changed field by its Vietnamese
    name; the body as a diff of its words (simple-history would show cut HTML), times as the
    site writes them, choices by their labels."""

    text_fields = ("body",)

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(value, datetime):
            return vn_time_date(value)
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return "có" if value else "không"
        return super().prepare_delta_change_value(change, value)

    def context_for_delta_changes(self, delta):
        changes = []
        for change in delta.changes:
            field = capfirst(self.model._meta.get_field(change.field).verbose_name)
            if change.field in self.text_fields:
                diff = text_diff(change.old or "", change.new or "")
                changes.append({"field": field, "diff": diff or "(chỉ đổi định dạng hoặc ảnh)"})
            else:
                formatted = self.format_delta_change(change)
                changes.append({"field": field, "old": formatted.old, "new": formatted.new})
        return changes
