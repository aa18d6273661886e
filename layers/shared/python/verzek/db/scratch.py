"""Throwaway databases: created on a PostgreSQL server, migrated like production, dropped after.

Used by backtests (which drive the real execution engine), benchmarks and anything else that needs
the product's schema without touching real rows; concurrent users never see each other.

`template=True` copies the database from a migrated template (`verzek_template_<digest of the
migration files>`, made once per server and migration set, under an advisory lock so concurrent
starters make it once) instead of migrating each one: a file copy on the server instead of a few
hundred statements per database (backtests make one or two per command).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

_TEMPLATE_LOCK = 0x5645_7465_6D70  # advisory lock key: one template build at a time per server


def _migrations_digest() -> str:
    from verzek.db.migrate import MIGRATIONS_DIR

    digest = hashlib.sha256()
    for path in sorted(MIGRATIONS_DIR.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _template(admin, server_dsn: str) -> str:
    """The migrated template database for the current migration files (made now if missing; the
    templates of other migration sets are dropped then)."""
    from verzek.db.embedded import database_dsn
    from verzek.db.migrate import apply_migrations

    name = f"verzek_template_{_migrations_digest()}"
    with admin.cursor() as cur:
        cur.execute("SELECT pg_advisory_lock(%s)", (_TEMPLATE_LOCK,))
        try:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cur.fetchone() is not None:
                return name
            # built under another name and renamed when complete: a build killed half-way is never used
            building = f"{name}_build"
            cur.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{building}"')
            try:
                apply_migrations(database_dsn(server_dsn, building))
                # nobody may stay connected to a template (the migration tool's connection included)
                cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                            "AND pid <> pg_backend_pid()", (building,))
                cur.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
                cur.execute(f'ALTER DATABASE "{name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false')
            except BaseException:
                cur.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                raise
            cur.execute("SELECT datname FROM pg_database WHERE datname LIKE 'verzek\\_template\\_%%' "
                        "AND datname <> %s", (name,))
            for (old,) in cur.fetchall():
                with contextlib.suppress(Exception):  # one still being copied from: left for next time
                    cur.execute(f'ALTER DATABASE "{old}" WITH IS_TEMPLATE false')
                    cur.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
            return name
        finally:
            cur.execute("SELECT pg_advisory_unlock(%s)", (_TEMPLATE_LOCK,))


class ScratchDatabaseError(RuntimeError):
    """The scratch database could not be created (server unreachable, no CREATEDB right, ...)."""


@contextmanager
def scratch_database(prefix: str = "verzek_scratch", *, server_dsn: str | None = None,
                     durable: bool = True, template: bool = False) -> Iterator[str]:
    """Create and migrate `<prefix>_<pid>_<random>` on `server_dsn` (default: the configured
    server, else the embedded one); yield its DSN; drop it (with FORCE) on the way out.
    `durable=False` turns off synchronous commit for that database (nothing in it must survive a crash).
    `template`: copy it from the migrated template (see the module docstring) instead of migrating it."""
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
        source = _template(admin, server_dsn) if template else None
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{source}"' if source else ""))
            if not durable:
                cur.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    except psycopg2.Error as exc:
        admin.close()
        raise ScratchDatabaseError(f"cannot create database {name}: {str(exc).splitlines()[0]}") from None
    try:
        dsn = database_dsn(server_dsn, name)
        if source is None:
            apply_migrations(dsn)
        yield dsn
    finally:
        close_pool()  # no pooled connection may keep the database alive
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
