"""The dispatcher at Telegram's limits (issue 12 item 4), against the local Bot API server enforcing
them with 429s: concurrent sends paced by python-telegram-bot's AIORateLimiter, 20 a minute per
group, a continuous drain under one lease that wakes itself again, exactly once per outbox row."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from psycopg2.extras import execute_values
from verzek.notify.dispatcher import dispatch_due, drain

DM_BASE = 800_000_000
GROUP = -1002000000001


def _queue_dms(db, count: int, *, target=None) -> None:
    with db, db.cursor() as cur:
        execute_values(cur, "INSERT INTO notifications (channel, target, kind, payload, dedupe_key) VALUES %s",
                       [("telegram", str(target if target is not None else DM_BASE + i), "dm",
                         f'{{"text": "message {i}"}}', f"limits-{i}") for i in range(count)])


def _statuses(db) -> Counter:
    with db, db.cursor() as cur:
        cur.execute("SELECT status FROM notifications")
        return Counter(r["status"] for r in cur.fetchall())


def _delivered(bot_api) -> Counter:
    return Counter(m["chat"]["id"] for m in bot_api.sent_messages())


def test_sends_overlap_and_are_paced_under_the_limit(bot_api, db, settings_env):
    """Concurrent (requests overlap in flight) yet never faster than the pace: no second of the
    server's saw more than 30, and every DM arrived exactly once."""
    bot_api.enforce_limits(per_second=30)
    settings_env(TELEGRAM_MESSAGES_PER_SECOND="20")
    _queue_dms(db, 60)
    report = drain(budget_s=30)
    assert report.sent == 60 and not report.left and report.errors == []
    assert _delivered(bot_api) == Counter({DM_BASE + i: 1 for i in range(60)})
    assert _statuses(db) == Counter({"sent": 60})
    times = sorted(c.at for c in bot_api.calls("sendMessage"))
    # 60 at 20 a second (a bucket of 3): no less than (60 - 3) / 20 s from first to last
    assert times[-1] - times[0] >= 57 / 20 - 0.2
    assert bot_api.limit_hits == 0


def test_429s_from_an_overrun_are_honoured_and_nothing_is_lost_or_doubled(bot_api, db, settings_env):
    """Paced above what the server allows: it answers 429 with retry_after; each row waits that
    long and goes out again, so every DM still arrives exactly once."""
    bot_api.enforce_limits(per_second=10)
    settings_env(TELEGRAM_MESSAGES_PER_SECOND="40", TELEGRAM_MAX_INLINE_WAIT_SECONDS=2)
    _queue_dms(db, 40)
    report = drain(budget_s=30)  # rows a 429 put back a second are waited for within the drain
    assert report.sent == 40 and report.retried > 0 and not report.left
    assert bot_api.limit_hits > 0  # the server did refuse some
    assert _delivered(bot_api) == Counter({DM_BASE + i: 1 for i in range(40)})
    assert _statuses(db) == Counter({"sent": 40})


def test_a_group_gets_twenty_a_minute_the_rest_waits_without_a_429(bot_api, db):
    bot_api.enforce_limits(per_second=30, per_group_per_minute=20)
    _queue_dms(db, 25, target=GROUP)
    report = dispatch_due(limit=50)
    assert report.sent == 20 and report.deferred == 5 and bot_api.limit_hits == 0
    texts = [m["text"] for m in bot_api.sent_messages(GROUP)]
    assert texts == [f"message {i}" for i in range(20)]  # one lane per chat: in order
    with db, db.cursor() as cur:
        cur.execute("SELECT not_before, attempts FROM notifications WHERE status = 'pending'")
        waiting = cur.fetchall()
    assert len(waiting) == 5 and all(r["attempts"] == 0 for r in waiting)  # a deferral costs no attempt
    assert all(r["not_before"] > datetime.now(UTC) + timedelta(seconds=50) for r in waiting)
    # a new invocation continues the count from the outbox: nothing more for this group this minute
    with db, db.cursor() as cur:
        cur.execute("UPDATE notifications SET not_before = now() WHERE status = 'pending'")
    assert dispatch_due(limit=50).sent == 0 and bot_api.limit_hits == 0


def test_one_drain_at_a_time_and_each_row_sent_once(bot_api, db, settings_env):
    settings_env(TELEGRAM_MESSAGES_PER_SECOND="50")
    _queue_dms(db, 80)
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(drain(budget_s=20))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(r.busy for r in reports) >= 1  # the lease: others found the drainer at work
    assert sum(r.sent for r in reports) == 80
    assert _delivered(bot_api) == Counter({DM_BASE + i: 1 for i in range(80)})


@pytest.fixture
def broadcast_queue(moto_sqs, settings_env):
    """BROADCAST_QUEUE_URL, the dispatcher's wake-up queue, on moto."""
    url = moto_sqs.create_queue(QueueName="broadcast")["QueueUrl"]
    settings_env(BROADCAST_QUEUE_URL=url)
    return moto_sqs, url


def test_a_drain_out_of_time_wakes_the_next_invocation(bot_api, db, settings_env, broadcast_queue):
    client, url = broadcast_queue
    settings_env(TELEGRAM_MESSAGES_PER_SECOND="10")
    _queue_dms(db, 40)
    first = drain(budget_s=1.0, limit=5)  # five in flight: at 10 a second the budget ends it early
    assert 0 < first.sent < 40 and first.left and first.requeued
    [nudge] = client.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    assert '"dispatch_notifications"' in nudge["Body"]
    second = drain(budget_s=30)  # the invocation that nudge starts
    assert first.sent + second.sent == 40 and not second.left and not second.requeued
    assert _delivered(bot_api) == Counter({DM_BASE + i: 1 for i in range(40)})


def test_each_sent_row_is_recorded_before_its_chat_gets_the_next(bot_api, db, db_dsn):
    """A dispatcher killed between sends (a Lambda timeout, a crash) may resend only the message in
    flight: every row is marked sent before the next message of its chat leaves, not batched for later."""
    from verzek.db import connect

    seen_sent: list[int] = []
    original = bot_api._m_sendMessage
    watcher = connect(db_dsn)
    watcher.autocommit = True

    def recording(params):
        with watcher.cursor() as cur:
            cur.execute("SELECT count(*) AS n FROM notifications WHERE status = 'sent'")
            seen_sent.append(cur.fetchone()["n"])
        return original(params)

    bot_api._m_sendMessage = recording
    try:
        _queue_dms(db, 4, target=DM_BASE)  # one chat: one lane, in order
        report = dispatch_due(limit=10)
    finally:
        bot_api._m_sendMessage = original
        watcher.close()
    assert report.sent == 4 and _statuses(db) == Counter({"sent": 4})
    assert seen_sent == [0, 1, 2, 3]
