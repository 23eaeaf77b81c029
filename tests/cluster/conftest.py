import pytest

from .cluster import Cluster


@pytest.fixture(scope="module")
def cluster():
    """PostgreSQL ← PgBouncer ← app servers A and B (+ Redis) ← nginx, started once for the module
    and always stopped; a failed start shows the log of what did not come up."""
    running = Cluster()
    try:
        running.start()
    except BaseException as error:
        logs = "\n".join(f"--- {name}.log\n{running.log(name)}" for name in Cluster.LOGS)
        running.stop()
        if not isinstance(error, Exception):  # Ctrl-C: stopped, and no report
            raise
        pytest.fail(f"the cluster did not start: {error}\n{logs}", pytrace=False)
    try:
        yield running
    finally:
        running.stop()
