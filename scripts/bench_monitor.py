#!/usr/bin/env python3
"""Monitor fan-out benchmark: positions checked per minute against the number of monitor workers.

A live Binance USD-M book per account on the exchange double (its real signature checks), reached
through the real proxy node by ccxt's real client; both run in a child process, with an injected
latency per exchange request (`--latency-ms`, default 100: a realistic round trip to an exchange
through a proxy). A accounts each hold two positions (BTC, ETH) with four resting DCA entries each.

Each run enqueues one monitor pass (one message per account, `enqueue_monitor_pass`) on the local
PostgreSQL queue and lets W worker threads (W concurrent `monitor_worker` invocations) drain it.
Reported per W: wall time, positions checked per minute, exchange requests, and the ratio against
1 worker measured in the same run. The old path — one invocation walking every position, one lookup
per live order (`PositionEngine.advance` without an account pass) — is measured in the same run too.

    python scripts/bench_monitor.py [--accounts 40] [--workers 1,2,4,8] [--latency-ms 100]

Uses a throw-away database (`verzek.db.scratch`) on DATABASE_URL's server or the embedded one.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "shared" / "python"))
sys.path.insert(0, str(ROOT))

HMAC_KEY_ID, HMAC_SECRET = "bench", "bench-proxy-secret-0123456789abcdef-01"


def serve_exchange(conn, accounts: int) -> None:
    """Child process: the exchange double and a proxy node in front of it; commands over `conn`."""
    from proxy_node.app import create_app
    from proxy_node.settings import NodeSettings
    from tests.support.exchange_double import ExchangeDouble, ServerThread

    with ExchangeDouble() as double:
        for i in range(accounts):
            double.add_account(f"bench-key-{i}", f"bench-secret-{i}")
        double.set_balance("binance", "linear", "USDT", "10000000")
        hosts = ("api.binance.com", "fapi.binance.com", "api.bybit.com")
        settings = NodeSettings(VERZEK_ENV="test", PROXY_NODE_HMAC_KEYS=f"{HMAC_KEY_ID}:{HMAC_SECRET}",
                                PROXY_NODE_UPSTREAM_OVERRIDES=",".join(f"{h}={double.base_url}" for h in hosts),
                                PROXY_NODE_KEY_RATE_PER_SECOND=10_000, PROXY_NODE_KEY_RATE_BURST=10_000)
        with ServerThread(create_app(settings)) as node:
            conn.send(node.url)
            while True:
                command, arg = conn.recv()
                if command == "delay":
                    double.delay_seconds = arg
                    conn.send(None)
                elif command == "requests":  # the requests since the last ask; a new minute of weight
                    with double._lock:  # (the double's used-weight count never decays on its own)
                        count = len(double.requests)
                        double.requests.clear()
                        double.used_weight = 0
                    conn.send(count)
                else:
                    conn.send(None)
                    return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=40)
    parser.add_argument("--workers", default="1,2,4,8")
    parser.add_argument("--latency-ms", type=float, default=100.0)
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    if workers[0] != 1:
        workers.insert(0, 1)

    parent, child = multiprocessing.Pipe()
    exchange = multiprocessing.Process(target=serve_exchange, args=(child, args.accounts), daemon=True)
    exchange.start()
    node_url = parent.recv()

    def ask(command: str, arg=None):
        parent.send((command, arg))
        return parent.recv()

    from cryptography.fernet import Fernet
    from verzek.config import reset_settings_cache
    from verzek.db import close_pool
    from verzek.db.scratch import scratch_database

    try:
        with scratch_database("verzek_bench") as dsn:
            os.environ.update({"DATABASE_URL": dsn, "DB_POOL_MAX": str(2 * max(workers) + 4),
                               "PROXY_ENABLED": "true", "PROXY_URLS": node_url, "PROXY_KEY_ID": HMAC_KEY_ID,
                               "PROXY_HMAC_KEY": HMAC_SECRET, "PROXY_DIRECT_FALLBACK": "false",
                               "VERZEK_MASTER_KEY": Fernet.generate_key().decode(), "LOG_LEVEL": "ERROR"})
            reset_settings_cache()
            close_pool()
            return run(args, workers, ask)
    finally:
        ask("stop")
        exchange.join(10)


def run(args, workers: list[int], ask) -> int:
    from decimal import Decimal

    from verzek.db import connection
    from verzek.domain.jobs import ExecuteSignalJob, parse_monitor_job
    from verzek.execution.executor import Executor
    from verzek.execution.lifecycle import PositionEngine
    from verzek.execution.monitor import enqueue_monitor_pass, monitor_account, open_position_ids
    from verzek.execution.orders import RetryPolicy
    from verzek.execution.paper import RecordedPrices
    from verzek.execution.venues import VenueProvider, wall_clock_ms
    from verzek.local.jobqueue import PgJobQueue
    from verzek.security.keystore import encrypt_credentials, next_exchange_account_id

    now = wall_clock_ms() // 60_000 * 60_000
    prices = RecordedPrices()
    for symbol, price in (("BTC/USDT:USDT", "60000"), ("ETH/USDT:USDT", "3000")):
        prices.add(symbol, "1m", [[t, price, price, price, price, "1"]
                                  for t in range(now - 3_600_000, now + 7_200_000, 60_000)])
    venues = VenueProvider(live_prices=prices)
    policy = RetryPolicy(sleep=time.sleep)

    # --- set-up: A live accounts, two positions each, four resting entries (DCA) per position ---
    started = time.monotonic()
    with connection() as conn, conn.cursor() as cur:
        def signal(n, symbol, entries, target, stop):
            cur.execute("INSERT INTO signals (source, external_id, symbol, side, market_type, leverage, entry_type, "
                        "entries, targets, stop_loss) VALUES ('trend', %s, %s, 'long', 'futures', 5, 'limit', "
                        "%s::numeric[], %s::numeric[], %s) RETURNING id",
                        (f"bench-{n}", symbol, [Decimal(e) for e in entries], [Decimal(target)], Decimal(stop)))
            return cur.fetchone()["id"]

        signals = [signal(1, "BTC/USDT", ["59000", "58800", "58600", "58400"], "61000", "58000"),
                   signal(2, "ETH/USDT", ["2900", "2880", "2860", "2840"], "3100", "2800")]
        users = []
        for i in range(args.accounts):
            cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, 'x') RETURNING id",
                        (f"bench{i}@example.com",))
            user = cur.fetchone()["id"]
            account = next_exchange_account_id(cur)
            enc = encrypt_credentials(f"bench-key-{i}", f"bench-secret-{i}", None, user_id=user,
                                      exchange_account_id=account)
            cur.execute("INSERT INTO exchange_accounts (id, user_id, exchange, label, api_key_enc, api_secret_enc, "
                        "passphrase_enc, key_id, encrypted_data_key, enc_scheme, key_last4) "
                        "VALUES (%s, %s, 'binance', 'main', %s, %s, %s, %s, %s, %s, %s)",
                        (account, user, enc.api_key_enc, enc.api_secret_enc, enc.passphrase_enc, enc.key_id,
                         enc.encrypted_data_key, enc.scheme, f"{i:04d}"))
            cur.execute("INSERT INTO trading_settings (user_id, auto_trade, mode, live_confirmed_at, "
                        "exchange_account_id, size_value, leverage_cap, follow_sources) "
                        "VALUES (%s, true, 'live', now(), %s, 100, 10, '{trend}')",
                        (user, account))
            users.append(user)
    executor = Executor(venues, policy)
    for user in users:
        for sig in signals:
            outcome = executor.handle(ExecuteSignalJob(signal_id=sig, user_id=user))
            assert outcome == "opened", outcome
    positions = len(open_position_ids(100_000))
    print(f"set-up: {args.accounts} live Binance USD-M accounts, {positions} open positions, "
          f"{8 * args.accounts} resting orders ({time.monotonic() - started:.1f} s); "
          f"exchange latency {args.latency_ms:g} ms per request", flush=True)
    ask("delay", args.latency_ms / 1000)

    def reset() -> None:
        with connection() as conn, conn.cursor() as cur:  # as if last read a minute ago
            cur.execute("UPDATE orders SET updated_at = now() - interval '1 minute'")
        ask("requests")

    engine = PositionEngine(venues, policy)
    results: dict = {}

    # --- the old path, same run: one invocation, every position in turn, one lookup per order ---
    reset()
    t0 = time.monotonic()
    outcomes = [engine.advance(pid) for pid in open_position_ids(100_000)]
    elapsed = time.monotonic() - t0
    assert outcomes.count("open") == positions, outcomes
    results["old"] = (elapsed, ask("requests"))
    print(f"old sequential monitor : {elapsed:6.2f} s  {positions / elapsed * 60:8.0f} positions/min  "
          f"{results['old'][1]} exchange requests", flush=True)

    # --- the fan-out: one message per account, W workers ---
    for w in workers:
        reset()
        queue = PgJobQueue(f"bench-monitor-{w}", lease_seconds=300, max_receives=1, poll_seconds=0.05)
        checked: list[int] = []
        outcomes: Counter = Counter()
        lock = threading.Lock()

        def consume(body, checked=checked, outcomes=outcomes, lock=lock):
            report = monitor_account(parse_monitor_job(body), engine)
            with lock:
                checked.append(report["checked"])
                outcomes.update(report["outcomes"])
                outcomes["errors"] += report["errors"]

        sent = enqueue_monitor_pass(queue, batch=50)
        t0 = time.monotonic()
        queue.start(consume, workers=w)
        expected = sent["messages"]
        last = time.monotonic()
        while len(checked) < expected:
            time.sleep(0.02)
            if time.monotonic() - last > 5:
                last = time.monotonic()
                done = len(checked)
                rate = done / (last - t0)
                print(f"  {w} workers: {done}/{expected} accounts, ETA {(expected - done) / max(rate, 1e-9):.0f} s",
                      flush=True)
        elapsed = time.monotonic() - t0
        queue.stop()
        assert sum(checked) == positions and outcomes == Counter({"open": positions}), (sum(checked), outcomes)
        results[w] = (elapsed, ask("requests"))
        print(f"fan-out, {w:2d} worker(s) : {elapsed:6.2f} s  {positions / elapsed * 60:8.0f} positions/min  "
              f"{results[w][1]} exchange requests", flush=True)

    base = results[1][0]
    print("\npositions checked per minute, as ratios measured in this run:")
    print(f"  {'path':<22}{'positions/min':>14}{'vs 1 worker':>13}{'vs old':>9}{'requests':>10}")
    print(f"  {'old sequential':<22}{positions / results['old'][0] * 60:>14.0f}{base / results['old'][0]:>12.2f}x"
          f"{1:>8.2f}x{results['old'][1]:>10}")
    for w in workers:
        elapsed, requests = results[w]
        print(f"  {f'fan-out, {w} worker(s)':<22}{positions / elapsed * 60:>14.0f}{base / elapsed:>12.2f}x"
              f"{results['old'][0] / elapsed:>8.2f}x{requests:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
