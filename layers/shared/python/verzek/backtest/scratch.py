"""A throwaway PostgreSQL database for one backtest run, and the environment the run trades in.

The backtest drives the real execution engine, which keeps its state in PostgreSQL. Each run gets
its own database on the configured server (DATABASE_URL / DATABASE_SECRET_ARN, else the embedded
server in the data directory), migrated like production and dropped afterwards, so a backtest
never touches real users' rows and two runs never see each other.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from verzek.db.scratch import ScratchDatabaseError  # noqa: F401 - re-exported for the CLI
from verzek.db.scratch import scratch_database as _scratch_database


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
    """A migrated database for one backtest run on the configured server; dropped afterwards."""
    with _scratch_database("verzek_backtest", durable=False, template=True) as dsn:
        yield dsn
