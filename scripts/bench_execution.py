#!/usr/bin/env python3
"""Fan-out benchmark: one signal executed for N paper users (default 1,000).

Every (signal, user) job goes through the real path: risk checks, venue, plan, the position and
its orders, the paper orders placed, rows updated, notifications queued. Jobs are consumed from an
in-process queue by W worker threads (W concurrent Lambda invocations), each taking up to --batch
jobs at a time (an SQS batch, default 10) and running them as the dca_executor Lambda does,
`Executor.handle_batch`: one transaction for the batch, a savepoint per job, the paper account's
rows in it (`--batch 1`: the job-by-job path, `Executor.handle`, the paper orders in their own
transactions). Reported: time from enqueue to all positions opened, jobs/second, p50/p99 per job
(a batch's time shared by its jobs), and — as the baselines measured in the same process — the pure
planning cost per job (`plan_trade`, no I/O) and one empty database transaction (alone, and under
the workers' concurrency), as ratios; and the database round trips of one job (a batch's shared by
its jobs), counted on the pool's connections (statements sent, the BEGIN before a transaction's
first one, COMMIT/ROLLBACK), which no machine load moves.

    python scripts/bench_execution.py [--users 1000] [--workers 1,4] [--batch 10] [--processes]

`--processes`: the workers are processes instead of threads (a Lambda invocation is its own process;
threads of this one share its GIL, and a job costs ~2 ms of Python CPU).

Also reported: CPU per job of this process (`getrusage`; children's with `--processes`) and of the
database cluster (its processes' `/proc` times, when it runs on this machine), which machine load
moves much less than wall time. The jobs run at the deployed log level (`--log-level`, INFO; the
lines go to /dev/null). `--profile FILE` (one worker thread) prints where the worker's CPU goes
(cProfile); for a sampling profile, `py-spy record --gil -- python scripts/bench_execution.py ...`.

Measured on the 2-core development machine shared with other jobs (2026-12-04, `--users 1000
--workers 1,4`; tables in docs/decisions/fan-out-batches.md): round trips per job 29 (job by job,
before batches) → 10.6 (batches, morning) → 2.7 (a new paper trade opened in one prepared statement,
afternoon); 4 workers 9.95–14.52 s → 4.22–8.47 s → 1.72–3.02 s (1.72–1.87 s on a quieter machine;
the morning's code took 3.75–8.24 s in the same rounds); CPU per job, this process 2.0–3.8 →
0.9–1.8 ms, the database 2.0–4.0 → 0.8–1.7 ms.

Uses a throw-away database on the embedded PostgreSQL (or DATABASE_URL's server), dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import queue
import resource
import sys
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "shared" / "python"))
SHARED = Path(os.environ.get("VERZEK_SHARED_DIR", ROOT.parent / "shared"))


class RoundTrips(threading.local):
    """Server round trips of the calling thread, counted on the pool's connections (see `_counting`)."""

    n = 0


TRIPS = RoundTrips()


def _counting() -> None:
    """Make the pool's connections count their round trips per thread: every statement sent (one
    round trip, however many statements its text holds), the BEGIN psycopg2 sends before the first
    statement of a transaction, and every COMMIT / ROLLBACK that ends one."""
    import psycopg2
    import psycopg2.extensions
    import psycopg2.extras
    import psycopg2.pool
    from psycopg2.extensions import TRANSACTION_STATUS_IDLE

    def counted(base):
        class Cursor(base):
            def execute(self, query, vars=None):
                conn = self.connection
                TRIPS.n += 1 + (not conn.autocommit and conn.info.transaction_status == TRANSACTION_STATUS_IDLE)
                return super().execute(query, vars)
        return Cursor

    plain, dicts = counted(psycopg2.extensions.cursor), counted(psycopg2.extras.RealDictCursor)

    class Connection(psycopg2.extensions.connection):
        def cursor(self, *args, cursor_factory=None, **kwargs):
            factory = cursor_factory or self.cursor_factory or psycopg2.extensions.cursor
            factory = {psycopg2.extensions.cursor: plain, psycopg2.extras.RealDictCursor: dicts}.get(factory, factory)
            return super().cursor(*args, cursor_factory=factory, **kwargs)

        def commit(self):
            TRIPS.n += self.info.transaction_status != TRANSACTION_STATUS_IDLE
            return super().commit()

        def rollback(self):
            TRIPS.n += self.info.transaction_status != TRANSACTION_STATUS_IDLE
            return super().rollback()

    connect = psycopg2.connect
    psycopg2.pool.psycopg2.connect = lambda *a, **kw: connect(*a, connection_factory=Connection, **kw)


def _proc_stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()  # fields from the state on (the name may hold spaces)


def server_cpu_seconds(postmaster: int | None) -> float | None:
    """CPU seconds used so far by the database cluster: the postmaster, its live processes (backends,
    WAL writer, checkpointer…) and the ones it has reaped (its children's times). None when the
    server is not on this machine."""
    if postmaster is None:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    try:
        own = _proc_stat(postmaster)
        total = sum(int(v) for v in own[11:15])  # utime, stime, cutime, cstime
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    fields = _proc_stat(int(entry))
                except OSError:
                    continue
                if int(fields[1]) == postmaster:
                    total += int(fields[11]) + int(fields[12])
    except OSError:
        return None
    return total / tick


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--workers", default="1,4")
    parser.add_argument("--processes", action="store_true",
                        help="workers are processes (each Lambda invocation is its own process) instead of threads "
                             "of this one (which share its GIL)")
    parser.add_argument("--log-level", default="INFO",
                        help="the verzek logger's level while the jobs run (INFO as deployed; lines to /dev/null)")
    parser.add_argument("--profile", metavar="FILE",
                        help="profile the jobs with cProfile (one worker thread at a time): print the top functions "
                             "by own and cumulative time and save the stats to FILE (pstats)")
    parser.add_argument("--batch", type=int, default=10,
                        help="jobs per worker call (the SQS batch size); 1 = the job-by-job path (Executor.handle)")
    args = parser.parse_args()

    import psycopg2
    _counting()
    from verzek.config import reset_settings_cache
    from verzek.db import close_pool, connection
    from verzek.db.embedded import database_dsn, ensure_embedded_server
    from verzek.db.migrate import apply_migrations
    from verzek.domain.jobs import ExecuteSignalJob
    from verzek.domain.signals import EntryType, Side, Signal, SignalSource
    from verzek.execution.executor import Executor
    from verzek.execution.orders import RetryPolicy
    from verzek.execution.paper import RecordedPrices
    from verzek.execution.planner import TradingSettings, plan_trade
    from verzek.execution.ports import MarketRules
    from verzek.execution.venues import VenueProvider
    from verzek.marketdata.replay import ManualClock

    admin_dsn = os.environ.get("DATABASE_URL") or ensure_embedded_server(ROOT / ".verzek" / "bench-pgdata")
    name = f"verzek_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(admin_dsn)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    dsn = database_dsn(admin_dsn, name)
    os.environ["DATABASE_URL"] = dsn
    os.environ.setdefault("DB_POOL_MAX", "20")
    os.environ["PAPER_START_BALANCE"] = "10"
    reset_settings_cache()
    close_pool()
    try:
        apply_migrations(dsn)
        prices = RecordedPrices.from_files([SHARED / "data" / "ohlcv" / "ETH_BTC-5m.json"])
        clock = ManualClock(1515626700000)
        venues = VenueProvider(prices, clock)
        executor = Executor(venues, RetryPolicy(sleep=lambda s: None))

        # --- baselines, same process ---
        signal = Signal(source=SignalSource.VIP, symbol="ETH/BTC", side=Side.LONG, entry_type=EntryType.LIMIT,
                        entries=(Decimal("0.0835"), Decimal("0.083")), targets=(Decimal("0.086"), Decimal("0.088")),
                        stop_loss=Decimal("0.082"), provider_chat_id=1, provider_message_id=1)
        settings = TradingSettings(size_value=Decimal("0.1"), dca_enabled=True, dca_safety_orders=2)
        rules = MarketRules.permissive("ETH/BTC")
        t = time.perf_counter()
        for i in range(2000):
            plan_trade(signal, settings, rules, free_balance=Decimal(10), last_price=Decimal("0.0846"),
                       signal_id=1, user_id=i + 1)
        plan_us = (time.perf_counter() - t) / 2000 * 1e6
        t = time.perf_counter()
        for _ in range(500):
            with connection() as conn, conn.cursor() as cur:
                cur.execute("SELECT 1")
        roundtrip_ms = (time.perf_counter() - t) / 500 * 1000
        TRIPS.n = 0
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT 1")
        empty_trips = TRIPS.n
        print(f"baseline: plan_trade {plan_us:.0f} us/job (pure); empty DB transaction {roundtrip_ms:.2f} ms "
              f"({empty_trips} round trips: BEGIN, SELECT 1, COMMIT)")

        def empty_under_load(threads: int, n: int = 300) -> float:
            """p50 of an empty transaction while `threads` threads run them at once (the jobs' concurrency)."""
            times: list[float] = []
            guard = threading.Lock()

            def loop():
                mine = []
                for _ in range(n):
                    t0 = time.perf_counter()
                    with connection() as conn, conn.cursor() as cur:
                        cur.execute("SELECT 1")
                    mine.append(time.perf_counter() - t0)
                with guard:
                    times.extend(mine)

            pool = [threading.Thread(target=loop) for _ in range(threads)]
            for th in pool:
                th.start()
            for th in pool:
                th.join()
            return pct(times, 0.5) * 1000

        postmaster = None  # the cluster's CPU is counted from its postmaster when it runs here
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
            row = cur.fetchone()
        if row is not None and os.path.exists(f"/proc/{row['pid']}/stat"):
            postmaster = int(_proc_stat(row["pid"])[1])

        for workers in [int(w) for w in args.workers.split(",")]:
            with connection() as conn, conn.cursor() as cur:
                cur.execute("TRUNCATE notifications, orders, positions, paper_orders, paper_positions, paper_balances, trading_settings, users, "
                            "signals RESTART IDENTITY CASCADE")
                cur.execute("INSERT INTO users (email, password_hash) SELECT 'u' || g || '@bench.local', 'x' "
                            "FROM generate_series(1, %s) g", (args.users,))
                cur.execute("INSERT INTO trading_settings (user_id, auto_trade, size_value, dca_enabled, "
                            "dca_safety_orders, max_open_positions) SELECT id, true, 0.1, true, 2, 5 FROM users")
                cur.execute("INSERT INTO signals (source, provider_chat_id, provider_message_id, symbol, side, "
                            "entry_type, entries, targets, stop_loss) VALUES ('vip', -1, 1, 'ETH/BTC', 'long', "
                            "'limit', '{0.0835,0.083}', '{0.086,0.088}', 0.082) RETURNING id")
                signal_id = cur.fetchone()["id"]
            jobs: queue.Queue = queue.Queue()
            durations: list[float] = []
            trips: list[int] = []
            outcomes: dict[str, int] = {}
            lock = threading.Lock()

            batch_times: list[float] = []
            profiler = None
            if args.profile:
                import cProfile

                if workers != 1 or args.processes:
                    raise SystemExit("--profile takes one worker thread (--workers 1)")
                profiler = cProfile.Profile(time.thread_time)  # the worker's CPU, not its waits

            def worker(jobs=jobs, lock=lock, durations=durations, outcomes=outcomes, trips=trips,
                       batch_times=batch_times, profiler=profiler):
                while True:
                    job = jobs.get()
                    if job is None:
                        return
                    batch = [job]
                    while len(batch) < args.batch:  # what is queued, up to the batch size (an SQS receive)
                        try:
                            more = jobs.get_nowait()
                        except queue.Empty:
                            break
                        if more is None:
                            jobs.put(None)  # the stop mark is for the next loop
                            break
                        batch.append(more)
                    TRIPS.n = 0
                    t0 = time.perf_counter()
                    if profiler is not None:
                        profiler.enable()
                    if args.batch == 1:
                        results = [executor.handle(job)]
                    else:
                        results = executor.handle_batch(batch)
                    if profiler is not None:
                        profiler.disable()
                    elapsed = time.perf_counter() - t0
                    with lock:
                        batch_times.append(elapsed)
                        for outcome in results:  # a batch's cost is shared by its jobs
                            durations.append(elapsed / len(batch))
                            trips.append(TRIPS.n / len(batch))
                            key = outcome if isinstance(outcome, str) else type(outcome).__name__
                            outcomes[key] = outcomes.get(key, 0) + 1

            import logging
            # the deployed level (template.yaml: LOG_LEVEL INFO): formatting the lines is part of a job's
            # CPU; they are written to /dev/null
            logs = logging.getLogger("verzek")
            logs.setLevel(args.log_level)
            for handler in logs.handlers:
                if isinstance(handler, logging.StreamHandler):
                    handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 - for the process's life
            if args.processes:
                import multiprocessing

                fork = multiprocessing.get_context("fork")
                jobs, results = fork.Queue(), fork.Queue()

                def process_worker(jobs=jobs, results=results):
                    mine: tuple = ([], [], {}, [])
                    worker(jobs=jobs, lock=threading.Lock(), durations=mine[0], trips=mine[1], outcomes=mine[2],
                           batch_times=mine[3])
                    close_pool()
                    results.put(mine)

                close_pool()  # each process opens its own connections (none may cross a fork)
                threads = [fork.Process(target=process_worker) for _ in range(workers)]
            else:
                threads = [threading.Thread(target=worker) for _ in range(workers)]
            server_before = server_cpu_seconds(postmaster)
            usage = resource.RUSAGE_CHILDREN if args.processes else resource.RUSAGE_SELF
            before = resource.getrusage(usage)
            start = time.perf_counter()
            for user_id in range(1, args.users + 1):
                jobs.put(ExecuteSignalJob(signal_id=signal_id, user_id=user_id))
            for th in threads:
                th.start()
            for _ in threads:
                jobs.put(None)
            if args.processes:
                for _ in threads:
                    part_durations, part_trips, part_outcomes, part_batches = results.get()
                    durations += part_durations
                    trips += part_trips
                    batch_times += part_batches
                    for key, n in part_outcomes.items():
                        outcomes[key] = outcomes.get(key, 0) + n
            for th in threads:
                th.join()
            total = time.perf_counter() - start
            after = resource.getrusage(usage)
            client_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            server_after = server_cpu_seconds(postmaster)
            with connection() as conn, conn.cursor() as cur:
                cur.execute("SELECT count(*) AS n FROM positions WHERE status = 'open'")
                opened = cur.fetchone()["n"]
                cur.execute("SELECT count(*) AS n FROM orders WHERE status = 'open'")
                orders = cur.fetchone()["n"]
            p50, p99 = pct(durations, 0.5) * 1000, pct(durations, 0.99) * 1000
            loaded_ms = empty_under_load(workers)
            print(f"workers={workers}{' processes' if args.processes else ''} batch={args.batch}: {args.users} jobs -> {opened} positions open, {orders} "
                  f"orders placed; enqueue->all opened {total:.2f} s; {args.users / total:.0f} jobs/s; "
                  f"per job p50 {p50:.1f} ms, p99 {p99:.1f} ms (batch p50 {pct(batch_times, 0.5) * 1000:.1f} ms); "
                  f"outcomes {outcomes}")
            print(f"  per job p50 = {p50 * 1000 / plan_us:.0f}x pure planning; {p50 / roundtrip_ms:.1f}x an empty DB "
                  f"transaction alone ({roundtrip_ms:.2f} ms), {p50 / loaded_ms:.1f}x one under {workers}-way "
                  f"concurrency ({loaded_ms:.2f} ms p50)")
            server = "" if server_before is None else (
                f"; database server {(server_after - server_before) / args.users * 1000:.2f} ms/job")
            print(f"  CPU per job: this client {client_cpu / args.users * 1000:.2f} ms{server}")
            print(f"  round trips per job: p50 {pct(trips, 0.5):.1f}, max {max(trips):.1f} "
                  f"= {pct(trips, 0.5) / empty_trips:.1f} empty transactions' worth ({empty_trips} each)")
            if profiler is not None:
                import pstats

                profiler.dump_stats(args.profile)
                stats = pstats.Stats(profiler)
                total_cpu = sum(entry[2] for entry in stats.stats.values())  # own time of every function
                print(f"  profile: {total_cpu / args.users * 1000:.2f} ms of the worker thread's CPU per job (profiled) "
                      f"(saved to {args.profile})")
                stats.sort_stats("tottime").print_stats(25)
                stats.sort_stats("cumulative").print_stats(40)
    finally:
        close_pool()
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
