"""Throwaway databases: created on a PostgreSQL server, migrated like production, dropped after.

Used by backtests (which drive the real execution engine), benchmarks and anything else that needs
the product's schema without touching real rows; concurrent users never see each other.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager


class ScratchDatabaseError(RuntimeError):
    """The scratch database could not be created (server unreachable, no CREATEDB right, ...)."""


@contextmanager
def scratch_database(prefix: str = "verzek_scratch", *, server_dsn: str | None = None,
                     durable: bool = True) -> Iterator[str]:
    """Create and migrate `<prefix>_<pid>_<random>` on `server_dsn` (default: the configured
    server, else the embedded one); yield its DSN; drop it (with FORCE) on the way out.
    `durable=False` turns off synchronous commit for that database (nothing in it must survive a crash)."""
    import psycopg2

    from verzek.db import close_pool, resolve_dsn
    from verzek.db.embedded import EmbeddedDatabaseError, database_dsn
    from verzek.db.migrate import apply_migrations

    try:
        server_dsn = server_dsn or resolve_dsn()
        admin = psycopg2.connect(server_dsn)
    except (psycopg2.Error, EmbeddedDatabaseError) as exc:
        raise ScratchDatabaseError(f"no PostgreSQL server: {str(exc).splitlines()[0]}") from None
    admin.autocommit = True
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
            if not durable:
                cur.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    except psycopg2.Error as exc:
        admin.close()
        raise ScratchDatabaseError(f"cannot create database {name}: {str(exc).splitlines()[0]}") from None
    try:
        dsn = database_dsn(server_dsn, name)
        apply_migrations(dsn)
        yield dsn
    finally:
        close_pool()  # no pooled connection may keep the database alive
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
