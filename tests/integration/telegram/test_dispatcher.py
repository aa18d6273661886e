"""Outbox dispatcher: python-telegram-bot's own client against the local Bot API server, real PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from verzek.notify.dispatcher import dispatch_due
from verzek.notify.outbox import enqueue
from verzek.queue import InProcessQueue
from verzek.signals import SignalUpdate, apply_update, ingest_signal

from .conftest import TRIAL_CHAT, VIP_CHAT, vip_signal


def _rows(db, sql, *args):
    with db, db.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def _later(minutes: int) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)


def test_signal_broadcast_vip_now_trial_later_and_update_replies_to_each(bot_api):
    signal_id = ingest_signal(vip_signal(), queue=InProcessQueue()).signal_id

    first = dispatch_due()
    assert (first.sent, first.claimed) == (1, 1)  # the TRIAL copy waits TRIAL_DELAY_MINUTES
    [vip] = bot_api.sent_messages(VIP_CHAT)
    assert "<b>LONG · BTC/USDT</b>" in vip["text"] and "TP3 67500" in vip["text"] and vip["parse_mode"] == "HTML"

    apply_update(signal_id, SignalUpdate(kind="tp_hit", target_index=1, dedupe_key="tg:x:1"))
    second = dispatch_due()
    assert second.sent == 1
    reply = bot_api.sent_messages(VIP_CHAT)[1]
    assert reply["reply_to_message"]["message_id"] == vip["message_id"]
    assert "TP1 hit</b> (65000)" in reply["text"]

    third = dispatch_due(now=_later(31))
    assert third.sent == 2
    trial_signal, trial_reply = bot_api.sent_messages(TRIAL_CHAT)
    assert "VIP members only" in trial_signal["text"] and "67500" not in trial_signal["text"]
    assert trial_reply["reply_to_message"]["message_id"] == trial_signal["message_id"]
    assert "65000" not in trial_reply["text"]  # withheld targets stay withheld in updates


def test_update_waits_for_a_pending_original(bot_api, db):
    signal_id = ingest_signal(vip_signal(), queue=InProcessQueue()).signal_id
    dispatch_due()
    apply_update(signal_id, SignalUpdate(kind="sl_hit", dedupe_key="tg:x:2"))
    # Half an hour later: both TRIAL rows are due; the reply must not go out before its original.
    with db, db.cursor() as cur:  # force the reply to be claimed first
        cur.execute("UPDATE notifications SET not_before = now() - interval '1 hour' WHERE kind = 'signal_event' "
                    "AND target = %s", (str(TRIAL_CHAT),))
    report = dispatch_due(now=_later(31))
    trial = bot_api.sent_messages(TRIAL_CHAT)
    assert len(trial) == 2 and trial[1]["reply_to_message"]["message_id"] == trial[0]["message_id"]
    assert report.failed == 0


def test_429_retry_after_is_honoured_and_sent_after_the_wait(bot_api):
    ingest_signal(vip_signal(), queue=InProcessQueue())
    bot_api.fail_next("sendMessage", 429, retry_after=1)
    report = dispatch_due()
    calls = bot_api.calls("sendMessage")
    assert report.sent == 1 and len(calls) == 2
    assert calls[1].at - calls[0].at >= 1.0  # waited the retry_after Telegram asked for


def test_long_429_reschedules_without_waiting(bot_api, db):
    ingest_signal(vip_signal(), queue=InProcessQueue())
    bot_api.fail_next("sendMessage", 429, retry_after=600)
    report = dispatch_due()
    assert report.retried == 1 and len(bot_api.calls("sendMessage")) == 1
    row = _rows(db, "SELECT * FROM notifications WHERE target = %s", str(VIP_CHAT))[0]
    assert row["status"] == "pending" and "429" in row["last_error"]
    assert row["not_before"] >= datetime.now(UTC) + timedelta(seconds=590)


def test_transient_errors_are_retried_with_backoff(bot_api):
    ingest_signal(vip_signal(), queue=InProcessQueue())
    bot_api.fail_next("sendMessage", 502, times=2)
    report = dispatch_due()
    assert report.sent == 1 and len(bot_api.calls("sendMessage")) == 3


def test_forbidden_and_missing_chats_are_recorded_alerted_and_the_batch_goes_on(bot_api, db, settings_env):
    bot_api.forbid_chat(VIP_CHAT)
    for message_id in (1, 2):  # (two calls: other targets, or the second restates the first and is not traded)
        ingest_signal(vip_signal(message_id, targets=(Decimal(65000 + message_id),)), queue=InProcessQueue())
    with db, db.cursor() as cur:
        enqueue(cur, channel="telegram", target="-100555", kind="dm", payload={"text": "hello <you>"})
        enqueue(cur, channel="telegram", target="-100777", kind="dm", payload={"text": "to a removed chat"})
        enqueue(cur, channel="console", kind="ops", payload={"text": "console line"})
    bot_api.remove_chat(-100777)
    report = dispatch_due()
    assert report.claimed == 5 and report.sent == 2 and report.failed == 3
    statuses = {(r["target"], r["kind"]): (r["status"], r["last_error"]) for r in
                _rows(db, "SELECT target, kind, status, last_error FROM notifications")}
    assert statuses[(str(VIP_CHAT), "signal_broadcast")][0] == "failed"
    assert "kicked" in statuses[(str(VIP_CHAT), "signal_broadcast")][1]
    assert statuses[("-100777", "dm")] == ("failed", "400 Chat not found")
    assert statuses[("-100555", "dm")][0] == "sent"
    # The second row to the removed VIP group did not cost another request.
    assert len([c for c in bot_api.calls("sendMessage") if int(c.params["chat_id"]) == VIP_CHAT]) == 1
    # Plain-text payloads are sent without parse_mode, so "<you>" arrives as written.
    assert bot_api.sent_messages(-100555)[0]["text"] == "hello <you>"
    # One alert per unreachable chat and batch, not one per row.
    alerts = _rows(db, "SELECT details FROM audit_log WHERE action = 'notification_failed'")
    assert sorted(a["details"]["target"] for a in alerts) == sorted([str(VIP_CHAT), "-100777"])


def test_migrated_group_gets_the_message_at_its_new_id(bot_api, db):
    bot_api.migrate_chat(VIP_CHAT, -1005550000001)
    ingest_signal(vip_signal(), queue=InProcessQueue())
    assert dispatch_due().sent == 1
    assert len(bot_api.sent_messages(-1005550000001)) == 1
    assert _rows(db, "SELECT target FROM notifications WHERE kind = 'signal_broadcast' AND status = 'sent'")[0][
        "target"] == "-1005550000001"


def test_bad_token_leaves_rows_pending_and_never_leaks_the_token(bot_api, db, settings_env):
    ingest_signal(vip_signal(), queue=InProcessQueue())
    settings_env(TELEGRAM_BOT_TOKEN="999:WRONG-secret-part")
    report = dispatch_due()
    assert report.sent == 0 and report.errors and all("WRONG-secret-part" not in e for e in report.errors)
    row = _rows(db, "SELECT status, attempts, last_error FROM notifications WHERE channel = 'telegram' "
                    "AND target = %s", str(VIP_CHAT))[0]
    assert row["status"] == "pending" and row["attempts"] == 0 and "WRONG-secret-part" not in row["last_error"]


def test_rows_are_claimed_once_by_concurrent_dispatchers(bot_api, db):
    import threading

    for message_id in range(1, 6):
        ingest_signal(vip_signal(message_id, targets=(Decimal(65000 + message_id),)), queue=InProcessQueue())
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(dispatch_due())) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sum(r.sent for r in reports) == 5
    assert len(bot_api.sent_messages(VIP_CHAT)) == 5


def test_local_stack_without_a_token_prints_to_the_console(telegram_env, settings_env, capsys, db):
    settings_env(TELEGRAM_BOT_TOKEN=None, VERZEK_ENV="local")
    ingest_signal(vip_signal(), queue=InProcessQueue())
    report = dispatch_due()
    assert report.skipped == 1 and "<b>LONG · BTC/USDT</b>" in capsys.readouterr().out
    settings_env(VERZEK_ENV="prod")  # anywhere else a missing token is a fault: rows wait, nothing is lost
    ingest_signal(vip_signal(2, targets=(Decimal(65500),)), queue=InProcessQueue())
    report = dispatch_due()
    assert report.deferred == 1 and report.errors == ["bot not usable: TELEGRAM_BOT_TOKEN is not set"]
    assert _rows(db, "SELECT status FROM notifications WHERE payload->>'signal_id' = '2' "
                     "AND target = %s", str(VIP_CHAT))[0]["status"] == "pending"
