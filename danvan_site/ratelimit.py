"""Per-client limits on what readers send (comments, questions), counted in the database.

A limit counts the client's own rows (whatever became of them) since the window opened, so it
holds across server processes and needs no shared cache; the client is a keyed hash of its
address (danvan_site.clientaddr), never the address itself.
"""

import hashlib
from collections.abc import Callable

from django.db import connection, transaction


class RateLimited(Exception):
    """This client already sent its allowance in the current window."""


def lock_client(client_hash: str) -> None:
    """Serialize one client's submissions until the transaction ends.

    PostgreSQL: a transaction-level advisory lock keyed on the client hash, so two processes
    cannot both count 4 and both insert the 5th and 6th. SQLite: the project opens transactions
    with BEGIN IMMEDIATE (settings.DATABASES), which already lets one writer in at a time.
    """
    if connection.vendor == "postgresql":
        # 64 bits of the hash as PostgreSQL's signed bigint lock key.
        key = int.from_bytes(hashlib.sha256(client_hash.encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def save_within_limit(*, client_hash: str, sent_recently: Callable[[], int], limit: int, save: Callable):
    """`save()` unless `sent_recently()` (this client's rows in the window) reached `limit`, in
    which case `RateLimited` is raised; both run under the client's lock."""
    with transaction.atomic():
        lock_client(client_hash)
        if sent_recently() >= limit:
            raise RateLimited
        return save()
