"""PostgreSQL full-text search: `unaccent` in a `simple`-based configuration, GIN index.

A no-op on SQLite, which searches the folded `search_text` column instead (articles.search).
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vn_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION vn_unaccent (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION vn_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END $$
    """,
    "CREATE INDEX IF NOT EXISTS article_search_gin ON articles_article USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS article_search_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS vn_unaccent",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
