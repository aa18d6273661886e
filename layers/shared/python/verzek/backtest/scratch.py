"""A throwaway PostgreSQL database for one backtest run, and the environment the run trades in.

The backtest drives the real execution engine, which keeps its state in PostgreSQL. Each run gets
its own database on the configured server (DATABASE_URL / DATABASE_SECRET_ARN, else the embedded
server in the data directory), migrated like production and dropped afterwards, so a backtest
never touches real users' rows and two runs never see each other.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


class ScratchDatabaseError(RuntimeError):
    """The scratch database could not be created (server unreachable, no CREATEDB right, ...)."""


@contextmanager
def scoped_env(values: Mapping[str, str | None]) -> Iterator[None]:
    """Set (None: unset) environment variables for the block, then restore them; the cached
    settings and the connection pool follow both ways."""
    from verzek.config import reset_settings_cache
    from verzek.db import close_pool

    saved = {key: os.environ.get(key) for key in values}

    def apply(items) -> None:
        for key, value in items:
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        reset_settings_cache()
        close_pool()

    apply(values.items())
    try:
        yield
    finally:
        apply(saved.items())


@contextmanager
def scratch_database() -> Iterator[str]:
    """Create and migrate a database for this run on the configured server; yield its DSN; drop it."""
    import psycopg2

    from verzek.db import close_pool, resolve_dsn
    from verzek.db.embedded import EmbeddedDatabaseError, database_dsn
    from verzek.db.migrate import apply_migrations

    try:
        server_dsn = resolve_dsn()
        admin = psycopg2.connect(server_dsn)
    except (psycopg2.Error, EmbeddedDatabaseError) as exc:
        raise ScratchDatabaseError(f"no PostgreSQL server for the backtest: {str(exc).splitlines()[0]}") from None
    admin.autocommit = True
    name = f"verzek_backtest_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
            # nothing here needs to survive a crash: commits need not wait for the WAL flush
            cur.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    except psycopg2.Error as exc:
        admin.close()
        raise ScratchDatabaseError(f"cannot create the backtest database: {str(exc).splitlines()[0]}") from None
    try:
        dsn = database_dsn(server_dsn, name)
        apply_migrations(dsn)
        yield dsn
    finally:
        close_pool()  # no pooled connection may keep the database alive
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
