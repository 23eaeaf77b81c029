"""The database cache's table, made by migrate as well as by `createcachetable`.

Under `make serve` without REDIS_URL the shared cache is the database cache (settings.CACHES):
every page request reads the content version from it. A deployment that runs `migrate` but
forgets `createcachetable` would otherwise answer every page with an error.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "django_cache"


def create(apps, schema_editor):
    # Idempotent: createcachetable skips a table that exists; it makes the table of every
    # database cache in settings.CACHES (none when the shared cache is Redis or local memory).
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("siteconfig", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
