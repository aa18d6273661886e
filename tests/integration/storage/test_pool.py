"""The pooled connection source reuses connections (warm Lambda invocations, the API under load)."""

import threading

from verzek.db import close_pool, connection


def _backend_pid() -> int:
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT pg_backend_pid() AS pid")
        return cur.fetchone()["pid"]


def test_sequential_transactions_reuse_one_connection(db_dsn):
    close_pool()
    first = _backend_pid()
    assert all(_backend_pid() == first for _ in range(5))


def test_concurrent_users_get_distinct_connections_then_reuse_them(db_dsn):
    close_pool()
    barrier = threading.Barrier(3)
    pids: list[int] = []

    def hold():
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT pg_backend_pid() AS pid")
            pids.append(cur.fetchone()["pid"])
            barrier.wait(timeout=10)

    threads = [threading.Thread(target=hold) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(pids)) == 3
    assert _backend_pid() in set(pids)  # returned to the pool, not closed


def test_a_failed_transaction_is_rolled_back_before_reuse(db_dsn):
    close_pool()
    try:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT 1/0")
    except Exception:
        pass
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT 1 AS one")
        assert cur.fetchone()["one"] == 1
