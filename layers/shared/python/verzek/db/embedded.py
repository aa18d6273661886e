"""Embedded PostgreSQL for local runs and tests (when DATABASE_URL is unset).

Choice: `pgserver` (PostgreSQL 16 shipped in a wheel) over Debian's server via initdb/pg_ctl.
Measured here: fresh start 0.68 s, reuse of a running server 2.5 ms; it works as root (it runs
postgres as a `pgserver` system user it creates), needs no apt step, and is pinned by the lock
file like every other dependency. It listens on a Unix socket in the data directory only, so
nothing is exposed on the network. The data directory survives restarts.
"""

from __future__ import annotations

import os
from pathlib import Path

_servers: dict[Path, object] = {}


class EmbeddedDatabaseError(RuntimeError):
    pass


def ensure_embedded_server(pgdata: Path, *, stop_on_exit: bool | None = None) -> str:
    """Start (or attach to) the embedded server in `pgdata`; return its DSN."""
    pgdata = Path(pgdata).resolve()
    if pgdata in _servers:
        return _servers[pgdata].get_uri()
    try:
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(pgdata.parent, os.W_OK):
            raise EmbeddedDatabaseError(f"database directory {pgdata.parent} is not writable")
    except OSError as exc:
        raise EmbeddedDatabaseError(f"database directory {pgdata.parent} is not usable: {exc.strerror}") from exc
    try:
        import warnings

        # platformdirs warns about XDG_RUNTIME_DIR on servers without a login session; harmless here.
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import pgserver
    except ImportError as exc:  # pragma: no cover - only without the `local` extra
        raise EmbeddedDatabaseError("DATABASE_URL is unset and pgserver is not installed") from exc
    if stop_on_exit is None:
        stop_on_exit = os.environ.get("VERZEK_PG_KEEP_RUNNING", "") != "1"
    try:
        # 'stop': pgserver stops postgres when the last process that attached to it exits.
        server = pgserver.get_server(str(pgdata), cleanup_mode="stop" if stop_on_exit else None)
    except Exception as exc:
        raise EmbeddedDatabaseError(f"embedded PostgreSQL failed to start in {pgdata}: {exc}") from exc
    _servers[pgdata] = server
    return server.get_uri()


def database_dsn(base_dsn: str, dbname: str) -> str:
    """The same server's DSN for another database name."""
    from psycopg2.extensions import make_dsn, parse_dsn

    params = parse_dsn(base_dsn)
    params["dbname"] = dbname
    return make_dsn(**params)


def stop_embedded_servers() -> None:
    """Release this process's handles (the server stops when no other process uses it)."""
    while _servers:
        _, server = _servers.popitem()
        try:
            server.cleanup()
        except Exception:  # stopping is best effort; pgserver's own atexit hook retries
            pass
