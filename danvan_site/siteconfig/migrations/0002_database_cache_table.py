"""The database cache's table, made by migrate as well as by `createcachetable`.

Under `make serve` without REDIS_URL the shared cache is the database cache (settings.CACHES):
every page request reads the content version from it. A deployment that runs `migrate` but
forgets `createcachetable` would otherwise answer every page with an error.
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "django_cache"


def create(apps, schema_editor):
    # Idempotent: create_table() skips a table that exists.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("siteconfig", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
