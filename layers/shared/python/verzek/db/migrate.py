"""Versioned SQL migrations (yoyo-migrations) from `verzek/db/migrations/*.sql`.

Each file runs in its own transaction (PostgreSQL DDL is transactional): a failed migration rolls
back whole and stops the run; applied ones are recorded, so applying again is a no-op. yoyo takes
a lock so concurrent starters (several Lambda cold starts, local stack + tests) don't race.
"""

from __future__ import annotations

from pathlib import Path

from verzek.db import resolve_dsn

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _yoyo_uri(dsn: str) -> str:
    from urllib.parse import quote, urlencode

    from psycopg2.extensions import parse_dsn

    p = parse_dsn(dsn)
    query = {k: v for k, v in p.items() if k not in {"user", "password", "host", "port", "dbname"}}
    host = p.get("host", "")
    if host.startswith("/"):  # Unix socket: pass it as a query parameter
        query["host"] = host
        host = ""
    auth = quote(p.get("user", ""), safe="")
    if p.get("password"):
        auth += ":" + quote(p["password"], safe="")
    netloc = f"{auth}@{host}" if auth else host
    if p.get("port") and host:
        netloc += f":{p['port']}"
    return f"postgresql://{netloc}/{p.get('dbname', 'postgres')}" + (f"?{urlencode(query)}" if query else "")


def pending(dsn: str | None = None) -> list[str]:
    from yoyo import get_backend, read_migrations

    backend = get_backend(_yoyo_uri(dsn or resolve_dsn()))
    return [m.id for m in backend.to_apply(read_migrations(str(MIGRATIONS_DIR)))]


def apply_migrations(dsn: str | None = None) -> list[str]:
    """Apply every pending migration; return the ids applied (empty when up to date)."""
    from yoyo import get_backend, read_migrations

    backend = get_backend(_yoyo_uri(dsn or resolve_dsn()))
    migrations = read_migrations(str(MIGRATIONS_DIR))
    with backend.lock():
        todo = backend.to_apply(migrations)
        ids = [m.id for m in todo]
        backend.apply_migrations(todo)
    return ids
