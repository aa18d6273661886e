#!/usr/bin/env python
"""API benchmark: requests/s and p50/p99 latency for login, list signals and list positions under
concurrent load, against the real app (uvicorn in a subprocess, real PostgreSQL) on 127.0.0.1.

Baseline in the same run: GET /health (one trivial database query), so the figures read as
"how much each endpoint costs over the cheapest database-backed request" on this machine.

    .venv/bin/python scripts/bench_api.py [--requests 400] [--concurrency 16]

Uses a throw-away database on DATABASE_URL's server (or the embedded one) and drops it after.
Login is argon2id by design (tens of ms of CPU each): its rate is bounded by the cores, not by I/O.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "benchmark password 123"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _bench_database():
    """A scratch database (migrated, dropped after) on DATABASE_URL's server or an embedded one."""
    from verzek.db.embedded import ensure_embedded_server
    from verzek.db.scratch import scratch_database

    server = os.environ.get("DATABASE_URL") or ensure_embedded_server(REPO / ".verzek" / "bench-pgdata")
    return scratch_database("verzek_bench", server_dsn=server)


def _seed(dsn: str, signals: int, positions: int) -> int:
    from verzek.accounts.passwords import hash_password
    from verzek.db import connect

    conn = connect(dsn)
    now = datetime.now(UTC)
    with conn, conn.cursor() as cur:
        cur.execute("INSERT INTO users (email, password_hash, plan, email_verified_at) VALUES "
                    "('bench@example.com', %s, 'vip', now()) RETURNING id", (hash_password(PASSWORD),))
        user_id = cur.fetchone()["id"]
        cur.execute("INSERT INTO trading_settings (user_id) VALUES (%s)", (user_id,))
        signal_ids = []
        for i in range(signals):
            cur.execute("INSERT INTO signals (source, provider_chat_id, provider_message_id, symbol, side, entry_type, "
                        "entries, targets, stop_loss, received_at) VALUES ('vip', -100, %s, 'BTC/USDT', 'long', "
                        "'limit', %s, %s, 58000, %s) RETURNING id",
                        (i + 1, [Decimal("60000.5")], [Decimal(61000), Decimal(62000)],
                         now - timedelta(minutes=i)))
            signal_ids.append(cur.fetchone()["id"])
        for signal_id in signal_ids[:positions]:
            cur.execute("INSERT INTO positions (user_id, signal_id, mode, exchange, symbol, side, market_type, status, "
                        "entry_price, amount, filled_amount, cost) VALUES (%s, %s, 'paper', 'binance', 'BTC/USDT', "
                        "'long', 'spot', 'open', 60000.5, 0.01, 0.01, 600.005)", (user_id, signal_id))
    conn.close()
    return user_id


async def _run(base: str, method: str, path: str, *, total: int, concurrency: int, headers=None, json=None):
    import httpx

    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))

    async def worker(client: httpx.AsyncClient):
        nonlocal errors
        for _ in counter:
            start = time.perf_counter()
            response = await client.request(method, path, headers=headers, json=json)
            latencies.append(time.perf_counter() - start)
            if response.status_code >= 400:
                errors += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        await client.request(method, path, headers=headers, json=json)  # warm-up
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50_ms": statistics.median(latencies) * 1000,
            "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, "errors": errors,
            "n": len(latencies)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario")
    parser.add_argument("--login-requests", type=int, default=120, help="requests for the (argon2) login scenario")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--signals", type=int, default=2000)
    parser.add_argument("--positions", type=int, default=300)
    args = parser.parse_args()

    databases = ExitStack()
    dsn = databases.enter_context(_bench_database())
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": dsn, "JWT_SECRET": uuid.uuid4().hex * 2, "VERZEK_ENV": "test",
           "VERZEK_MASTER_KEY": "", "LOG_LEVEL": "WARNING", "POWERTOOLS_LOG_LEVEL": "WARNING",
           "LOGIN_MAX_FAILURES_PER_IP": "1000000", "DB_POOL_MAX": "20"}
    server = None
    try:
        user_id = _seed(dsn, args.signals, args.positions)
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "verzek.api.app:create_app", "--factory", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning", "--no-access-log"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        import httpx

        for _ in range(200):
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise SystemExit("API did not start: " + server.stderr.read().decode()[-2000:])
        login = httpx.post(base + "/api/auth/login", json={"email": "bench@example.com", "password": PASSWORD}).json()
        auth = {"Authorization": f"Bearer {login['access_token']}"}

        scenarios = [
            ("baseline GET /health", "GET", "/health", args.requests, None, None),
            ("POST /api/auth/login", "POST", "/api/auth/login", args.login_requests, None,
             {"email": "bench@example.com", "password": PASSWORD}),
            ("GET /api/signals (50/page)", "GET", "/api/signals", args.requests, auth, None),
            ("GET /api/users/{id}/positions", "GET", f"/api/users/{user_id}/positions", args.requests, auth, None),
        ]
        results = {}
        for label, method, path, total, headers, body in scenarios:
            results[label] = asyncio.run(_run(base, method, path, total=total, concurrency=args.concurrency,
                                              headers=headers, json=body))
        baseline = results["baseline GET /health"]
        print(f"API benchmark on 127.0.0.1: uvicorn (1 process) + PostgreSQL, concurrency {args.concurrency}, "
              f"{os.cpu_count()} CPUs, {args.signals} signals, {args.positions} positions")
        print(f"{'scenario':34} {'n':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'rps vs base':>11}")
        for label, r in results.items():
            print(f"{label:34} {r['n']:5d} {r['rps']:8.1f} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['errors']:6d} "
                  f"{r['rps'] / baseline['rps']:10.2f}x")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        databases.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
