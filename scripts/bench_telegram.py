#!/usr/bin/env python
"""Telegram / ingest benchmark, real parts on 127.0.0.1, each figure against a baseline in the same run:

1. Webhook: updates/s through `handle_webhook` (secret check, PTB `Update.de_json`, dedupe, parse,
   store, outbox, fan-out to 20 followers on the in-process queue) on real PostgreSQL, against
   the parser alone on the same texts (what the webhook adds over parsing).
2. Fan-out: jobs/s enqueued to SQS (moto server) with SendMessageBatch (what ingest uses) against
   one SendMessage per job.
3. Dispatcher: Telegram messages/s sent from the outbox by python-telegram-bot to the local Bot API
   server, against raw `Bot.send_message` calls in a loop (what the outbox bookkeeping costs). Direct
   messages to distinct users, with the dispatcher's pace lifted (TELEGRAM_MESSAGES_PER_SECOND=1000):
   this measures the bookkeeping, not Telegram's limits (scripts/bench_dispatcher.py does that).

    .venv/bin/python scripts/bench_telegram.py [--updates 400] [--jobs 500] [--messages 200]

Uses a throw-away database on DATABASE_URL's server (or the embedded one) and drops it after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERZEK_SHARED_DIR", REPO.parent / "shared"))
SOURCE_CHAT, VIP_CHAT = -1001909128013, -1001234567890
TOKEN = "123456:BENCH-token"
DM_BASE = 900_000_000  # private chats: groups get 20 messages a minute


def _bench_database():
    """A scratch database (migrated, dropped after) on DATABASE_URL's server or an embedded one."""
    from verzek.db.embedded import ensure_embedded_server
    from verzek.db.scratch import scratch_database

    server = os.environ.get("DATABASE_URL") or ensure_embedded_server(REPO / ".verzek" / "bench-pgdata")
    return scratch_database("verzek_bench", server_dsn=server)


def _texts() -> list[str]:
    path = SHARED / "data" / "signals" / "dev_signals.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bench_webhook(n: int) -> dict:
    from verzek.db import connection
    from verzek.parsing import parse_message
    from verzek.queue import InProcessQueue
    from verzek.telegram.webhook import handle_webhook

    with connection() as conn, conn.cursor() as cur:
        for i in range(20):
            cur.execute("INSERT INTO users (email, password_hash) VALUES (%s, 'x') RETURNING id", (f"b{i}@ex.com",))
            cur.execute("INSERT INTO trading_settings (user_id, auto_trade) VALUES (%s, true)",
                        (cur.fetchone()["id"],))
    texts = _texts()
    now = int(datetime.now(UTC).timestamp())
    bodies = [json.dumps({"update_id": i, "channel_post": {
        "message_id": i, "date": now, "text": texts[i % len(texts)],
        "chat": {"id": SOURCE_CHAT, "type": "channel"}, "sender_chat": {"id": SOURCE_CHAT, "type": "channel"}}})
        for i in range(1, n + 1)]
    start = time.perf_counter()
    for i in range(n):
        parse_message(texts[i % len(texts)])
    parse_s = time.perf_counter() - start
    queue = InProcessQueue()
    latencies = []
    start = time.perf_counter()
    for body in bodies:
        t0 = time.perf_counter()
        response = handle_webhook(body, "bench-secret", queue=queue)
        latencies.append(time.perf_counter() - t0)
        assert response.status == 200, response.body
    webhook_s = time.perf_counter() - start
    latencies.sort()
    return {"updates": n, "webhook_per_s": round(n / webhook_s, 1), "parser_only_per_s": round(n / parse_s, 1),
            "webhook_p50_ms": round(latencies[n // 2] * 1000, 2),
            "webhook_p99_ms": round(latencies[int(n * 0.99) - 1] * 1000, 2),
            "jobs_enqueued": len(queue.drain())}


def bench_fanout(jobs: int) -> dict:
    import boto3
    from moto.server import ThreadedMotoServer
    from verzek.domain.jobs import ExecuteSignalJob
    from verzek.queue import SqsQueue, send_jobs

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        client = boto3.client("sqs", region_name="eu-west-1", endpoint_url=f"http://{host}:{port}",
                              aws_access_key_id="bench", aws_secret_access_key="bench")
        # A fresh queue each: moto's send cost grows with the messages already queued.
        single = SqsQueue(client.create_queue(QueueName="bench-single")["QueueUrl"], client=client)
        batched = SqsQueue(client.create_queue(QueueName="bench-batched")["QueueUrl"], client=client)
        models = [ExecuteSignalJob(signal_id=1, user_id=u) for u in range(1, jobs + 1)]
        start = time.perf_counter()
        for job in models:
            single.send(job.model_dump(), dedupe_key=job.dedupe_key)
        single_s = time.perf_counter() - start
        start = time.perf_counter()
        send_jobs(batched, models)
        batch_s = time.perf_counter() - start
    finally:
        server.stop()
    return {"jobs": jobs, "batched_per_s": round(jobs / batch_s, 1), "one_by_one_per_s": round(jobs / single_s, 1),
            "speedup": round(single_s / batch_s, 2)}


def bench_dispatch(messages: int) -> dict:
    sys.path.insert(0, str(REPO))
    from verzek.config import reset_settings_cache
    from verzek.db import connection
    from verzek.notify.dispatcher import dispatch_due
    from verzek.notify.outbox import enqueue
    from verzek.telegram.bot import create_bot

    from tests.support.telegram_bot_api import LocalBotApi

    with LocalBotApi(token=TOKEN) as api:
        os.environ["TELEGRAM_API_BASE"] = api.base_url
        os.environ["TELEGRAM_MESSAGES_PER_SECOND"] = "1000"
        reset_settings_cache()

        async def raw() -> None:
            async with create_bot() as bot:
                for i in range(messages):
                    await bot.send_message(chat_id=DM_BASE + i, text=f"<b>raw</b> {i}", parse_mode="HTML")

        start = time.perf_counter()
        asyncio.run(raw())
        raw_s = time.perf_counter() - start
        with connection() as conn, conn.cursor() as cur:
            cur.execute("UPDATE notifications SET status = 'skipped' WHERE status = 'pending'")
            for i in range(messages):
                enqueue(cur, channel="telegram", target=str(DM_BASE + i), kind="bench",
                        payload={"text": f"<b>outbox</b> {i}", "parse_mode": "HTML"})
        start = time.perf_counter()
        sent = 0
        while sent < messages:
            report = dispatch_due(limit=100)
            if not report.claimed:
                break
            sent += report.sent
        outbox_s = time.perf_counter() - start
    return {"messages": messages, "outbox_per_s": round(sent / outbox_s, 1), "raw_bot_per_s": round(messages / raw_s, 1),
            "outbox_cost_ratio": round(outbox_s / raw_s, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--updates", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()

    os.environ.update(TELEGRAM_WEBHOOK_SECRET="bench-secret", TELEGRAM_SOURCE_CHAT_IDS=str(SOURCE_CHAT),
                      TELEGRAM_VIP_CHAT_ID=str(VIP_CHAT), TELEGRAM_BOT_TOKEN=TOKEN, LOG_LEVEL="WARNING",
                      SIGNAL_MAX_AGE_SECONDS="3600")
    os.environ.pop("EXECUTION_QUEUE_URL", None)
    os.environ.pop("BROADCAST_QUEUE_URL", None)
    databases = ExitStack()
    dsn = databases.enter_context(_bench_database())
    os.environ["DATABASE_URL"] = dsn
    from verzek.config import reset_settings_cache
    from verzek.observability import logger

    logger.setLevel("WARNING")
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto server's access log
    reset_settings_cache()
    try:
        results = {"webhook": bench_webhook(args.updates), "fanout_sqs": bench_fanout(args.jobs),
                   "dispatch": bench_dispatch(args.messages)}
    finally:
        databases.close()
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
