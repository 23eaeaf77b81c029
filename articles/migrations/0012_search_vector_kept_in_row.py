"""PostgreSQL keeps each article's search vector in its row (`STORAGE MAIN`), compressed.

A search for a common phrase walks the newest articles and tests each one's vector. Stored apart
(TOAST, the default for a value this size), every test reads the vector's chunks through the
TOAST index: about five pages per article, against one in the row. The vectors written before are
rewritten once so that they move in too. A no-op on SQLite, which has no search vector.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE MAIN",
    # A new value (not the stored pointer) is what makes PostgreSQL store it the new way.
    "UPDATE articles_article SET search_vector = search_vector || ''::tsvector "
    "WHERE search_vector IS NOT NULL",
]
BACKWARD = ["ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE EXTENDED"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_subsite_archive_follows_unit")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
