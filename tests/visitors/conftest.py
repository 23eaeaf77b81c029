import re

import pytest

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def browser(client):
    """The Django test client as a phone browser (the counter ignores clients without a User-Agent)."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def new_browser():
    """A factory of fresh browsers: each one is a new visitor with no cookie."""
    from django.test import Client

    return lambda: Client(headers={"user-agent": BROWSER})


def new_visitor_reads(article):
    """A browser with no cookie opens the article: a new visit and a new view."""
    from django.test import Client

    return Client(headers={"user-agent": BROWSER}).get(article.get_absolute_url())


@pytest.fixture
def housekeeping_not_due(monkeypatch):
    """This process pruned and rolled up a moment ago: a request writes only its own rows."""
    import time

    from danvan_site.visitors import counter

    monkeypatch.setattr(counter, "_last_housekeeping", time.monotonic())


_WRITE_STATEMENT = ("INSERT", "UPDATE", "DELETE", "WITH")
_WRITTEN_TABLE = re.compile(r'(?:UPDATE|INSERT INTO|DELETE FROM) "(\w+)"')
_EXECUTE = re.compile(r"EXECUTE (\w+)\(")


def write_statements(queries) -> list[str]:
    """The writing statements among captured queries: one per round trip to the database. On
    PostgreSQL outside a transaction the counter sends `SET LOCAL …; EXECUTE <name>(…)` of a
    statement it prepared on the connection (counter.ASYNC_COMMIT): the prepared statement, as
    PostgreSQL holds it, stands for it here."""
    from danvan_site.visitors.counter import ASYNC_COMMIT

    statements = []
    for query in queries:
        sql = query["sql"].removeprefix(ASYNC_COMMIT)
        if execute := _EXECUTE.match(sql):
            sql = _prepared_statement(execute.group(1))
        if sql.lstrip().upper().startswith(_WRITE_STATEMENT):
            statements.append(sql)
    return statements


def _prepared_statement(name: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s", [name])
        (statement,) = cursor.fetchone()
    return re.sub(r"^PREPARE \w+ AS ", "", statement, flags=re.IGNORECASE)


def written_tables(queries) -> list[str]:
    """Each write in order, by its table; a PostgreSQL statement whose first writes are
    data-modifying CTEs (counter.write_atomically) counts as each of its parts."""
    return [table for sql in write_statements(queries) for table in _WRITTEN_TABLE.findall(sql)]


def statements_for(writes: int) -> int:
    """Round trips for that many writes of one request: one statement on PostgreSQL."""
    from django.db import connection

    return min(writes, 1) if connection.vendor == "postgresql" else writes


def views_shown(response) -> str:
    """The number after "Lượt xem" in the article header."""
    return re.search(r'<span data-stat="views">([^<]*)</span>', response.content.decode()).group(1)
