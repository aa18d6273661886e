#!/usr/bin/env python3
"""Backtest benchmark: `verzek backtest --strategy trend` on the bundled sample, on the real engine.

The run is exactly what the CLI runs (`run_backtest`: ingest -> Executor -> run_monitor on a scratch
PostgreSQL database, the paper account in rows); imports are done before the clock starts. Reported:
the wall time of the backtest in seconds, bars and bars/s, and -- because this machine's load moves
absolute times a lot -- the same time as a ratio to a baseline measured in the same run on the same
server: one empty database transaction (BEGIN; SELECT 1; COMMIT on a pooled connection), measured
before and after the backtest (the mean is used; both are printed).

    python scripts/bench_backtest.py                 # the whole sample (20 days, 5m)
    python scripts/bench_backtest.py --days 3        # a shorter window from the sample's start

Goal (issue 12): the whole sample in <= 30 s.
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
    parser.add_argument("--days", type=float, default=None, help="only this many days from the sample's start")
    parser.add_argument("--baseline-n", type=int, default=2000, help="empty transactions per baseline measurement")
    args = parser.parse_args()

    import logging

    from verzek.backtest import run_backtest
    from verzek.backtest.scratch import scoped_env
    from verzek.db import close_pool, get_pool
    from verzek.db.scratch import scratch_database
    from verzek.marketdata.replay import ReplayMarketData, sample_dir
    from verzek.observability import logger
    from verzek.strategies import create_strategy

    os.environ.setdefault("VERZEK_DATA_DIR", str(ROOT / ".verzek"))
    strategy = create_strategy(args.strategy)
    market = ReplayMarketData.from_files([sample_dir()])
    series = [market.full_series(s, strategy.timeframe) for s in market.symbols(strategy.timeframe)]
    start = min(int(s.ts[0]) for s in series)
    to_ms = None if args.days is None else start + int(args.days * 86_400_000)

    # the baseline runs on a scratch database of the same server the backtest uses
    with scratch_database("verzek_bench", durable=False) as dsn, scoped_env({"DATABASE_URL": dsn}):
        get_pool().minconn = get_pool().maxconn  # keep connections, as the backtest does
        before = empty_transactions(args.baseline_n)
        close_pool()

    logger.setLevel(logging.ERROR)
    started = time.perf_counter()
    result = run_backtest(strategy, series, to_ms=to_ms, funding_from=[sample_dir()], progress=None)
    elapsed = time.perf_counter() - started

    with scratch_database("verzek_bench", durable=False) as dsn, scoped_env({"DATABASE_URL": dsn}):
        get_pool().minconn = get_pool().maxconn
        after = empty_transactions(args.baseline_n)
        close_pool()

    baseline = (before + after) / 2
    r = result.report
    bars = r["period"]["bars"]
    print(f"baseline: empty DB transaction {before * 1e3:.3f} ms before, {after * 1e3:.3f} ms after "
          f"(mean {baseline * 1e3:.3f} ms)")
    print(f"backtest {r['strategy']} {r['timeframe']} {r['period']['from']} .. {r['period']['to']} on "
          f"{len(r['symbols'])} symbols: {bars} bars, {r['trades']} trades, {elapsed:.1f} s "
          f"({bars / elapsed:.0f} bars/s)")
    print(f"ratio: the backtest = {elapsed / baseline:,.0f} empty transactions; one bar = "
          f"{elapsed / bars / baseline:.1f} empty transactions")
    if args.days is None:
        print(f"goal <= 30 s for the whole sample: {'met' if elapsed <= 30 else 'NOT met'} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
