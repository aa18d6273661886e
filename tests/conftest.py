"""Shared fixtures: a real PostgreSQL for every test that touches storage.

The server is the embedded one (pgserver, data in `.verzek/test-pgdata`) unless DATABASE_URL points
elsewhere. Each pytest run creates its own database (so concurrent runs never collide), migrates it
once, and the `db` fixture empties every table after each test that used it.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("VERZEK_SHARED_DIR", REPO_ROOT.parent / "shared")).resolve()

os.environ.setdefault("VERZEK_ENV", "test")
# Ingest's market-price check reads live prices by default; tests give it recorded prices explicitly.
os.environ.setdefault("INGEST_PRICE_CHECK", "false")
# (and where a test turns it on without an exchange double, the public ticker gets a refused connection on the loopback)
os.environ.setdefault("PUBLIC_MARKET_DATA_URL", "http://127.0.0.1:9")
# No test may reach api.telegram.org: a test that talks to Telegram starts the local Bot API server and points
# TELEGRAM_API_BASE at it; anything else gets a refused connection on the loopback.
os.environ.setdefault("TELEGRAM_API_BASE", "http://127.0.0.1:9")
# Test-only keys: generated per run, never real secrets.
os.environ.setdefault("VERZEK_MASTER_KEY", "")
os.environ.setdefault("JWT_SECRET", uuid.uuid4().hex + uuid.uuid4().hex)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data directory not found at {SHARED_DIR}")
    return SHARED_DIR


@pytest.fixture(scope="session")
def pg_admin_dsn() -> str:
    """DSN of the server's maintenance database (used to create the per-run database)."""
    external = os.environ.get("VERZEK_TEST_ADMIN_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if external:
        return external
    from verzek.db.embedded import ensure_embedded_server

    return ensure_embedded_server(REPO_ROOT / ".verzek" / "test-pgdata")


@pytest.fixture(scope="session")
def db_dsn(pg_admin_dsn: str):
    """A migrated database for this pytest run; DATABASE_URL points at it for the product code."""
    import psycopg2
    from verzek.config import reset_settings_cache
    from verzek.db import close_pool
    from verzek.db.embedded import database_dsn
    from verzek.db.migrate import apply_migrations

    name = f"verzek_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = psycopg2.connect(pg_admin_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    dsn = database_dsn(pg_admin_dsn, name)
    apply_migrations(dsn)
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = dsn
    reset_settings_cache()
    close_pool()
    try:
        yield dsn
    finally:
        close_pool()
        if previous is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous
        reset_settings_cache()
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _truncate_all(dsn: str) -> None:
    import psycopg2

    conn = psycopg2.connect(dsn)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        "AND tablename NOT LIKE '\\_yoyo%' AND tablename <> 'yoyo_lock'")
            tables = [r[0] for r in cur.fetchall()]
            if tables:
                cur.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
    finally:
        conn.close()


@pytest.fixture
def db(db_dsn: str):
    """A connection (dict rows) to the run's database; all tables are emptied after the test."""
    from verzek.db import connect

    conn = connect(db_dsn)
    try:
        yield conn
    finally:
        conn.close()
        _truncate_all(db_dsn)


@pytest.fixture
def settings_env(monkeypatch):
    """Set environment variables for the typed settings and drop the cached settings around the test."""
    from verzek.config import reset_settings_cache

    def apply(**values):
        for key, value in values.items():
            if value is None:
                monkeypatch.delenv(key, raising=False)
            else:
                monkeypatch.setenv(key, str(value))
        reset_settings_cache()

    yield apply
    reset_settings_cache()
