"""Outbox dispatcher: sends due `notifications` rows (Telegram, console, push when available).

Rows are claimed with a lease (attempts+1, not_before pushed out, `FOR UPDATE SKIP LOCKED`) and
committed before anything is sent, so concurrent dispatchers never send the same row and a crash
mid-batch only delays a row until its lease ends. One bad row never stops the batch: Telegram's
429 is honoured (short waits in place, long ones reschedule), transient errors back off, permanent
ones (bot removed, chat not found) are recorded on the row and alerted (ERROR log + audit_log).

At Telegram's limits (issue 12): rows go out concurrently, one lane per chat (a chat's rows in
order), every send paced by python-telegram-bot's `AIORateLimiter` (TELEGRAM_MESSAGES_PER_SECOND
overall, 29 by default, and TELEGRAM_GROUP_MESSAGES_PER_MINUTE per group); a group over its 20 a
minute gets its row rescheduled to when a slot frees rather than stalling the drain. `drain()` (the
function's invocation) keeps claiming while rows are due, up to NOTIFY_DRAIN_SECONDS, under a lease
so one invocation paces the whole bot, and wakes the next invocation at once when rows are left.

Signal broadcasts are rendered from the current signal row at send time; updates are posted as
replies to the original broadcast in the same chat and wait for it when it is still pending (the
TRIAL group's delayed copy).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from verzek.config import app_secret
from verzek.observability import logger

LEASE_SECONDS = 120
DRAIN_WAIT_SECONDS = 5.0  # a drain waits for rows due this soon (a short 429) instead of ending
TELEGRAM_CHANNELS = ("telegram",)


@dataclass
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    deferred: int = 0
    failed: int = 0
    skipped: int = 0
    passes: int = 0        # claims that found rows
    busy: bool = False     # another invocation holds the drain lease
    left: bool = False      # rows were still due at the end of the drain...
    requeued: bool = False  # ...and the dispatcher was woken again for them (its SQS queue)
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


class _GroupBudget:
    """Admission per group or channel: at most `per_minute` sends in any rolling minute (Telegram: 20).
    A row over budget is rescheduled to when a slot frees instead of waiting in the limiter, so the
    drain never stalls on one busy group. Seeded from the outbox's recent sends: a new invocation
    continues the previous one's count (one drainer at a time holds the lease)."""

    WINDOW = 61.0  # one second over Telegram's minute: admission happens a moment before Telegram counts

    def __init__(self, per_minute: int, seed: dict[int, list[float]] | None = None) -> None:
        self.per_minute = per_minute
        self.sent: dict[int, deque] = {chat: deque(sorted(times)) for chat, times in (seed or {}).items()}

    def admit(self, chat_id: int) -> float | None:
        """None: send now (counted). Otherwise the seconds until this group has room again."""
        if chat_id >= 0:
            return None
        now = time.monotonic()
        window = self.sent.setdefault(chat_id, deque())
        while window and window[0] <= now - self.WINDOW:
            window.popleft()
        if len(window) >= self.per_minute:
            return window[0] + self.WINDOW - now
        window.append(now)
        return None

    @classmethod
    def from_outbox(cls, per_minute: int) -> _GroupBudget:
        from verzek.db import connection

        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT target, extract(epoch FROM now() - sent_at) AS ago FROM notifications "
                        "WHERE channel = 'telegram' AND status = 'sent' AND target LIKE '-%%' "
                        "AND sent_at > now() - make_interval(secs => %s)", (cls.WINDOW,))
            rows = cur.fetchall()
        now = time.monotonic()
        seed: dict[int, list[float]] = {}
        for row in rows:
            try:
                seed.setdefault(int(row["target"]), []).append(now - float(row["ago"]))
            except (TypeError, ValueError):
                continue
        return cls(per_minute, seed)


def _user_deliveries(rows: list[dict]) -> dict:
    """On / silent / off per row addressed to a user (verzek.notify.preferences), one query per claim."""
    from verzek.db import connection
    from verzek.notify.preferences import delivery_modes

    if not any(r.get("user_id") is not None for r in rows):
        return {}
    with connection() as conn, conn.cursor() as cur:
        return delivery_modes(cur, rows)


class _TelegramSender:
    """Delivers telegram rows with Telegram's semantics; state shared by all of one pump's lanes."""

    def __init__(self, settings, report: DispatchReport, now_fn, budget: _GroupBudget) -> None:
        self.settings, self.report, self.now_fn, self.budget = settings, report, now_fn, budget
        self.bot = None
        self.printing = False
        self.fatal: str | None = None
        self.dead_chats: dict[int, str] = {}
        self.flooded_chats: dict[int, datetime] = {}
        self.deliveries: dict = {}  # row id -> the user's on / silent / off for it (read at claim time)

    async def open(self, bot) -> None:
        from telegram.error import InvalidToken, TelegramError

        from verzek.telegram.bot import TelegramNotConfigured, create_bot, redact_token

        settings = self.settings
        if bot is None and settings.environment == "local" and app_secret(settings, "telegram_bot_token") is None:
            self.printing = True
            return
        try:
            self.bot = bot or create_bot(settings, rate_limited=True)
            await self.bot.initialize()  # calls getMe: a refused token fails here
            return
        except (TelegramNotConfigured, InvalidToken) as exc:
            error = f"bot not usable: {redact_token(str(exc), settings)}"
        except TelegramError as exc:  # Telegram unreachable before anything was sent
            error = f"{type(exc).__name__}: {redact_token(str(exc), settings)}"
        self.bot = None
        self.fail(error)

    def fail(self, error: str) -> None:
        if self.fatal is None:
            self.fatal = error
            self.report.errors.append(error)
            logger.error("telegram notifications waiting", extra={"alert": True, "error": error})

    async def close(self) -> None:
        if self.bot is not None:
            try:
                await self.bot.shutdown()
            except Exception:  # noqa: BLE001 -- closing the HTTP pool must not lose the report
                logger.warning("telegram bot shutdown failed")

    def release(self, row: dict) -> None:
        """A claimed row not handled (the bot is unusable): back to the queue untouched."""
        _finish(row["id"], status="pending", error=self.fatal, refund_attempt=True,
                not_before=datetime.now(UTC) + timedelta(seconds=60))
        self.report.deferred += 1

    async def deliver(self, row: dict) -> None:
        from verzek.telegram.sender import BotMisconfigured, Permanent, RetryLater, Sent, send_message

        report, now = self.report, self.now_fn()
        if self.printing:
            _print_locally([row], report, now)
            return
        try:
            chat_id = int(row["target"])
        except (TypeError, ValueError):
            _finish(row["id"], status="failed", error="target is not a Telegram chat id")
            report.failed += 1
            return
        delivery = self.deliveries.get(row["id"])
        if delivery is not None and not delivery.send:  # the user's preference, read at send time
            _finish(row["id"], status="skipped", error=delivery.reason)
            report.skipped += 1
            return
        if chat_id in self.dead_chats:  # one removed group must not cost a request per row
            _finish(row["id"], status="failed", error=self.dead_chats[chat_id])
            report.failed += 1
            return
        flooded_until = self.flooded_chats.get(chat_id)
        if flooded_until is not None and flooded_until > datetime.now(UTC):  # Telegram said not before then
            _finish(row["id"], status="pending", not_before=flooded_until, error="429 flood control",
                    refund_attempt=True)
            report.deferred += 1
            return
        self.flooded_chats.pop(chat_id, None)
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
        wait = self.budget.admit(chat_id)
        if wait is not None:  # this group had its messages for the minute: later, not in the limiter
            _finish(row["id"], status="pending", error="group limit: 20 messages a minute", refund_attempt=True,
                    not_before=datetime.now(UTC) + timedelta(seconds=wait))
            report.deferred += 1
            return
        try:
            outcome = await send_message(self.bot, chat_id, message.text, parse_mode=message.parse_mode,
                                         reply_to_message_id=message.reply_to, reply_markup=message.reply_markup,
                                         disable_notification=delivery is not None and delivery.silent,
                                         max_inline_wait=self.settings.telegram_max_inline_wait_seconds)
        except BotMisconfigured as exc:
            from verzek.telegram.bot import redact_token

            self.fail(f"bot not usable: {redact_token(str(exc), self.settings)}")
            self.release(row)
            return
        if isinstance(outcome, Sent):
            _record_broadcast(row, message, outcome.chat_id, outcome.message_id)
            new_target = str(outcome.chat_id) if outcome.migrated_from is not None else None
            if new_target:
                logger.warning("telegram group migrated: update the configured chat id",
                               extra={"alert": True, "old_chat_id": outcome.migrated_from,
                                      "new_chat_id": outcome.chat_id})
            # recorded at once, before this lane sends its next row: a dispatcher killed after a send
            # (timeout, crash) resends at most the message in flight, never a batch awaiting a flush
            await asyncio.to_thread(_finish, row["id"], status="sent", target=new_target)
            report.sent += 1
        elif isinstance(outcome, RetryLater):
            if row["attempts"] >= self.settings.notify_max_attempts:
                _finish(row["id"], status="failed", error=f"gave up after {row['attempts']} attempts: {outcome.error}")
                _alert(row, outcome.error)
                report.failed += 1
                report.errors.append(outcome.error)
                return
            clock = max(now, datetime.now(UTC))  # the row may have waited out earlier 429s
            if outcome.flood:  # exactly when Telegram allows it again, for this chat's other rows too
                until = clock + timedelta(seconds=outcome.seconds)
                self.flooded_chats[chat_id] = until
            else:  # exponential backoff per row
                until = clock + timedelta(seconds=max(outcome.seconds, min(30 * 2 ** (row["attempts"] - 1), 3600)))
            _finish(row["id"], status="pending", not_before=until, error=outcome.error)
            report.retried += 1
        elif isinstance(outcome, Permanent):
            self.dead_chats[chat_id] = outcome.error
            _finish(row["id"], status="failed", error=outcome.error)
            _alert(row, outcome.error)
            report.failed += 1
            report.errors.append(outcome.error)


class _Lanes:
    """One lane per chat: a chat's rows go out in order (an original before its replies, and
    Telegram's per-chat pace), different chats concurrently, all through the bot's rate limiter."""

    def __init__(self, sender: _TelegramSender) -> None:
        self.sender = sender
        self.queues: dict[str, deque] = {}
        self.tasks: set[asyncio.Task] = set()
        self.pending = 0

    def put(self, row: dict) -> None:
        key = str(row["target"])
        lane = self.queues.get(key)
        if lane is None:
            lane = self.queues[key] = deque()
            task = asyncio.get_running_loop().create_task(self._run(key, lane))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        lane.append(row)
        self.pending += 1

    async def _run(self, key: str, lane: deque) -> None:
        try:
            while lane:
                row = lane.popleft()
                try:
                    if self.sender.fatal:
                        self.sender.release(row)
                    else:
                        await self.sender.deliver(row)
                except Exception:  # noqa: BLE001 -- one bad row never stops the others
                    logger.exception("notification delivery failed", extra={"notification_id": row["id"]})
                    _finish(row["id"], status="pending", error="dispatcher error", refund_attempt=True,
                            not_before=datetime.now(UTC) + timedelta(seconds=60))
                    self.sender.report.deferred += 1
                finally:
                    self.pending -= 1
        finally:
            self.queues.pop(key, None)

    async def wait_some(self, timeout: float) -> None:
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        else:
            await asyncio.sleep(0)

    async def join(self) -> None:
        while self.tasks:
            await asyncio.wait(set(self.tasks))


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


async def _pump(*, settings, report: DispatchReport, bot, now: datetime | None, limit: int,
                deadline: float | None) -> None:
    """Claim due rows and send them: one claim of `limit` rows (deadline None), or — draining —
    claims topped up to `limit` rows in flight until nothing is due or the deadline passes."""
    now_fn = (lambda: now) if now is not None else (lambda: datetime.now(UTC))
    channels = handled_channels()
    push = _push_sender()
    sender = _TelegramSender(settings, report, now_fn,
                             _GroupBudget.from_outbox(settings.telegram_group_messages_per_minute))
    lanes = _Lanes(sender)
    opened = False
    try:
        while True:
            room = limit - lanes.pending
            rows = claim_due(limit=room, now=now_fn(), channels=channels) if room > 0 and not sender.fatal else []
            report.claimed += len(rows)
            sender.deliveries.update(_user_deliveries([r for r in rows if r["channel"] == "telegram"]))
            for row in rows:
                if row["channel"] == "telegram":
                    if not opened:
                        opened = True
                        await sender.open(bot)
                    lanes.put(row)
                elif row["channel"] == "console":
                    _console(row, report)
                elif row["channel"] == "push" and push is not None:
                    await asyncio.to_thread(_push, row, report, push, settings.notify_max_attempts)
            if rows:
                report.passes += 1
            if deadline is None or sender.fatal or time.monotonic() > deadline:
                break
            if not rows and lanes.pending == 0:
                soon = _next_due_in(now_fn())  # e.g. a row a short 429 put back: wait for it, not the schedule
                if soon is None or soon > DRAIN_WAIT_SECONDS or time.monotonic() + soon > deadline:
                    break  # drained: nothing due, nothing in flight, nothing due in a moment
                await asyncio.sleep(max(0.05, soon))
                continue
            await lanes.wait_some(timeout=0.05 if rows else 0.25)
        await lanes.join()
    finally:
        await sender.close()


def _next_due_in(now: datetime) -> float | None:
    """Seconds until the next pending row is due (0 when one is), None when none is pending."""
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT extract(epoch FROM min(not_before) - %s) AS wait FROM notifications "
                    "WHERE status = 'pending' AND channel = ANY(%s)", (now, handled_channels()))
        wait = cur.fetchone()["wait"]
    return None if wait is None else max(0.0, float(wait))


def _due_left(now: datetime | None = None) -> bool:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT EXISTS (SELECT 1 FROM notifications WHERE status = 'pending' AND not_before <= %s "
                    "AND channel = ANY(%s)) AS due", (now or datetime.now(UTC), handled_channels()))
        return bool(cur.fetchone()["due"])


def _take_drain_lease(holder: str, seconds: float) -> bool:
    """One drainer at a time (the rate limits are per bot, not per process): a lease row, taken when
    free or expired, renewed by its holder. No session lock: nothing pinned on RDS Proxy."""
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("""
            INSERT INTO notification_drain_lease (id, holder, lease_until)
            VALUES (1, %(holder)s, now() + make_interval(secs => %(seconds)s))
            ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
            WHERE notification_drain_lease.lease_until < now() OR notification_drain_lease.holder = excluded.holder
            RETURNING holder
            """, {"holder": holder, "seconds": seconds})
        return cur.fetchone() is not None


def _release_drain_lease(holder: str) -> None:
    from verzek.db import connection

    with connection() as conn, conn.cursor() as cur:
        cur.execute("UPDATE notification_drain_lease SET lease_until = '-infinity' WHERE id = 1 AND holder = %s",
                    (holder,))


def dispatch_due(*, limit: int = 50, now: datetime | None = None, bot=None, settings=None) -> DispatchReport:
    """Send one batch of due notifications (concurrently, chat by chat, through the bot's rate
    limiter); returns what happened. Safe to run concurrently: rows are claimed with a lease."""
    from verzek.config import get_settings

    settings = settings or get_settings()
    report = DispatchReport()
    asyncio.run(_pump(settings=settings, report=report, bot=bot, now=now, limit=limit, deadline=None))
    if report.claimed:
        logger.info("notifications dispatched", extra=report.as_dict())
    return report


def drain(*, budget_s: float | None = None, limit: int = 100, now: datetime | None = None, bot=None,
          settings=None) -> DispatchReport:
    """Send due notifications continuously for up to `budget_s` (NOTIFY_DRAIN_SECONDS), at Telegram's
    pace, keeping `limit` rows in flight. One drainer at a time (a lease): another invocation finds
    it busy and returns. When rows are still due at the end, the dispatcher is woken again at once
    (`nudge_dispatcher`: its SQS queue in the cloud) instead of waiting for the next minute."""
    import uuid

    from verzek.config import get_settings
    from verzek.queue import nudge_dispatcher

    settings = settings or get_settings()
    budget_s = settings.notify_drain_seconds if budget_s is None else budget_s
    report = DispatchReport()
    holder = uuid.uuid4().hex
    if not _take_drain_lease(holder, budget_s + 30):
        report.busy = True
        return report
    try:
        asyncio.run(_pump(settings=settings, report=report, bot=bot, now=now, limit=limit,
                          deadline=time.monotonic() + budget_s))
    finally:
        _release_drain_lease(holder)
    report.left = _due_left(now)
    if report.left:
        report.requeued = nudge_dispatcher(f"drain-{holder}")
    if report.claimed:
        logger.info("notifications dispatched", extra=report.as_dict())
    return report


def run_scheduled(*, queue=None, limit: int = 100, now: datetime | None = None,
                  budget_s: float | None = None) -> dict[str, Any]:
    """The dispatcher's invocation: resume interrupted fan-outs, then drain due notifications."""
    from verzek.config import get_settings
    from verzek.signals import resume_pending_fanouts

    settings = get_settings()
    resumed = 0
    if queue is not None or settings.execution_queue_url or settings.environment in ("local", "test"):
        resumed = resume_pending_fanouts(queue=queue, now=now)
    else:  # an in-process queue inside a cloud function would swallow the jobs
        logger.error("EXECUTION_QUEUE_URL is not set: interrupted fan-outs cannot be resumed", extra={"alert": True})
    report = drain(budget_s=budget_s, limit=limit, now=now)
    expired = 0
    try:  # operator reviews past the staleness limit: their buttons are taken away
        from verzek.telegram.review import expire_due

        expired = expire_due(now=now)
    except Exception:  # noqa: BLE001 -- a failed sweep must not stop the dispatcher; the next tick retries
        logger.exception("operator review expiry sweep failed")
    return {"fanouts_resumed": resumed, **report.as_dict(), "reviews_expired": expired}
