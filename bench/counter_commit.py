#!/usr/bin/env python3
# ruff: noqa: T201 — a command-line report: printing is its job.
"""What the counter's way of writing saves on PostgreSQL: no wait for the disk, no planning.

    bash -c 'source .ci/pg.sh; PG_DURABLE=1 pg_start 25439; .venv/bin/python manage.py migrate; \
             .venv/bin/python manage.py seed_demo --no-accounts; .venv/bin/python bench/counter_commit.py'

A new visitor's write (the article's views and the visit's minute, one statement) as the counter
sends it — prepared on the connection, with `SET LOCAL synchronous_commit TO OFF` — and as a plain
statement, parsed and planned each time and committed as the server commits, in alternating
batches of 100, on the database in DATABASE_URL. On a cluster that syncs (PG_DURABLE=1) the
difference is both; on the test cluster, which never syncs, the planning alone.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan_site.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from danvan_site.visitors import counter  # noqa: E402


def main():
    if connection.vendor != "postgresql":
        raise SystemExit("DATABASE_URL must point to PostgreSQL")
    article_id = Article.objects.values_list("pk", flat=True).first()
    minute = counter._adapt_datetime(counter.minute_of(timezone.now()))
    writes = [(counter._article_view_sql(), [article_id]), (counter._MINUTE_UPSERT, [minute])]
    sql, params = counter.one_statement(writes, first_returns=True)

    def plain():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def as_sent():
        return counter.write_atomically(writes, first_returns=True)

    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        setting = cursor.fetchone()[0]
    times = {plain: [], as_sent: []}
    for n in range(16):
        for write in (plain, as_sent) if n % 2 == 0 else (as_sent, plain):
            start = time.perf_counter()
            for _ in range(100):
                write()
            times[write].append((time.perf_counter() - start) / 100 * 1e6)
    median = {write.__name__: round(statistics.median(values)) for write, values in times.items()}
    print(f"server synchronous_commit: {setting}")
    print(f"a new visitor's write as a plain statement: {median['plain']} µs (median of 16 batches)")
    print(f"as the counter sends it (prepared, SET LOCAL synchronous_commit TO OFF): {median['as_sent']} µs")


if __name__ == "__main__":
    main()
