"""PostgreSQL access: DSN resolution (env, Secrets Manager, or the embedded server), one pooled
connection source reused across warm Lambda invocations, and helpers.

    from verzek.db import connection
    with connection() as conn, conn.cursor() as cur:      # commits on success, rolls back on error
        cur.execute("SELECT ...")
        rows = cur.fetchall()                              # rows are dicts (RealDictCursor)

NUMERIC comes back as `Decimal`, timestamptz as aware `datetime` (session TimeZone is UTC).
"""

from __future__ import annotations

import contextvars
import json
import re
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg2
import psycopg2.errors
import psycopg2.extras
import psycopg2.pool

from verzek.config import Settings, app_secret, get_settings, secret_string

_lock = threading.Lock()
_pool: psycopg2.pool.ThreadedConnectionPool | None = None
_pool_dsn: str | None = None
_slots: threading.BoundedSemaphore | None = None


class DatabaseBusy(psycopg2.pool.PoolError):
    """Every pooled connection stayed in use for DB_POOL_WAIT_SECONDS: answer 503 / retry later,
    never a crash (psycopg2's own PoolError is raised at once, which turned bursts into 500s)."""


def dsn_from_secret(raw: str, *, host: str | None = None, dbname: str | None = None) -> str:
    """A DSN from a Secrets Manager secret: either a DSN itself, or RDS's JSON secret (`username`,
    `password`, `host`, `port`, `dbname`), with `host` (the RDS Proxy endpoint) and `dbname` overriding
    the secret's; TLS is required on that path (RDS Proxy enforces it)."""
    text = raw.strip()
    if not text.startswith("{"):
        return text
    data = json.loads(text)
    return psycopg2.extensions.make_dsn(
        host=host or data.get("host"), port=str(data.get("port") or 5432), user=data["username"],
        password=data["password"], dbname=dbname or data.get("dbname") or "postgres", sslmode="require")


def resolve_dsn(settings: Settings | None = None) -> str:
    """DATABASE_URL if set; else the secret named by DATABASE_SECRET_ARN (re-read after
    SECRETS_MAX_AGE_SECONDS, so a rotated password is picked up); else `database_url` of the
    APP_SECRETS_ARN secret; else the embedded server (local runs and tests only)."""
    settings = settings or get_settings()
    if settings.database_url is not None and settings.database_url.get_secret_value():
        return settings.database_url.get_secret_value()
    if settings.database_secret_arn:
        return dsn_from_secret(secret_string(settings, settings.database_secret_arn),
                               host=settings.database_host, dbname=settings.database_name)
    dsn = app_secret(settings, "database_url")
    if dsn is not None:
        return dsn.get_secret_value()
    if settings.environment not in ("local", "test"):
        raise RuntimeError("no database configured: set DATABASE_URL, DATABASE_SECRET_ARN or APP_SECRETS_ARN")
    from verzek.db.embedded import ensure_embedded_server

    return ensure_embedded_server(settings.data_dir / "pgdata")


def connect(dsn: str | None = None):
    """A new standalone connection (for migrations, tests and one-off scripts)."""
    conn = psycopg2.connect(dsn or resolve_dsn(), cursor_factory=psycopg2.extras.RealDictCursor,
                            options="-c timezone=UTC", application_name="verzek")
    return conn


def get_pool() -> psycopg2.pool.ThreadedConnectionPool:
    global _pool, _pool_dsn, _slots
    dsn = resolve_dsn()
    with _lock:
        if _pool is None or _pool_dsn != dsn:
            if _pool is not None:
                _pool.closeall()
            size = get_settings().db_pool_max
            # minconn=0: connect lazily (a cold start opens only what it uses). Then keep every
            # returned connection: psycopg2 closes a returned connection once `minconn` idle ones
            # are pooled, so with 0 nothing would ever be reused across calls or warm invocations.
            _pool = psycopg2.pool.ThreadedConnectionPool(
                0, size, dsn,
                cursor_factory=psycopg2.extras.RealDictCursor,
                options="-c timezone=UTC", application_name="verzek")
            _pool.minconn = size
            _pool_dsn = dsn
            _slots = threading.BoundedSemaphore(size)
        return _pool


def _acquire_slot() -> threading.BoundedSemaphore:
    slots = _slots
    assert slots is not None
    if not slots.acquire(timeout=get_settings().db_pool_wait_seconds):
        raise DatabaseBusy("all database connections are busy; try again shortly")
    return slots


def close_pool() -> None:
    global _pool, _pool_dsn
    with _lock:
        if _pool is not None:
            _pool.closeall()
        _pool, _pool_dsn = None, None


_BATCH: contextvars.ContextVar = contextvars.ContextVar("verzek_batch_connection", default=None)


@contextmanager
def connection() -> Iterator[psycopg2.extensions.connection]:
    """A pooled connection as one transaction: commit on success, rollback on any exception.

    A connection broken by a server restart (warm Lambda containers outlive database failovers)
    is discarded instead of being returned to the pool.

    Inside `batch_transaction` (same thread), the batch's connection instead: what is done joins
    the batch's one transaction, committed or rolled back with it (not here).
    """
    batch = _BATCH.get()
    if batch is not None:
        yield batch
        return
    pool = get_pool()
    slots = _acquire_slot()  # waits for a free connection instead of failing at once
    try:
        conn = pool.getconn()
    except BaseException:
        slots.release()
        raise
    broken = False
    try:
        if conn.closed:
            raise psycopg2.InterfaceError("pooled connection was closed")
        yield conn
        conn.commit()
    except (psycopg2.OperationalError, psycopg2.InterfaceError):
        broken = True
        raise
    except BaseException:
        if not conn.closed:
            conn.rollback()
        raise
    finally:
        try:
            pool.putconn(conn, close=broken or bool(conn.closed))
        finally:
            slots.release()


def batch_connection():
    """The connection of the `batch_transaction` open in this thread, or None."""
    return _BATCH.get()


@contextmanager
def batch_transaction() -> Iterator[psycopg2.extensions.connection]:
    """One transaction for a batch of jobs: every `connection()` scope opened in this thread until
    it ends runs on this one connection, inside this one transaction, committed once at the end (one
    commit, one WAL flush, for the whole batch instead of several per job) or rolled back whole on
    any exception. Callers isolate the jobs from each other with savepoints (see
    `verzek.execution.executor.Executor.handle_batch`)."""
    if _BATCH.get() is not None:
        raise RuntimeError("batch transactions do not nest")
    with connection() as conn:
        token = _BATCH.set(conn)
        try:
            yield conn
        finally:
            _BATCH.reset(token)


def commit_step(conn) -> None:
    """Commit a step of a multi-step operation (e.g. the intent before an exchange call) — unless
    `conn` is a batch's: then the step is kept in the batch's transaction, committed with it."""
    if conn is not _BATCH.get():
        conn.commit()


_PREPARED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # connection -> names prepared on it
_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%s")


def prepared_statements_enabled() -> bool:
    settings = get_settings()
    if settings.db_prepared_statements is not None:
        return settings.db_prepared_statements
    return not settings.database_host  # behind RDS Proxy, PREPARE pins the client's session


class Prepared:
    """A hot statement parsed and planned once per connection (`PREPARE`), then run by name
    (`EXECUTE`): the server skips parsing, rewriting and (after a few runs) planning on every call.
    Written with psycopg2 placeholders (`%s` or `%(name)s`, not mixed); falls back to a plain
    execute when prepared statements are off (`DB_PREPARED_STATEMENTS`)."""

    _count = 0

    def __init__(self, sql: str) -> None:
        Prepared._count += 1
        self.name = f"verzek_{Prepared._count}"
        self.sql = sql
        names: list[str] = []
        positional = 0

        def number(match: re.Match) -> str:
            nonlocal positional
            if match.group(1) is None:
                positional += 1
                return f"${positional}"
            if match.group(1) not in names:
                names.append(match.group(1))
            return f"${names.index(match.group(1)) + 1}"

        body = _PLACEHOLDER.sub(number, sql)
        if names and positional:
            raise ValueError("mixed positional and named placeholders")
        self._prepare = f"PREPARE {self.name} AS {body}"
        args = ", ".join(f"%({n})s" for n in names) if names else ", ".join(["%s"] * positional)
        self._execute = f"EXECUTE {self.name}" + (f" ({args})" if args else "")

    def _text(self, cur) -> str:
        """What to send: EXECUTE (preparing first on a connection new to it), or the plain SQL."""
        if not prepared_statements_enabled():
            return self.sql
        done = _PREPARED.setdefault(cur.connection, set())
        if self.name not in done:
            cur.execute(self._prepare)
            done.add(self.name)  # a prepared statement outlives a rollback of its transaction
        return self._execute

    def execute(self, cur, params=None, *, prefix: str = "") -> None:
        """Run it; `prefix`: statements sent ahead in the same round trip (e.g. "BEGIN; ")."""
        try:
            cur.execute(prefix + self._text(cur), params)
        except psycopg2.errors.InvalidSqlStatementName:  # gone (DISCARD ALL, a pooler): prepare again next time
            _PREPARED.get(cur.connection, set()).discard(self.name)
            raise

    def mogrify(self, cur, params=None) -> bytes:
        """The statement as text with `params` bound, to be sent with others in one round trip."""
        return cur.mogrify(self._text(cur), params)


def fetch_rows(cur, sql: str | Prepared, params=None, *, prefix: str = "") -> list[dict]:
    """`sql`'s rows as plain dicts, built in C (`dict(zip(...))`) instead of `RealDictRow`'s
    per-column Python `__setitem__`: for the hot paths reading many rows (order books, paper rows).
    `prefix`: statements sent ahead in the same round trip (their results are not returned)."""
    with cur.connection.cursor(cursor_factory=psycopg2.extensions.cursor) as plain:
        if isinstance(sql, Prepared):
            sql.execute(plain, params, prefix=prefix)
        else:
            plain.execute(prefix + sql, params)
        names = [c.name for c in plain.description]
        return [dict(zip(names, row)) for row in plain.fetchall()]


def statement(sql: str | Prepared, params=None) -> list[dict]:
    """One statement on a pooled connection, outside any transaction block (autocommit: a single
    statement is atomic on its own): one round trip instead of BEGIN, the statement and COMMIT.
    Returns its rows as dicts ([] when it returns none). Inside `batch_transaction`: a statement of
    the batch's transaction."""
    with connection() as conn:
        batched = conn is _BATCH.get()
        if not batched:
            conn.autocommit = True
        try:
            with conn.cursor(cursor_factory=psycopg2.extensions.cursor) as cur:
                if isinstance(sql, Prepared):
                    sql.execute(cur, params)
                else:
                    cur.execute(sql, params)
                if cur.description is None:
                    return []
                names = [c.name for c in cur.description]
                return [dict(zip(names, row)) for row in cur.fetchall()]
        finally:
            if not batched and not conn.closed:
                conn.autocommit = False


def ping() -> dict:
    """Database status for health checks: never raises, never leaks the DSN."""
    try:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT current_setting('server_version') AS version, "
                        "(SELECT max(migration_id) FROM _yoyo_migration) AS schema")
            row = cur.fetchone()
        return {"status": "ok", "server_version": row["version"], "schema": row["schema"]}
    except Exception as exc:  # health must report, not crash
        return {"status": "error", "error": type(exc).__name__}
