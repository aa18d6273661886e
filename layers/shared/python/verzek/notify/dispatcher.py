"""Outbox dispatcher: sends due `notifications` rows (Telegram, console, push when available).

Rows are claimed with a lease (attempts+1, not_before pushed out, `FOR UPDATE SKIP LOCKED`) and
committed before anything is sent, so concurrent dispatchers never send the same row and a crash
mid-batch only delays a row until its lease ends. One bad row never stops the batch: Telegram's
429 is honoured (short waits in place, long ones reschedule), transient errors back off, permanent
ones (bot removed, chat not found) are recorded on the row and alerted (ERROR log + audit_log).

Signal broadcasts are rendered from the current signal row at send time; updates are posted as
replies to the original broadcast in the same chat and wait for it when it is still pending (the
TRIAL group's delayed copy).
"""

from __future__ import annotations

import asyncio
import importlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from verzek.config import app_secret
from verzek.observability import logger

LEASE_SECONDS = 120
TELEGRAM_CHANNELS = ("telegram",)


@dataclass
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    deferred: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def _push_sender():
    """`verzek.notify.push.send_push(row)` when the push module exists (owned by the API area)."""
    try:
        module = importlib.import_module("verzek.notify.push")
    except ImportError:
        return None
    return getattr(module, "send_push", None) or getattr(module, "send", None)


def handled_channels() -> list[str]:
    channels = ["telegram", "console"]
    if _push_sender() is not None:
        channels.append("push")
    return channels


def claim_due(*, limit: int, now: datetime, channels: list[str], lease_seconds: int = LEASE_SECONDS) -> list[dict]:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute(
            """
            UPDATE notifications n SET attempts = n.attempts + 1, not_before = %(lease_end)s
            WHERE n.id IN (SELECT id FROM notifications
                           WHERE status = 'pending' AND not_before <= %(now)s AND channel = ANY(%(channels)s)
                           ORDER BY not_before, id LIMIT %(limit)s FOR UPDATE SKIP LOCKED)
            RETURNING n.*
            """, {"now": now, "lease_end": now + timedelta(seconds=lease_seconds), "channels": channels,
                  "limit": limit})
        rows = cur.fetchall()
    return sorted(rows, key=lambda r: r["id"])  # originals before their replies


def _finish(row_id: int, *, status: str, error: str | None = None, not_before: datetime | None = None,
            refund_attempt: bool = False, target: str | None = None) -> None:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute(
            """
            UPDATE notifications SET status = %s, last_error = %s,
                   sent_at = CASE WHEN %s = 'sent' THEN now() ELSE sent_at END,
                   not_before = coalesce(%s, not_before),
                   attempts = attempts - CASE WHEN %s THEN 1 ELSE 0 END,
                   target = coalesce(%s, target)
            WHERE id = %s
            """, (status, error, status, not_before, refund_attempt, target, row_id))


def _alert(row: dict, error: str) -> None:
    from verzek.db import connection

    logger.error("notification permanently failed", extra={"alert": True, "notification_id": row["id"],
                                                           "channel": row["channel"], "target": row["target"],
                                                           "kind": row["kind"], "error": error})
    with connection() as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO audit_log (user_id, action, details) VALUES (%s, 'notification_failed', %s::jsonb)",
                    (row.get("user_id"), json.dumps({"notification_id": row["id"], "channel": row["channel"],
                                                     "target": row["target"], "kind": row["kind"],
                                                     "error": error})))


# ----------------------------------------------------------------------------------------------
# telegram rows


@dataclass
class _TelegramMessage:
    text: str
    parse_mode: str | None
    reply_to: int | None = None
    signal_id: int | None = None
    event_id: int | None = None
    reply_markup: dict | None = None  # inline buttons (Bot API InlineKeyboardMarkup as a dict)
    review: tuple[int, int] | None = None  # (review_id, revision) of an operator review message


class _Defer(Exception):
    def __init__(self, until: datetime, why: str):
        super().__init__(why)
        self.until, self.why = until, why


class _Skip(Exception):
    pass


def _load_signal(cur, signal_id: int) -> dict:
    cur.execute("SELECT * FROM signals WHERE id = %s", (signal_id,))
    signal = cur.fetchone()
    if signal is None:
        raise _Skip(f"signal {signal_id} no longer exists")
    return signal


def _telegram_message(row: dict, chat_id: int, now: datetime) -> _TelegramMessage:
    """What to send for an outbox row: rendered signal/event, or the payload's own text."""
    from verzek.db import connection
    from verzek.telegram.format import render_event, render_signal

    payload = row["payload"] or {}
    withhold = bool(payload.get("withhold_targets"))
    if row["kind"] == "signal_broadcast":
        with connection() as conn, conn.cursor() as cur:
            signal = _load_signal(cur, int(payload["signal_id"]))
        if signal["status"] == "rejected":  # an edit made it untradable before this copy went out
            raise _Skip("signal was rejected after the broadcast was scheduled")
        return _TelegramMessage(render_signal(signal, withhold_targets=withhold), "HTML", signal_id=signal["id"])
    if row["kind"] == "signal_event":
        with connection() as conn, conn.cursor() as cur:
            signal = _load_signal(cur, int(payload["signal_id"]))
            cur.execute("SELECT * FROM signal_events WHERE id = %s", (int(payload["event_id"]),))
            event = cur.fetchone()
            if event is None:
                raise _Skip("event no longer exists")
            cur.execute("SELECT message_id FROM signal_broadcasts WHERE signal_id = %s AND chat_id = %s "
                        "AND event_id IS NULL", (signal["id"], chat_id))
            original = cur.fetchone()
            if original is None:
                cur.execute("SELECT status, not_before FROM notifications WHERE dedupe_key = %s",
                            (f"signal-{signal['id']}-{payload.get('audience')}",))
                pending = cur.fetchone()
                if pending and pending["status"] == "pending":
                    raise _Defer(max(pending["not_before"], now + timedelta(seconds=5)),
                                 "waiting for the original broadcast")
        return _TelegramMessage(render_event(signal, event, withhold_targets=withhold), "HTML",
                                reply_to=original["message_id"] if original else None,
                                signal_id=signal["id"], event_id=event["id"])
    if row["kind"] == "operator_review":
        from verzek.telegram.review import outbox_message

        shown = outbox_message(payload)
        if shown is None:
            raise _Skip("review decided, expired or superseded before it was sent")
        html, markup, review_id, revision = shown
        return _TelegramMessage(html, "HTML", reply_markup=markup, review=(review_id, revision))
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Skip("payload has no text")
    mode = payload.get("parse_mode")
    reply_to = payload.get("reply_to")
    return _TelegramMessage(text[:4096], "HTML" if str(mode).upper() == "HTML" else None,
                            reply_to=reply_to if isinstance(reply_to, int) else None)


def _record_broadcast(row: dict, message: _TelegramMessage, chat_id: int, message_id: int) -> None:
    from verzek.db import connection

    if message.review is not None:  # replies to it are mapped back to the review (operator corrections)
        from verzek.telegram.review import remember_sent

        remember_sent(chat_id, message_id, *message.review)
        return
    if message.signal_id is None:
        return
    with connection() as conn, conn.cursor() as cur:
        cur.execute("""
            INSERT INTO signal_broadcasts (signal_id, event_id, chat_id, message_id, notification_id)
            VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING
            """, (message.signal_id, message.event_id, chat_id, message_id, row["id"]))


async def _dispatch_telegram(bot, rows: list[dict], report: DispatchReport, now: datetime, settings,
                             done: set[int]) -> None:
    from verzek.telegram.sender import Permanent, RetryLater, Sent, send_message

    dead_chats: dict[int, str] = {}
    flooded_chats: dict[int, datetime] = {}
    max_attempts = settings.notify_max_attempts
    deliveries = _user_deliveries(rows)

    async def deliver(row: dict) -> None:
        try:
            chat_id = int(row["target"])
        except (TypeError, ValueError):
            _finish(row["id"], status="failed", error="target is not a Telegram chat id")
            report.failed += 1
            return
        delivery = deliveries.get(row["id"])
        if delivery is not None and not delivery.send:  # the user's preference, read at send time
            _finish(row["id"], status="skipped", error=delivery.reason)
            report.skipped += 1
            return
        if chat_id in dead_chats:  # one removed group must not cost a request per row
            _finish(row["id"], status="failed", error=dead_chats[chat_id])
            report.failed += 1
            return
        if chat_id in flooded_chats:
            _finish(row["id"], status="pending", not_before=flooded_chats[chat_id], error="429 flood control")
            report.retried += 1
            return
        try:
            message = _telegram_message(row, chat_id, now)
        except _Defer as defer:
            _finish(row["id"], status="pending", not_before=defer.until, error=defer.why, refund_attempt=True)
            report.deferred += 1
            return
        except _Skip as skip:
            _finish(row["id"], status="skipped", error=str(skip))
            report.skipped += 1
            return
        outcome = await send_message(bot, chat_id, message.text, parse_mode=message.parse_mode,
                                     reply_to_message_id=message.reply_to, reply_markup=message.reply_markup,
                                     disable_notification=delivery is not None and delivery.silent,
                                     max_inline_wait=settings.telegram_max_inline_wait_seconds)
        if isinstance(outcome, Sent):
            _record_broadcast(row, message, outcome.chat_id, outcome.message_id)
            new_target = str(outcome.chat_id) if outcome.migrated_from is not None else None
            if new_target:
                logger.warning("telegram group migrated: update the configured chat id",
                               extra={"alert": True, "old_chat_id": outcome.migrated_from,
                                      "new_chat_id": outcome.chat_id})
            _finish(row["id"], status="sent", target=new_target)
            report.sent += 1
        elif isinstance(outcome, RetryLater):
            if row["attempts"] >= max_attempts:
                _finish(row["id"], status="failed", error=f"gave up after {row['attempts']} attempts: {outcome.error}")
                _alert(row, outcome.error)
                report.failed += 1
                report.errors.append(outcome.error)
                return
            clock = max(now, datetime.now(UTC))  # the batch may have waited out earlier 429s
            if outcome.flood:  # exactly when Telegram allows it again, for this chat's other rows too
                until = clock + timedelta(seconds=outcome.seconds)
                flooded_chats[chat_id] = until
            else:  # exponential backoff per row
                until = clock + timedelta(seconds=max(outcome.seconds, min(30 * 2 ** (row["attempts"] - 1), 3600)))
            _finish(row["id"], status="pending", not_before=until, error=outcome.error)
            report.retried += 1
        elif isinstance(outcome, Permanent):
            dead_chats[chat_id] = outcome.error
            _finish(row["id"], status="failed", error=outcome.error)
            _alert(row, outcome.error)
            report.failed += 1
            report.errors.append(outcome.error)

    for row in rows:
        await deliver(row)
        done.add(row["id"])


def _user_deliveries(rows: list[dict]) -> dict:
    """On / silent / off per row addressed to a user (verzek.notify.preferences), one query per batch."""
    from verzek.db import connection
    from verzek.notify.preferences import delivery_modes

    if not any(r.get("user_id") is not None for r in rows):
        return {}
    with connection() as conn, conn.cursor() as cur:
        return delivery_modes(cur, rows)


async def _run_telegram(rows: list[dict], report: DispatchReport, now: datetime, settings, bot=None) -> None:
    from telegram.error import InvalidToken, TelegramError

    from verzek.telegram.bot import TelegramNotConfigured, create_bot, redact_token
    from verzek.telegram.sender import BotMisconfigured

    done: set[int] = set()
    if bot is None and settings.environment == "local" and app_secret(settings, "telegram_bot_token") is None:
        _print_locally(rows, report, now)
        return
    try:
        bot = bot or create_bot(settings)
        async with bot:  # initialize() calls getMe: a refused token fails here
            await _dispatch_telegram(bot, rows, report, now, settings, done)
        return
    except (TelegramNotConfigured, BotMisconfigured, InvalidToken) as exc:
        error = f"bot not usable: {redact_token(str(exc), settings)}"
    except TelegramError as exc:  # Telegram unreachable before anything was sent
        error = f"{type(exc).__name__}: {redact_token(str(exc), settings)}"
    report.errors.append(error)
    logger.error("telegram notifications waiting", extra={"alert": True, "error": error})
    for row in rows:  # rows not handled go back to the queue untouched
        if row["id"] not in done:
            _finish(row["id"], status="pending", error=error, refund_attempt=True,
                    not_before=max(now, datetime.now(UTC)) + timedelta(seconds=60))
            report.deferred += 1


def _print_locally(rows: list[dict], report: DispatchReport, now: datetime) -> None:
    """The local stack without a bot token: Telegram messages go to the console instead."""
    for row in rows:
        try:
            message = _telegram_message(row, int(row["target"]), now)
        except _Defer as defer:
            _finish(row["id"], status="pending", not_before=defer.until, error=defer.why, refund_attempt=True)
            report.deferred += 1
            continue
        except (_Skip, TypeError, ValueError) as exc:
            _finish(row["id"], status="skipped", error=str(exc))
            report.skipped += 1
            continue
        buttons = " ".join(f"[{b['text']}: {b.get('callback_data')}]"
                           for line in (message.reply_markup or {}).get("inline_keyboard", []) for b in line)
        print(f"--- telegram -> chat {row['target']} ({row['kind']}, console message {row['id']}) ---\n"
              f"{message.text}" + (f"\n{buttons}" if buttons else ""), flush=True)
        if message.review is not None:  # the console message id stands in for Telegram's (local replies use it)
            print(f"    press: verzek local --press {row['id']} DATA    correct: verzek local --reply {row['id']} "
                  f"\"TEXT\"", flush=True)
            _record_broadcast(row, message, int(row["target"]), row["id"])
        _finish(row["id"], status="skipped", error="no TELEGRAM_BOT_TOKEN: printed to the console")
        report.skipped += 1


def _console(row: dict, report: DispatchReport) -> None:
    payload = row["payload"] or {}
    logger.warning("notification", extra={"notification_id": row["id"], "kind": row["kind"],
                                          "user_id": row.get("user_id"), "text": payload.get("text")})
    _finish(row["id"], status="sent")
    report.sent += 1


def _push(row: dict, report: DispatchReport, sender, max_attempts: int) -> None:
    try:
        sender(row)
    except Exception as exc:  # noqa: BLE001 -- one device's failure must not stop the batch
        error = f"{type(exc).__name__}: {exc}"[:500]
        permanent = getattr(exc, "permanent", False) or row["attempts"] >= max_attempts
        _finish(row["id"], status="failed" if permanent else "pending", error=error,
                not_before=None if permanent else datetime.now(UTC) + timedelta(minutes=1))
        if permanent:
            report.failed += 1
        else:
            report.retried += 1
        return
    _finish(row["id"], status="sent")
    report.sent += 1


def dispatch_due(*, limit: int = 50, now: datetime | None = None, bot=None, settings=None) -> DispatchReport:
    """Send one batch of due notifications; returns what happened. Safe to run concurrently."""
    from verzek.config import get_settings

    settings = settings or get_settings()
    now = now or datetime.now(UTC)
    report = DispatchReport()
    rows = claim_due(limit=limit, now=now, channels=handled_channels())
    report.claimed = len(rows)
    telegram_rows: list[dict] = []
    push = _push_sender()
    for row in rows:
        if row["channel"] == "telegram":
            telegram_rows.append(row)
        elif row["channel"] == "console":
            _console(row, report)
        elif row["channel"] == "push" and push is not None:
            _push(row, report, push, settings.notify_max_attempts)
    if telegram_rows:
        asyncio.run(_run_telegram(telegram_rows, report, now, settings, bot=bot))
    if report.claimed:
        logger.info("notifications dispatched", extra=report.as_dict())
    return report


def run_scheduled(*, queue=None, limit: int = 50, now: datetime | None = None) -> dict[str, Any]:
    """The scheduled tick: resume interrupted fan-outs, then send due notifications."""
    from verzek.config import get_settings
    from verzek.signals import resume_pending_fanouts

    settings = get_settings()
    resumed = 0
    if queue is not None or settings.execution_queue_url or settings.environment in ("local", "test"):
        resumed = resume_pending_fanouts(queue=queue, now=now)
    else:  # an in-process queue inside a cloud function would swallow the jobs
        logger.error("EXECUTION_QUEUE_URL is not set: interrupted fan-outs cannot be resumed", extra={"alert": True})
    report = dispatch_due(limit=limit, now=now)
    expired = 0
    try:  # operator reviews past the staleness limit: their buttons are taken away
        from verzek.telegram.review import expire_due

        expired = expire_due(now=now)
    except Exception:  # noqa: BLE001 -- a failed sweep must not stop the dispatcher; the next tick retries
        logger.exception("operator review expiry sweep failed")
    return {"fanouts_resumed": resumed, **report.as_dict(), "reviews_expired": expired}
