from types import SimpleNamespace

from django.db import migrations, models
from taggit.utils import edit_string_for_tags


def tags_of_newest_versions(apps, schema_editor):
    """Articles saved before versions kept tags: their newest version gets today's tags (what the
    older versions had is not known)."""
    HistoricalArticle = apps.get_model("articles", "HistoricalArticle")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    tags: dict[int, list[str]] = {}
    for article_id, name in TaggedArticle.objects.values_list("content_object_id", "tag__name"):
        tags.setdefault(article_id, []).append(name)
    for article_id, names in tags.items():
        newest = HistoricalArticle.objects.filter(id=article_id).order_by("-history_date", "-history_id").first()
        if newest is not None:
            newest.tag_names = edit_string_for_tags([SimpleNamespace(name=n) for n in names])
            newest.save(update_fields=["tag_names"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_list_indexes_with_id"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalarticle",
            name="tag_names",
            field=models.TextField(blank=True, default="", verbose_name="thẻ"),
        ),
        migrations.RunPython(tags_of_newest_versions, migrations.RunPython.noop),
    ]
