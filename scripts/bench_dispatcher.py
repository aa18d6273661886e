#!/usr/bin/env python3
"""Dispatcher benchmark: N queued Telegram DMs (default 10,000) delivered to the local Bot API server.

The server double (tests/support/telegram_bot_api.py) enforces Telegram's limits with 429s and
`retry_after` (30 messages a second overall, 20 a minute per group), python-telegram-bot's own
client talks to it, the outbox is real PostgreSQL. The dispatcher runs as its Lambda does:
`drain()` invocations of NOTIFY_DRAIN_SECONDS each, the next one started as soon as the previous
one hands over (in the cloud its SQS nudge wakes it at once), until every row is sent.

Reported: total time, messages/s against Telegram's 30/s ceiling, 429s answered, exactly-once
checks (every row sent once, every chat got its one message), and, measured in the same run, the
old behaviour — the dispatcher as it was before issue 12 (loaded from git), 50 rows per
invocation sent one after another, invoked once a minute by its schedule.

    python scripts/bench_dispatcher.py [--messages 10000] [--old-batches 2]

Uses a throw-away database (`verzek.db.scratch`) on DATABASE_URL's server or the embedded one.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "layers" / "shared" / "python"))
sys.path.insert(0, str(ROOT))

TOKEN = "424242:BENCH-dispatcher-token"
OLD_COMMIT = "07e630e"  # main before issue 12's dispatcher: 50 rows per invocation, sequential
DISPATCHER = "layers/shared/python/verzek/notify/dispatcher.py"
CHAT_BASE = 700_000_000  # private chats (positive ids): one DM per user


def load_old_dispatcher():
    """The dispatcher module as it was at OLD_COMMIT, imported beside the current one."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{OLD_COMMIT}:{DISPATCHER}"], capture_output=True,
                            text=True, check=True).stdout
    spec = importlib.util.spec_from_loader("verzek.notify._dispatcher_before_issue12", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    exec(compile(source, f"{OLD_COMMIT}:{DISPATCHER}", "exec"), module.__dict__)  # noqa: S102 - our own history
    return module


def enqueue_dms(count: int, start: int) -> None:
    from psycopg2.extras import execute_values
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        execute_values(cur, "INSERT INTO notifications (channel, target, kind, payload, dedupe_key) VALUES %s",
                       [("telegram", str(CHAT_BASE + i), "bench_dm",
                         '{"text": "Position BTC/USDT long opened: 0.004 @ 59000 USDT"}', f"bench-dm-{i}")
                        for i in range(start, start + count)], page_size=1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--old-batches", type=int, default=2, help="old-style invocations measured (50 rows each)")
    args = parser.parse_args()

    from verzek.config import reset_settings_cache
    from verzek.db import close_pool
    from verzek.db.scratch import scratch_database

    from tests.support.telegram_bot_api import LocalBotApi

    api = LocalBotApi(token=TOKEN).start()
    api.enforce_limits(per_second=30, per_group_per_minute=20)
    try:
        with scratch_database("verzek_bench") as dsn:
            os.environ.update({"DATABASE_URL": dsn, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": api.base_url,
                               "VERZEK_ENV": "test", "LOG_LEVEL": "ERROR", "DB_POOL_MAX": "4"})
            reset_settings_cache()
            close_pool()
            return run(args, api)
    finally:
        api.stop()


def run(args, api) -> int:
    from verzek.db import connection
    from verzek.notify.dispatcher import drain

    # --- the old behaviour, same run: 50 rows per invocation, one after another ---
    old = load_old_dispatcher()
    old_rows = 50 * args.old_batches
    enqueue_dms(old_rows, start=args.messages)
    t0 = time.monotonic()
    old_sent = 0
    for _ in range(args.old_batches):
        old_sent += old.dispatch_due(limit=50).sent
    old_s = time.monotonic() - t0
    assert old_sent == old_rows, (old_sent, old_rows)
    old_send_rate = old_sent / old_s
    old_deployed_rate = 50 / 60  # its schedule invoked it once a minute: 50 rows per minute
    print(f"old dispatcher ({OLD_COMMIT}): {old_sent} DMs in {old_s:.1f} s = {old_send_rate:.1f} msg/s while "
          f"sending; invoked once a minute by its schedule: {old_deployed_rate * 60:.0f} per minute", flush=True)
    before = len(api.calls("sendMessage"))
    hits_before = api.limit_hits

    # --- the drain: N DMs, invocations back to back ---
    enqueue_dms(args.messages, start=0)
    print(f"queued {args.messages} DMs; draining against the Bot API double (30/s, 20/min per group enforced)",
          flush=True)
    sent = 0
    invocations = 0
    stop = threading.Event()
    t0 = time.monotonic()

    def progress() -> None:
        while not stop.wait(5):
            refused = api.limit_hits - hits_before
            done = len(api.calls("sendMessage")) - before - refused
            elapsed = time.monotonic() - t0
            rate = done / elapsed if elapsed else 0
            eta = (args.messages - done) / rate if rate else float("inf")
            print(f"  {elapsed:6.1f} s  {done:6d}/{args.messages} delivered  {rate:5.1f} msg/s  {refused:4d} 429s  "
                  f"ETA {eta:5.0f} s", flush=True)

    reporter = threading.Thread(target=progress, daemon=True)
    reporter.start()
    while True:
        report = drain(limit=100)
        invocations += 1
        sent += report.sent
        if not report.left and not report.busy:  # in the cloud `left` wakes the next invocation (SQS)
            break
    elapsed = time.monotonic() - t0
    stop.set()
    reporter.join()

    # --- exactly once, counted at the server and in the outbox ---
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT status, count(*) AS n FROM notifications WHERE kind = 'bench_dm' GROUP BY status")
        statuses = {r["status"]: r["n"] for r in cur.fetchall()}
    delivered = [m["chat"]["id"] for m in api.sent_messages() if CHAT_BASE <= m["chat"]["id"] < CHAT_BASE + args.messages]
    assert statuses == {"sent": args.messages + old_rows}, statuses
    assert len(delivered) == args.messages and len(set(delivered)) == args.messages, "a DM was lost or sent twice"
    rate = args.messages / elapsed
    hits = api.limit_hits - hits_before
    print(f"\n{args.messages} DMs delivered in {elapsed:.1f} s ({elapsed / 60:.2f} min) by {invocations} drain "
          f"invocation(s); every row sent once, every chat got exactly one")
    print(f"  rate                  {rate:6.1f} msg/s")
    print(f"  vs Telegram's ceiling {rate / 30:6.2f} x 30 msg/s")
    print(f"  vs old, as deployed   {rate / old_deployed_rate:6.0f} x (50 per minute: {args.messages / 50:.0f} min "
          f"for {args.messages})")
    print(f"  vs old, while sending {rate / old_send_rate:6.2f} x ({old_send_rate:.1f} msg/s, no pacing)")
    print(f"  429s answered         {hits:6d} ({hits / max(1, args.messages) * 100:.2f} % of sends)")
    print(f"  target <= 6 min       {'met' if elapsed <= 360 or args.messages < 10_000 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
