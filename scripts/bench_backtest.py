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
    python scripts/bench_backtest.py --sample-2018            # issue 12's measure: the whole 2018 sample
    python scripts/bench_backtest.py -- --from 2025-01-01 --to 2025-01-03   # extra CLI arguments
    python scripts/bench_backtest.py --sample-2018 -- --every-bar   # the monitor at every candle (no shortcut)

`--sample-2018`: the 20 days x 10 BTC-quoted 5m symbols bundled with the package (the candles of
../shared/data/ohlcv/*_BTC-5m.json), 2018-01-10 .. 01-31, no random-entry baseline: the run issue 12
measured at 8 min 43 s. Also counted (machine load cannot move them): the round trips to PostgreSQL
(statements sent, plus the BEGIN psycopg2 sends before a transaction's first one) and the COMMITs.

Goal (issue 12): <= 30 s.
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


class RoundTrips:
    """Counts what psycopg2 sends: every execute (one round trip, however many statements it
    carries), the BEGIN it sends on its own before a transaction's first statement, and COMMITs
    (connection.commit() of an open transaction, or COMMIT inside a statement)."""

    def __init__(self) -> None:
        self.round_trips = self.commits = 0

    def install(self) -> None:
        import psycopg2
        import psycopg2.extensions as ext

        counter, connect = self, psycopg2.connect
        counted: dict[type, type] = {}

        def counting(base: type) -> type:
            if base not in counted:
                class Counting(base):
                    def execute(self, query, vars=None):
                        conn = self.connection
                        counter.round_trips += 1
                        if not conn.autocommit and conn.info.transaction_status == ext.TRANSACTION_STATUS_IDLE:
                            counter.round_trips += 1  # psycopg2's BEGIN
                        text = query if isinstance(query, bytes) else str(query).encode()
                        counter.commits += text.upper().count(b"COMMIT")
                        return super().execute(query, vars)
                counted[base] = Counting
            return counted[base]

        class Connection(ext.connection):
            def cursor(self, *args, cursor_factory=None, **kwargs):
                return super().cursor(*args, cursor_factory=counting(cursor_factory or self.cursor_factory
                                                                     or ext.cursor), **kwargs)

            def commit(self):
                if self.info.transaction_status != ext.TRANSACTION_STATUS_IDLE:
                    counter.round_trips += 1
                    counter.commits += 1
                return super().commit()

        def connect_counting(*args, **kwargs):
            kwargs.setdefault("connection_factory", Connection)
            return connect(*args, **kwargs)

        psycopg2.connect = connect_counting


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", default="trend")
    parser.add_argument("--baseline-n", type=int, default=2000, help="empty transactions per baseline measurement")
    parser.add_argument("--sample-2018", action="store_true",
                        help="the whole bundled 2018 BTC sample (20 days, 5m), no random-entry baseline")
    parser.add_argument("cli_args", nargs="*", help="more `verzek backtest` arguments (after --)")
    args = parser.parse_args()
    if args.sample_2018:
        from verzek.marketdata.replay import sample_dir

        args.cli_args = ["--data", str(sample_dir()), "--from", "2018-01-10", "--to", "2018-01-31", "--no-baseline",
                         *args.cli_args]

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
    counter = RoundTrips()
    counter.install()
    with tempfile.TemporaryDirectory() as out:
        argv = ["backtest", "--strategy", args.strategy, "--out", out, "--no-png", "--no-progress", *args.cli_args]
        started = time.perf_counter()
        rc = verzek(argv)
        elapsed = time.perf_counter() - started
    sent = (counter.round_trips, counter.commits)
    after = baseline()
    mean = (before + after) / 2
    print(f"baseline: empty DB transaction {before * 1e3:.3f} ms before, {after * 1e3:.3f} ms after "
          f"(mean {mean * 1e3:.3f} ms)")
    print(f"`verzek {' '.join(argv[:3])} {' '.join(args.cli_args)}`: {elapsed:.1f} s (exit {rc}) = "
          f"{elapsed / mean:,.0f} empty transactions")
    print(f"round trips to PostgreSQL: {sent[0]:,} (COMMITs {sent[1]:,}, scratch database set-up included)")
    if not args.cli_args or args.sample_2018:
        print(f"goal <= 30 s: {'met' if elapsed <= 30 else 'NOT met'} ({elapsed:.1f} s)")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
