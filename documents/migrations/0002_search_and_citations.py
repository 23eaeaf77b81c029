"""PostgreSQL: the GIN index of document search (the `vn_unaccent` configuration comes from
articles 0002). Every database: the citation index of the articles written before the library."""

from django.db import migrations

from danvan_site.text import html_to_text
from documents.numbers import cited_keys


def gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS document_search_gin ON documents_document USING gin (search_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS document_search_gin")


def index_citations(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Citation = apps.get_model("documents", "Citation")
    batch = []
    for pk, body in Article.objects.values_list("pk", "body").iterator(chunk_size=500):
        batch += [Citation(article_id=pk, number_key=key) for key in cited_keys(html_to_text(body))]
        if len(batch) >= 1000:
            Citation.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Citation.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial"), ("articles", "0002_postgres_search")]

    operations = [
        migrations.RunPython(gin_index, drop_gin_index),
        migrations.RunPython(index_citations, migrations.RunPython.noop),
    ]
