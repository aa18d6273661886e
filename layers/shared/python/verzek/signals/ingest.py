"""The one ingest path for every signal source (VIP Telegram posts and the house strategies).

`ingest_signal` stores a `Signal` once (unique on provider chat+message id, or source+external_id),
decides whether it may be traded (the parser's safety rules apply to every source; too old when it
reached us = stale), schedules its broadcasts in the `notifications` outbox (VIP group now, TRIAL
group per policy) and enqueues one `ExecuteSignalJob` per user who follows the source with
auto-trading on. `apply_update` records a provider update (TP hit, stop moved, close, ...) once and
hands it to every user holding a position on that signal. `apply_edit` handles an edited post.

Jobs are sent after the database commit (a consumer must find the row); if the process dies in
between, `resume_pending_fanouts` (run by the dispatcher's schedule) enqueues them later. Every step
is idempotent, so a redelivered message changes nothing twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from verzek.domain.jobs import ExecuteSignalJob, SignalUpdateJob
from verzek.domain.signals import (
    EntryType,
    MarginMode,
    MarketType,
    ParsedMessage,
    Side,
    Signal,
    SignalSource,
    UpdateAction,
)
from verzek.observability import logger

MAX_LEVELS = 20  # entries or targets in one signal; more is not a trade plan
_MAX_INTEGER_DIGITS = 20  # NUMERIC(38, 18)
_MAX_DECIMALS = 18
MAX_LEVERAGE_STORED = 200  # the column's range; the safety rules reject above 125

EVENT_KINDS = ("tp_hit", "sl_hit", "sl_moved", "closed", "cancelled", "entry_added", "entry_cancelled",
               "entry_filled", "partial_close", "edited", "edit_ignored", "note")
# Event kinds that change what an open position must do (the others are for the record).
ACTIONABLE_KINDS = frozenset({"tp_hit", "sl_hit", "sl_moved", "closed", "cancelled", "entry_added",
                              "entry_cancelled", "entry_filled", "partial_close"})
OPEN_POSITION_STATUSES = ("pending", "open", "closing")
AUDIENCES = ("vip", "trial")


class SignalInputError(ValueError):
    """The signal cannot be stored at all (structurally invalid); nothing was changed."""


class SignalNotFound(LookupError):
    pass


@dataclass(frozen=True)
class IngestResult:
    signal_id: int
    created: bool
    status: str  # open | rejected | stale (or closed/cancelled for an existing one)
    rejected_reason: str | None
    jobs_enqueued: int
    broadcasts_scheduled: int


@dataclass(frozen=True)
class SignalUpdate:
    """A provider's update to an earlier signal, independent of where it came from."""

    kind: str  # one of EVENT_KINDS
    target_index: int | None = None
    price: Decimal | None = None
    raw_text: str | None = None
    provider_message_id: int | None = None
    dedupe_key: str | None = None  # applied once per key (e.g. "tg:<chat>:<message>")
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise SignalInputError(f"unknown update kind {self.kind!r}")
        if self.target_index is not None and self.target_index < 1:
            raise SignalInputError("target_index is 1-based")
        if self.price is not None:
            _check_price("update price", self.price)


@dataclass(frozen=True)
class UpdateResult:
    event_id: int
    created: bool
    signal_id: int
    signal_status: str
    jobs_enqueued: int
    broadcasts_scheduled: int


@dataclass(frozen=True)
class EditResult:
    signal_id: int
    event_id: int
    applied: bool  # False: something was already executed, the edit was only logged
    status: str
    jobs_enqueued: int
    broadcasts_scheduled: int


# ----------------------------------------------------------------------------------------------
# validation


def _check_price(name: str, value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise SignalInputError(f"{name} must be a finite Decimal")
    if value <= 0:
        raise SignalInputError(f"{name} must be positive")
    _, digits, exponent = value.normalize().as_tuple()
    if exponent < -_MAX_DECIMALS:
        raise SignalInputError(f"{name} has more than {_MAX_DECIMALS} decimals")
    if len(digits) + exponent > _MAX_INTEGER_DIGITS:
        raise SignalInputError(f"{name} is too large")


def _check_structure(signal: Signal) -> None:
    """What storage needs; tradability is decided separately (and recorded, not raised)."""
    try:
        SignalSource(signal.source)
        Side(signal.side)
        EntryType(signal.entry_type)
        if signal.market is not None:
            MarketType(signal.market)
        if signal.margin_mode is not None:
            MarginMode(signal.margin_mode)
    except ValueError as exc:
        raise SignalInputError(str(exc)) from None
    base_quote = signal.symbol.split(":")[0] if isinstance(signal.symbol, str) else ""
    if base_quote.count("/") != 1 or len(signal.symbol) > 40 or not all(base_quote.split("/")):
        raise SignalInputError(f"symbol must be a ccxt unified symbol like BTC/USDT, got {signal.symbol!r}")
    if len(signal.entries) > MAX_LEVELS or len(signal.targets) > MAX_LEVELS:
        raise SignalInputError(f"at most {MAX_LEVELS} entries and {MAX_LEVELS} targets")
    for i, price in enumerate(signal.entries, 1):
        _check_price(f"entry {i}", price)
    for i, price in enumerate(signal.targets, 1):
        _check_price(f"target {i}", price)
    if signal.stop_loss is not None:
        _check_price("stop_loss", signal.stop_loss)
    if signal.stop_loss_pct is not None and not (0 < signal.stop_loss_pct < 100):
        raise SignalInputError("stop_loss_pct must be between 0 and 100 (a share of the price)")
    if signal.leverage is not None and not (1 <= signal.leverage <= MAX_LEVERAGE_STORED):
        raise SignalInputError(f"leverage must be between 1 and {MAX_LEVERAGE_STORED}")
    if signal.confidence is not None and not (0 <= signal.confidence <= 1):
        raise SignalInputError("confidence must be between 0 and 1")
    if signal.external_id is not None and not (1 <= len(signal.external_id) <= 200):
        raise SignalInputError("external_id must be 1-200 characters")
    if signal.posted_at is not None and signal.posted_at.tzinfo is None:
        raise SignalInputError("posted_at must be timezone-aware (UTC)")
    try:
        json.dumps(signal.meta)
    except (TypeError, ValueError):
        raise SignalInputError("meta must be JSON-serialisable") from None


def tradability_problems(signal: Signal) -> list[str]:
    """The parser's safety rules, applied to a signal from any source (long: stop < entries < targets...)."""
    from verzek.domain.signals import MessageKind
    from verzek.parsing import validate_open

    parsed = ParsedMessage(kind=MessageKind.OPEN, symbol=signal.symbol.split(":")[0], side=signal.side,
                           market=signal.market, leverage=signal.leverage, entries=tuple(sorted(signal.entries)),
                           entry_type=signal.entry_type, targets=tuple(signal.targets), stop_loss=signal.stop_loss)
    return validate_open(parsed)


# ----------------------------------------------------------------------------------------------
# ingest


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now


def _decide_status(signal: Signal, now: datetime, max_age_seconds: int) -> tuple[str, str | None]:
    problems = [signal.rejected] if signal.rejected else tradability_problems(signal)
    if problems:
        return "rejected", "; ".join(problems)
    if signal.stale:
        return "stale", None
    if signal.posted_at is not None and now - signal.posted_at > timedelta(seconds=max_age_seconds):
        return "stale", None
    return "open", None


def ingest_signal(signal: Signal, *, queue=None, now: datetime | None = None) -> IngestResult:
    """Store a signal once, schedule its broadcasts, fan it out to following users (see module doc).

    Raises `SignalInputError` for a structurally invalid signal (nothing stored). Ingesting the same
    identity again returns the stored row (`created=False`) and only finishes an interrupted fan-out.
    """
    from verzek.config import get_settings
    from verzek.db import connection

    _check_structure(signal)
    now = _now(now)
    settings = get_settings()
    status, reason = _decide_status(signal, now, settings.signal_max_age_seconds)
    meta = dict(signal.meta)
    if status == "stale" and signal.posted_at is not None:
        meta["age_seconds"] = int((now - signal.posted_at).total_seconds())

    with connection() as conn, conn.cursor() as cur:
        # (the channel posts its running card again — "Running ✅", "SL: 0.78 (moved to entry)", a reminder): the same
        # trade, which would open a second position for every follower. A card refused by the safety rules is compared
        # too (not one held for other reasons): a restated card whose stop went to breakeven or into profit fails "stop
        # below the entry".
        restated = (_open_signal_restated(cur, signal, now)
                    if status == "open" or (status == "rejected" and tradability_problems(signal)) else None)
        if restated is not None:
            status, reason = "rejected", _restated_reason(restated, signal, problems=reason)
            meta["restates_signal_id"] = restated["id"]
            if (stop := _restated_stop_move(restated, signal)) is not None:
                meta["restated_stop_move"] = str(stop)
        cur.execute(
            """
            INSERT INTO signals (source, provider_chat_id, provider_message_id, external_id, symbol, side,
                                 market_type, leverage, margin_mode, entry_type, entries, targets, stop_loss,
                                 stop_loss_pct, confidence, raw_text, meta, status, rejected_reason, posted_at,
                                 received_at)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::numeric[], %s::numeric[], %s, %s, %s, %s, %s::jsonb,
                    %s, %s, %s, %s)
            ON CONFLICT DO NOTHING
            RETURNING id, status, rejected_reason, fanout_at, source, meta
            """,
            (signal.source.value, signal.provider_chat_id, signal.provider_message_id, signal.external_id,
             signal.symbol, signal.side.value, signal.market.value if signal.market else None, signal.leverage,
             signal.margin_mode.value if signal.margin_mode else None, signal.entry_type.value,
             list(signal.entries), list(signal.targets), signal.stop_loss, signal.stop_loss_pct, signal.confidence,
             signal.raw_text, json.dumps(meta, default=str), status, reason, signal.posted_at, now))
        row = cur.fetchone()
        created = row is not None
        if created:
            broadcasts = schedule_signal_broadcasts(cur, row["id"], status, now, reason=reason)
        else:
            row = _find_existing(cur, signal)
            broadcasts = 0
    result_status = row["status"]
    if broadcasts:
        _nudge(f"signal-{row['id']}")
    if (moved := (row["meta"] or {}).get("restated_stop_move")) is not None:
        # after the rejected row is stored; again on a redelivery (the dedupe key applies it once) — covers a crash here
        _apply_restated_stop(row["meta"]["restates_signal_id"], Decimal(moved), signal, queue=queue, now=now)
    jobs = 0
    if result_status == "open" and row["fanout_at"] is None:
        jobs = fan_out_signal(row["id"], row["source"], queue=queue)
    logger.info("signal ingested", extra={"signal_id": row["id"], "new": created, "status": result_status,
                                          "source": row["source"], "symbol": signal.symbol, "jobs": jobs,
                                          "broadcasts": broadcasts, "rejected_reason": row["rejected_reason"]})
    return IngestResult(signal_id=row["id"], created=created, status=result_status,
                        rejected_reason=row["rejected_reason"], jobs_enqueued=jobs, broadcasts_scheduled=broadcasts)


RESTATEMENT_WINDOW = timedelta(days=7)  # an open signal older than this blocks nothing (channels rarely close theirs)


def _open_signal_restated(cur, signal: Signal, now: datetime) -> dict | None:
    """The channel's open signal this one repeats, or None: same coin and side, received within `RESTATEMENT_WINDOW`,
    entries that agree and targets that agree (`_levels_agree`; its stop may have moved). Only a provider's posts are
    compared (a house strategy's signals carry their own identity).

    The market line is often dropped or added on a repost ("Leverage: 10x" gone: market None, stored `SOL/USDT` where the
    call was `SOL/USDT:USDT`): the coin is compared without the settle suffix and a card with no market matches either;
    spot and futures, both written, stay two calls. The row carries `stop_at_breakeven`: the last stop move recorded
    on it was to breakeven (no price; `stop_loss` still holds the stop from before), and `targets_hit`: the highest
    target recorded as hit."""
    if signal.provider_chat_id is None or not signal.targets:
        return None
    market = signal.market.value if signal.market else None
    cur.execute("SELECT id, entries, targets, stop_loss, entry_type, "
                "coalesce((SELECT e.price IS NULL FROM signal_events e WHERE e.signal_id = s.id AND e.kind = 'sl_moved' "
                "          AND (e.price IS NOT NULL OR (e.data->>'breakeven')::boolean) "
                "          ORDER BY e.id DESC LIMIT 1), false) AS stop_at_breakeven, "
                "(SELECT max(e.target_index) FROM signal_events e WHERE e.signal_id = s.id AND e.kind = 'tp_hit') "
                "AS targets_hit "
                "FROM signals s WHERE provider_chat_id = %s AND split_part(symbol, ':', 1) = %s AND side = %s "
                "AND (%s::text IS NULL OR market_type IS NULL OR market_type = %s::text) AND status = 'open' "
                "AND received_at >= %s AND provider_message_id IS DISTINCT FROM %s "
                "ORDER BY id DESC LIMIT 50",
                (signal.provider_chat_id, signal.symbol.split(":")[0], signal.side.value, market, market,
                 now - RESTATEMENT_WINDOW, signal.provider_message_id))
    return next((row for row in cur.fetchall() if _levels_agree(row, signal)), None)


def _is_market_card(signal: Signal) -> bool:
    return not signal.entries or signal.entry_type == EntryType.MARKET


def _stored_market_card(row: dict) -> bool:
    return not row["entries"] or row["entry_type"] == EntryType.MARKET.value


def _levels_agree(row: dict, signal: Signal) -> bool:
    """The open signal `row` and the new card are one call by their levels:
    - the same entries (a limit card; its stop may have moved): one shared first target is enough ("TP2" left out);
    - a market card ("NOW", "Entry: market", "Entry: CMP 150") against a market call, or an open call with those
      entries: the targets (its reference price may differ);
    - a market call reposted with its fill price as the entry ("Running ✅ … Entry: 150" after "#SOL LONG NOW"): the
      targets — the open call has no entry to compare;
    - a limit card whose entries are written otherwise ("Entry: 150" ↔ "Entry: 150 - 147" or "150, 147"): entries
      that overlap (one card's prices inside the other's range) and the targets.
    Without the same entries, targets agree only as a list, or a prefix of two targets or more (`_targets_agree`): a new
    market call sharing only its first target with an open one is a new call."""
    stored = sorted(Decimal(str(e)) for e in row["entries"] or ())
    new = sorted(signal.entries)
    if stored and stored == new:
        return _targets_agree(row["targets"], signal.targets, shared=1)
    if _is_market_card(signal) or _stored_market_card(row):
        return _targets_agree(row["targets"], signal.targets)
    overlap = stored[0] <= new[-1] and new[0] <= stored[-1]
    return overlap and _targets_agree(row["targets"], signal.targets)


def _targets_agree(stored, new, *, shared: int = 2) -> bool:
    """The same targets, or one list the start of the other (a repost adding "TP3: 185", or leaving the last one out)
    sharing at least `shared` targets."""
    stored, new = [Decimal(str(t)) for t in stored or ()], list(new)
    n = min(len(stored), len(new))
    return n > 0 and stored[:n] == new[:n] and (stored == new or n >= shared)


def _restated_stop_move(restated: dict, signal: Signal) -> Decimal | None:
    """The restated card's stop when it is a stop move for the open signal, else None: another stop, on the protective
    side of the next target not yet hit (a long's stop below it, a short's above — breakeven or in profit included; a
    stop trailed onto TP1 once TP1 was hit), and tighter
    than the stop in force (a re-post of the original card after the stop was moved is not a move back). After a move
    to breakeven (no price recorded) the stop in force is at the fill: only a stop beyond every entry is tighter, and
    a market card (no entry known) moves nothing."""
    new, current, targets = signal.stop_loss, restated["stop_loss"], restated["targets"]
    if new is None or not targets or (current is not None and new == current):
        return None
    long = signal.side == Side.LONG
    bound = _next_target(restated)
    if bound is None or not (new < bound if long else new > bound):
        return None
    if current is not None and not (new > current if long else new < current):
        return None
    if restated.get("stop_at_breakeven"):
        entries = [Decimal(str(e)) for e in restated["entries"] or ()]
        if not entries or not (new > max(entries) if long else new < min(entries)):
            return None
    return new


def _next_target(restated: dict) -> Decimal | None:
    """The open signal's first target not recorded as hit (None when all were)."""
    hit = restated.get("targets_hit") or 0
    targets = restated["targets"] or ()
    return Decimal(str(targets[hit])) if 0 <= hit < len(targets) else None


def _restated_reason(restated: dict, signal: Signal, *, problems: str | None) -> str:
    what = ("coin, side, targets and market entry" if _is_market_card(signal) or _stored_market_card(restated)
            else "coin, side, entries and targets")
    reason = f"restates open signal #{restated['id']} (same {what} from the same channel): not traded twice"
    if (stop := _restated_stop_move(restated, signal)) is not None:
        return f"{reason}; its stop moved to {stop}"
    if signal.stop_loss is not None and restated.get("stop_at_breakeven"):
        reason += (f"; its stop left at breakeven (the card's stop {signal.stop_loss} is not beyond every entry of "
                   "the open signal)")
    elif signal.stop_loss is not None and restated["stop_loss"] is not None and signal.stop_loss != restated["stop_loss"]:
        bound = _next_target(restated)
        reason += (f"; its stop left at {_plain(restated['stop_loss'])} (the card's stop {signal.stop_loss} is not a "
                   f"tighter stop {'below' if signal.side == Side.LONG else 'above'} the next target "
                   f"{None if bound is None else _plain(bound)})")
    return f"{reason}; {problems}" if problems else reason


def _plain(value) -> str:
    """A stored NUMERIC(38, 18) as written (0.245, not 0.245000000000000000)."""
    return format(Decimal(str(value)).normalize(), "f")


def _apply_restated_stop(signal_id: int, stop: Decimal, signal: Signal, *, queue, now: datetime) -> None:
    """The restated card's stop, applied to the open signal as a stop move (one SignalUpdateJob per holder)."""
    try:
        apply_update(signal_id, SignalUpdate(
            kind="sl_moved", price=stop, raw_text=signal.raw_text, provider_message_id=signal.provider_message_id,
            dedupe_key=f"restate:{signal.provider_chat_id}:{signal.provider_message_id}",
            data={"restated_card": True}), queue=queue, now=now)
    except SignalInputError:  # the key was used for another signal: nothing to do twice
        logger.warning("restated stop not applied", extra={"signal_id": signal_id, "stop": str(stop)})


def _find_existing(cur, signal: Signal) -> dict:
    if signal.external_id is not None:
        cur.execute("SELECT id, status, rejected_reason, fanout_at, source, meta FROM signals "
                    "WHERE source = %s AND external_id = %s", (signal.source.value, signal.external_id))
    else:
        cur.execute("SELECT id, status, rejected_reason, fanout_at, source, meta FROM signals "
                    "WHERE provider_chat_id = %s AND provider_message_id = %s",
                    (signal.provider_chat_id, signal.provider_message_id))
    row = cur.fetchone()
    if row is None:  # a conflict on the other unique key: same external id under another identity
        raise SignalInputError("a signal with this identity already exists under another source")
    return row


# ----------------------------------------------------------------------------------------------
# broadcasts (outbox rows; the dispatcher renders them from the signal row when it sends)


def _enqueue_notification(cur, **fields) -> bool:
    from verzek.notify.outbox import enqueue

    return enqueue(cur, **fields) is not None


def schedule_signal_broadcasts(cur, signal_id: int, status: str, now: datetime, *, reason: str | None = None) -> int:
    """VIP group at once; TRIAL group by policy (every Nth signal, delayed, targets withheld).

    A rejected signal is not broadcast (a clean rebroadcast of a wrong setup would look
    authoritative); operators get a console alert instead. Stale ones are broadcast, marked stale.
    """
    from verzek.config import get_settings

    settings = get_settings()
    if status == "rejected":
        _enqueue_notification(cur, channel="console", target=None, kind="signal_rejected",
                              payload={"signal_id": signal_id, "text": f"signal {signal_id} rejected: {reason}"},
                              dedupe_key=f"signal-{signal_id}-rejected", not_before=now)
        return 0
    count = 0
    if settings.telegram_vip_chat_id is not None:
        count += _enqueue_notification(
            cur, channel="telegram", target=str(settings.telegram_vip_chat_id), kind="signal_broadcast",
            payload={"signal_id": signal_id, "audience": "vip", "withhold_targets": False},
            dedupe_key=f"signal-{signal_id}-vip", not_before=now)
    if settings.telegram_trial_chat_id is not None and signal_id % settings.trial_every_nth_signal == 0:
        count += _enqueue_notification(
            cur, channel="telegram", target=str(settings.telegram_trial_chat_id), kind="signal_broadcast",
            payload={"signal_id": signal_id, "audience": "trial",
                     "withhold_targets": settings.trial_withhold_targets},
            dedupe_key=f"signal-{signal_id}-trial", not_before=now + timedelta(minutes=settings.trial_delay_minutes))
    return count


def schedule_event_broadcasts(cur, signal_id: int, event_id: int, now: datetime) -> int:
    """Post an update as a reply in every chat the signal was (or will be) broadcast to, never before it."""
    cur.execute("SELECT target, payload, not_before, status FROM notifications WHERE dedupe_key = ANY(%s) "
                "AND status IN ('pending', 'sent')",
                ([f"signal-{signal_id}-{audience}" for audience in AUDIENCES],))
    count = 0
    for original in cur.fetchall():
        audience = original["payload"].get("audience")
        count += _enqueue_notification(
            cur, channel="telegram", target=original["target"], kind="signal_event",
            payload={"signal_id": signal_id, "event_id": event_id, "audience": audience,
                     "withhold_targets": bool(original["payload"].get("withhold_targets"))},
            dedupe_key=f"event-{event_id}-{audience}",
            # After a pending original (its not_before may be a dispatcher lease; the reply waits anyway).
            not_before=now if original["status"] == "sent" else max(now, original["not_before"]))
    return count


def _nudge(key: str) -> None:
    from verzek.queue import nudge_dispatcher

    nudge_dispatcher(key)


# ----------------------------------------------------------------------------------------------
# fan-out


def _queue(queue):
    if queue is not None:
        return queue
    from verzek.queue import get_execution_queue

    return get_execution_queue()


def fan_out_signal(signal_id: int, source: str, *, queue=None) -> int:
    """One ExecuteSignalJob per user with auto-trade on who follows `source`; marks the signal fanned out."""
    from verzek.db import connection
    from verzek.queue import send_jobs

    with connection() as conn, conn.cursor() as cur:
        cur.execute("""
            SELECT ts.user_id FROM trading_settings ts
            WHERE ts.auto_trade AND NOT ts.kill_switch AND %s = ANY(ts.follow_sources)
            ORDER BY ts.user_id
            """, (source,))
        users = [r["user_id"] for r in cur.fetchall()]
    jobs = [ExecuteSignalJob(signal_id=signal_id, user_id=user_id) for user_id in users]
    sent = send_jobs(_queue(queue), jobs)
    with connection() as conn, conn.cursor() as cur:
        cur.execute("UPDATE signals SET fanout_at = now(), fanout_jobs = %s, updated_at = now() "
                    "WHERE id = %s AND fanout_at IS NULL", (sent, signal_id))
    return sent


def resume_pending_fanouts(*, queue=None, now: datetime | None = None, grace_seconds: int = 30,
                           limit: int = 100) -> int:
    """Enqueue the jobs of open signals whose fan-out was interrupted (crash after commit).

    A signal that waited past the maximum signal age is marked stale instead: trading it late
    would be trading a different market than the one the signal described.
    """
    from verzek.config import get_settings
    from verzek.db import connection

    now = _now(now)
    max_age = timedelta(seconds=get_settings().signal_max_age_seconds)
    with connection() as conn, conn.cursor() as cur:
        cur.execute("""
            UPDATE signals SET status = 'stale', updated_at = now(),
                   meta = meta || '{"stale_reason": "fan-out delayed past the maximum signal age"}'::jsonb
            WHERE fanout_at IS NULL AND status = 'open' AND coalesce(posted_at, received_at) < %s
            """, (now - max_age,))
        cur.execute("""
            SELECT id, source FROM signals WHERE fanout_at IS NULL AND status = 'open' AND received_at < %s
            ORDER BY id LIMIT %s
            """, (now - timedelta(seconds=grace_seconds), limit))
        pending = cur.fetchall()
    return sum(fan_out_signal(row["id"], row["source"], queue=queue) for row in pending)


# ----------------------------------------------------------------------------------------------
# updates


_STATUS_AFTER = {"sl_hit": "closed", "closed": "closed", "cancelled": "cancelled"}


def apply_update(signal_id: int, update: SignalUpdate, *, queue=None, now: datetime | None = None) -> UpdateResult:
    """Record an update once (`signal_events`), adjust the signal, broadcast it as a reply, and send
    one SignalUpdateJob per user with an open position on the signal (actionable kinds only)."""
    from verzek.db import connection
    from verzek.queue import send_jobs

    now = _now(now)
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, status, entries, targets, stop_loss FROM signals WHERE id = %s FOR UPDATE",
                    (signal_id,))
        signal = cur.fetchone()
        if signal is None:
            raise SignalNotFound(f"signal {signal_id} not found")
        data = dict(update.data)
        new_status = _STATUS_AFTER.get(update.kind)
        if update.kind == "tp_hit" and update.target_index and signal["targets"] \
                and update.target_index >= len(signal["targets"]):
            new_status = "closed"  # the last target: the trade is done
        price = update.price
        if update.kind == "sl_moved" and price is None and data.get("stop_at_target"):
            # ("SL moved to TP1"): the stop goes onto the signal's own target; a target the signal does not have leaves
            # the event a note the executor cannot act on
            price = _target_price(signal["targets"], data["stop_at_target"])
        elif update.kind == "sl_moved" and price is None and data.get("stop_readings"):
            price = _reading_of_the_signals_size(data["stop_readings"], signal)
        if update.kind == "sl_moved" and price is not None:
            data["previous_stop"] = None if signal["stop_loss"] is None else str(signal["stop_loss"])
        cur.execute(
            """
            INSERT INTO signal_events (signal_id, kind, target_index, price, raw_text, provider_message_id, data,
                                       dedupe_key, created_at)
            VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb, %s, %s)
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
            """, (signal_id, update.kind, update.target_index, price, update.raw_text,
                  update.provider_message_id, json.dumps(data, default=str), update.dedupe_key, now))
        row = cur.fetchone()
        created = row is not None
        broadcasts = 0
        if created:
            event_id = row["id"]
            if new_status and signal["status"] in ("open", "stale"):
                cur.execute("UPDATE signals SET status = %s, updated_at = now() WHERE id = %s",
                            (new_status, signal_id))
                signal["status"] = new_status
            if update.kind == "sl_moved" and price is not None and signal["status"] in ("open", "stale"):
                cur.execute("UPDATE signals SET stop_loss = %s, updated_at = now() WHERE id = %s",
                            (price, signal_id))
            if update.kind in ACTIONABLE_KINDS:  # notes and ignored edits stay in the record only
                broadcasts = schedule_event_broadcasts(cur, signal_id, event_id, now)
        else:
            cur.execute("SELECT id, signal_id FROM signal_events WHERE dedupe_key = %s", (update.dedupe_key,))
            existing = cur.fetchone()
            event_id = existing["id"]
            if existing["signal_id"] != signal_id:
                raise SignalInputError("this update was already applied to another signal")
        users: list[int] = []
        if update.kind in ACTIONABLE_KINDS:
            cur.execute("SELECT user_id FROM positions WHERE signal_id = %s AND status = ANY(%s) ORDER BY user_id",
                        (signal_id, list(OPEN_POSITION_STATUSES)))
            users = [r["user_id"] for r in cur.fetchall()]
    if broadcasts:
        _nudge(f"event-{event_id}")
    # Re-sent on a redelivery too: the job's dedupe key makes that harmless, and it covers a crash here.
    jobs = send_jobs(_queue(queue), [SignalUpdateJob(signal_id=signal_id, user_id=u, event_id=event_id)
                                     for u in users])
    logger.info("signal update applied", extra={"signal_id": signal_id, "event_id": event_id, "kind": update.kind,
                                                "new": created, "jobs": jobs, "status": signal["status"]})
    return UpdateResult(event_id=event_id, created=created, signal_id=signal_id, signal_status=signal["status"],
                        jobs_enqueued=jobs, broadcasts_scheduled=broadcasts)


def _target_price(targets, number) -> Decimal | None:
    """The signal's `number`-th target (1-based), or None when it has no such target."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        return None
    if not targets or not 1 <= number <= len(targets):
        return None
    return Decimal(str(targets[number - 1]))


def _reading_of_the_signals_size(readings, signal) -> Decimal | None:
    """Of a price's readings (2312 or 2.312), the one of the size of the signal's own levels (within half to twice its
    stop, or its entries or targets when it has no stop); None when none or both are."""
    levels = [Decimal(str(v)) for v in ([signal["stop_loss"]] if signal["stop_loss"] else
                                        [*(signal["entries"] or []), *(signal["targets"] or [])]) if v]
    try:
        values = [Decimal(str(r)) for r in readings]
    except ArithmeticError:
        return None
    fitting = {r for r in values if r.is_finite() and r > 0 and any(level / 2 <= r <= level * 2 for level in levels)}
    return fitting.pop() if len(fitting) == 1 else None


_ACTION_KIND = {
    UpdateAction.TP_HIT: "tp_hit", UpdateAction.SL_HIT: "sl_hit", UpdateAction.MOVE_SL_BREAKEVEN: "sl_moved",
    UpdateAction.NEW_STOP: "sl_moved", UpdateAction.ADD_ENTRY: "entry_added",
    UpdateAction.CANCEL_ENTRY: "entry_cancelled", UpdateAction.ENTRY_FILLED: "entry_filled",
    UpdateAction.PARTIAL_CLOSE: "partial_close", UpdateAction.OTHER: "note",
}


def update_from_parsed(parsed: ParsedMessage, *, raw_text: str | None, provider_message_id: int | None,
                       dedupe_key: str | None) -> SignalUpdate:
    """Map the parser's update/close message to a `SignalUpdate`."""
    from verzek.domain.signals import MessageKind

    if parsed.kind == MessageKind.CLOSE:
        # What kind of close the provider announced (the executor closes the position for all three;
        # the signal's history and status keep the difference).
        kind = {UpdateAction.CANCEL_ENTRY: "cancelled", UpdateAction.SL_HIT: "sl_hit"}.get(parsed.update_action, "closed")
        data = {"action": parsed.update_action.value} if parsed.update_action else {}
        return SignalUpdate(kind=kind, raw_text=raw_text, provider_message_id=provider_message_id,
                            dedupe_key=dedupe_key, data=data)
    if parsed.kind != MessageKind.UPDATE:
        raise SignalInputError(f"a {parsed.kind.value} message is not an update")
    action = parsed.update_action or UpdateAction.OTHER
    data: dict[str, Any] = {"action": action.value}
    price = None
    if action == UpdateAction.MOVE_SL_BREAKEVEN:
        data["breakeven"] = True
    elif action == UpdateAction.NEW_STOP:
        price = parsed.new_stop
        if price is None and parsed.stop_at_target is not None:
            data["stop_at_target"] = parsed.stop_at_target  # ("SL to TP1": the price is read off the signal's targets)
        elif price is None and parsed.stop_readings:
            # ("SL to 2,312": 2312 or 2.312 — the signal's levels tell which)
            data["stop_readings"] = [str(r) for r in parsed.stop_readings]
    elif action in (UpdateAction.ADD_ENTRY, UpdateAction.CANCEL_ENTRY) and len(parsed.entries) == 1:
        price = parsed.entries[0]
    if action == UpdateAction.PARTIAL_CLOSE and parsed.close_fraction is not None \
            and 0 < parsed.close_fraction < 1 and parsed.target_index is None \
            and UpdateAction.TP_HIT not in parsed.also_actions:
        # ("close half": the executor sells that share — not when the post reports a target hit, "TP1 ✅ take half":
        # the user's own TP ladder took that target's share already)
        data["fraction"] = str(parsed.close_fraction)
    if price is not None and not (price.is_finite() and price > 0):
        price = None
    return SignalUpdate(kind=_ACTION_KIND[action], target_index=parsed.target_index, price=price,
                        raw_text=raw_text, provider_message_id=provider_message_id, dedupe_key=dedupe_key, data=data)


# ----------------------------------------------------------------------------------------------
# edits


def signal_was_executed(cur, signal_id: int) -> bool:
    """Something happened on an exchange (or paper) for this signal: a position exists for any user.

    Conservative on purpose: even a pending position means an executor has started on the levels.
    """
    cur.execute("SELECT executed OR EXISTS (SELECT 1 FROM positions p WHERE p.signal_id = s.id) AS done "
                "FROM signals s WHERE s.id = %s", (signal_id,))
    row = cur.fetchone()
    return bool(row and row["done"])


def _levels(row_or_signal) -> dict:
    def get(name):
        return row_or_signal[name] if isinstance(row_or_signal, dict) else getattr(row_or_signal, name)

    def nums(values):
        return [str(Decimal(v).normalize()) for v in values]

    stop = get("stop_loss")
    return {"symbol": get("symbol"), "side": str(get("side")), "entries": nums(get("entries")),
            "targets": nums(get("targets")), "stop_loss": None if stop is None else str(Decimal(stop).normalize()),
            "leverage": get("leverage")}


def apply_edit(signal_id: int, edited: Signal, *, queue=None, now: datetime | None = None,
               update_key: str | None = None) -> EditResult:
    """The provider edited the post of a stored signal.

    While nothing has been executed on it, the signal takes the new levels (re-validated; a pending
    broadcast renders the new version, a sent one gets an "edited" reply). Once anything was
    executed, the edit is only recorded as an `edit_ignored` event for the operator.
    """
    from verzek.config import get_settings
    from verzek.db import connection

    _check_structure(edited)
    now = _now(now)
    settings = get_settings()
    with connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT * FROM signals WHERE id = %s FOR UPDATE", (signal_id,))
        current = cur.fetchone()
        if current is None:
            raise SignalNotFound(f"signal {signal_id} not found")
        before, after = _levels(current), _levels(edited)
        executed = signal_was_executed(cur, signal_id)
        if executed or current["status"] not in ("open", "stale", "rejected"):
            why = "already executed" if executed else f"signal is {current['status']}"
            cur.execute("INSERT INTO signal_events (signal_id, kind, raw_text, provider_message_id, data, dedupe_key, "
                        "created_at) VALUES (%s, 'edit_ignored', %s, %s, %s::jsonb, %s, %s) "
                        "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
                        (signal_id, edited.raw_text, edited.provider_message_id,
                         json.dumps({"reason": why, "before": before, "after": after}), update_key, now))
            row = cur.fetchone()
            logger.warning("signal edit not applied", extra={"signal_id": signal_id, "reason": why})
            return EditResult(signal_id=signal_id, event_id=row["id"] if row else 0, applied=False,
                              status=current["status"], jobs_enqueued=0, broadcasts_scheduled=0)
        # Staleness stays judged by the original post time: an edit does not make an old signal fresh.
        decided = replace(edited, posted_at=current["posted_at"], stale=current["status"] == "stale")
        status, reason = _decide_status(decided, now, settings.signal_max_age_seconds)
        cur.execute(
            """
            UPDATE signals SET symbol = %s, side = %s, market_type = %s, leverage = %s, margin_mode = %s,
                   entry_type = %s, entries = %s::numeric[], targets = %s::numeric[], stop_loss = %s,
                   stop_loss_pct = %s, raw_text = %s, status = %s, rejected_reason = %s, meta = meta || %s::jsonb,
                   updated_at = now()
            WHERE id = %s
            """,
            (edited.symbol, edited.side.value, edited.market.value if edited.market else None, edited.leverage,
             edited.margin_mode.value if edited.margin_mode else None, edited.entry_type.value,
             list(edited.entries), list(edited.targets), edited.stop_loss, edited.stop_loss_pct, edited.raw_text,
             status, reason,
             # the fields now traded say where *they* came from (an edit, a correction, a source hint)
             json.dumps({"provenance": edited.meta["provenance"]} if "provenance" in (edited.meta or {}) else {}),
             signal_id))
        cur.execute("INSERT INTO signal_events (signal_id, kind, raw_text, provider_message_id, data, dedupe_key, "
                    "created_at) VALUES (%s, 'edited', %s, %s, %s::jsonb, %s, %s) "
                    "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
                    (signal_id, edited.raw_text, edited.provider_message_id,
                     json.dumps({"before": before, "after": after, "status_before": current["status"],
                                 "status_after": status, "rejected_reason": reason}), update_key, now))
        row = cur.fetchone()
        if row is None:  # this very edit was applied before (redelivery)
            return EditResult(signal_id=signal_id, event_id=0, applied=True, status=current["status"],
                              jobs_enqueued=0, broadcasts_scheduled=0)
        event_id = row["id"]
        broadcasts = 0
        if current["status"] == "rejected" and status != "rejected":
            broadcasts += schedule_signal_broadcasts(cur, signal_id, status, now)
        cur.execute("SELECT 1 FROM signal_broadcasts WHERE signal_id = %s AND event_id IS NULL LIMIT 1", (signal_id,))
        if cur.fetchone() is not None:  # already visible in a group: tell readers the levels changed
            broadcasts += schedule_event_broadcasts(cur, signal_id, event_id, now)
        source, fanned_out = current["source"], current["fanout_at"] is not None
    if broadcasts:
        _nudge(f"event-{event_id}")
    jobs = fan_out_signal(signal_id, source, queue=queue) if status == "open" and not fanned_out else 0
    logger.info("signal edited", extra={"signal_id": signal_id, "status": status, "jobs": jobs})
    return EditResult(signal_id=signal_id, event_id=event_id, applied=True, status=status, jobs_enqueued=jobs,
                      broadcasts_scheduled=broadcasts)
