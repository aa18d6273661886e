#!/usr/bin/env python3
"""Backtest benchmark: `verzek backtest --strategy trend` on the bundled sample, on the real engine.

The run is exactly the CLI's (`verzek.cli.main(["backtest", ...])`: the strategy's out-of-sample run
and the random-entry baseline, each ingest -> Executor -> run_monitor on a scratch PostgreSQL
database with the paper account in rows); imports are done before the clock starts. Reported: the
wall time in seconds and -- because this machine's load moves absolute times a lot -- the same time
as a ratio to a baseline measured in the same run on the same server: one empty database
transaction (BEGIN; SELECT 1; COMMIT on a pooled connection), measured before and after the
backtest (the mean is used; both are printed).

    python scripts/bench_backtest.py                          # the CLI's default run
    python scripts/bench_backtest.py -- --from 2025-01-01 --to 2025-01-03   # extra CLI arguments

Goal (issue 12): the default run in <= 30 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "shared" / "python"))


def empty_transactions(n: int) -> float:
    """Seconds per empty transaction on a pooled connection of the configured database."""
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:  # the pool's connection exists before timing
        cur.execute("SELECT 1")
    started = time.perf_counter()
    for _ in range(n):
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT 1")
            cur.fetchone()
    return (time.perf_counter() - started) / n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", default="trend")
    parser.add_argument("--baseline-n", type=int, default=2000, help="empty transactions per baseline measurement")
    parser.add_argument("cli_args", nargs="*", help="more `verzek backtest` arguments (after --)")
    args = parser.parse_args()

    import tempfile

    from verzek.backtest import engine  # noqa: F401 - imported before the clock starts
    from verzek.backtest.scratch import scoped_env
    from verzek.cli import main as verzek
    from verzek.db import close_pool, get_pool
    from verzek.db.scratch import scratch_database

    os.environ.setdefault("VERZEK_DATA_DIR", str(ROOT / ".verzek"))

    def baseline() -> float:  # on a scratch database of the server the backtest uses
        with scratch_database("verzek_bench", durable=False) as dsn, scoped_env({"DATABASE_URL": dsn}):
            get_pool().minconn = get_pool().maxconn  # keep connections, as the backtest does
            seconds = empty_transactions(args.baseline_n)
            close_pool()
        return seconds

    before = baseline()
    with tempfile.TemporaryDirectory() as out:
        argv = ["backtest", "--strategy", args.strategy, "--out", out, "--no-png", "--no-progress", *args.cli_args]
        started = time.perf_counter()
        rc = verzek(argv)
        elapsed = time.perf_counter() - started
    after = baseline()
    mean = (before + after) / 2
    print(f"baseline: empty DB transaction {before * 1e3:.3f} ms before, {after * 1e3:.3f} ms after "
          f"(mean {mean * 1e3:.3f} ms)")
    print(f"`verzek {' '.join(argv[:3])} {' '.join(args.cli_args)}`: {elapsed:.1f} s (exit {rc}) = "
          f"{elapsed / mean:,.0f} empty transactions")
    if not args.cli_args:
        print(f"goal <= 30 s: {'met' if elapsed <= 30 else 'NOT met'} ({elapsed:.1f} s)")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
