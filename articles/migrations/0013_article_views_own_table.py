"""An article's "Lượt xem" moves out of the article's row into a narrow table of its own.

Every counted view rewrote the whole article row (text, search vector) and, on PostgreSQL, put
a new entry in each of its indexes and marked its page as changed, so a section's count could no
longer be answered from the index alone. The counts are copied over, then the column goes.
"""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def copy_counts(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    ArticleViews = apps.get_model("articles", "ArticleViews")
    read = Article.objects.filter(view_count__gt=0).values_list("pk", "view_count").iterator(BATCH)
    ArticleViews.objects.bulk_create((ArticleViews(article_id=pk, count=n) for pk, n in read), batch_size=BATCH)


def copy_counts_back(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    ArticleViews = apps.get_model("articles", "ArticleViews")
    for pk, count in ArticleViews.objects.values_list("article_id", "count").iterator(BATCH):
        Article.objects.filter(pk=pk).update(view_count=count)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0012_search_vector_kept_in_row"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleViews",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="views",
                        serialize=False,
                        to="articles.article",
                        verbose_name="bài viết",
                    ),
                ),
                ("count", models.PositiveIntegerField(default=0, verbose_name="lượt xem")),
            ],
            options={
                "verbose_name": "lượt xem bài viết",
                "verbose_name_plural": "lượt xem bài viết",
            },
        ),
        migrations.RunPython(copy_counts, copy_counts_back),
        migrations.RemoveField(
            model_name="article",
            name="view_count",
        ),
        migrations.RemoveField(
            model_name="historicalarticle",
            name="view_count",
        ),
    ]
