"""Everything that happens to one position after it is planned: placing its orders (with
reconciliation), closing it, cancelling entries, moving its stop, and the monitor's `advance`
step (fills, TP ladder, breakeven, trailing, stop-loss, PnL with fees).

Concurrency: every operation on a position holds a PostgreSQL advisory lock on it (session lock on
the connection that writes the results), so a redelivered job, a second Lambda and the monitor
never act on the same position at once; whoever finds it locked backs off (`PositionBusy`).

Take profits rest on the exchange as reduce-only limit orders sized from the filled amount.

Stops, futures (live Binance USD-M / Bybit linear, and the paper engine's futures — one code path,
see `_sync_protective_stop`): once the position has a filled amount, a reduce-only stop-market
order rests on the exchange (`orders` row role 'sl', type stop_market, client id encoding the stop
version: `protective_stop_id`). It is re-sized when DCA fills grow the position or TPs shrink it,
and moved on breakeven / trailing / the provider's new stop by cancel + replace with the next
version — the old one is cancelled (and its final state read) before the new one is placed, so
two stops never rest at once; every version is reconciled by client id like any other order. It
is cancelled when the position closes. The monitor keeps watching the stop as a backstop: when
the exchange stop filled, the monitor sees the fill and closes the books (and the rest, if any)
without a second close; when the candles show the stop reached but the exchange stop is still
resting (a different price feed, an exchange that did not fire), the monitor cancels it — reading
its final state, so a fill in between is seen — and closes the rest with a reduce-only market
order. A stop the exchange refuses because the price is already through it is treated as reached.

Stops, spot: watched by the monitor only (soft stops) — on most exchanges a spot balance cannot
carry both a resting stop and the TP limit sells (each locks the whole amount). When the price
source shows the stop was reached after the entry filled, open orders are cancelled and the rest
is sold at market. Spot sells are capped to the base balance actually held (free balance, rounded
down to the amount step): a fee paid in the base coin (Binance without BNB) leaves slightly less
than was bought, and the last take profit / the close must not fail for lack of balance. The
unsellable dust left by such a fee does not keep the position open.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal

import psycopg2
import psycopg2.extensions

from verzek import display
from verzek.db import Prepared, batch_connection, commit_step, connection
from verzek.execution.account_pass import AccountPass, HeldPositions
from verzek.execution.client_ids import (
    MAX_STOP_VERSION,
    client_order_id,
    protective_stop_id,
    protective_stop_version,
)
from verzek.execution.orders import (
    OrderPlacer,
    PositionBusy,
    RetryPolicy,
    TransientJobError,
    advisory_key,
    insert_order_row,
    is_protective_stop,
    load_orders,
    notify,
    record_rejection,
    record_state,
    record_state_sql,
    request_from_row,
    summarize,
)
from verzek.execution.planner import TradePlan, taker_fee_rate
from verzek.execution.ports import (
    ZERO,
    AccountError,
    ExecutionError,
    MarketRules,
    OrderRejected,
    OrderRequest,
    OrderSide,
    OrderState,
    OrderStatus,
    OrderType,
    OutcomeUnknown,
    RateLimited,
    RequestNotSent,
    protective_stops_supported,
)
from verzek.execution.venues import Venue, VenueProvider
from verzek.observability import logger

LIVE_STATUSES = ("open", "partially_filled")
# `_sync_protective_stop` outcomes that wrote nothing on the position's orders
_HOUR_MS = 3_600_000
# live: funding is asked on the first pass after each of these offsets past a whole hour (the exchange
# posts it shortly after the hour, sometimes minutes late: a payment missed at +2 min is read at +10 or
# +30 min, not an hour later); at most three reads an hour per account and symbol
_FUNDING_CHECKPOINTS_MS = (2 * 60_000, 10 * 60_000, 30 * 60_000)


def _funding_checkpoint(ms: int) -> int:
    """How many funding checkpoints have passed by `ms` (counting from the epoch): a pass asks for funding
    when this grew since the position's previous pass."""
    return (ms // _HOUR_MS) * len(_FUNDING_CHECKPOINTS_MS) + sum(ms % _HOUR_MS >= c for c in _FUNDING_CHECKPOINTS_MS)
# live, hedged: a funding time whose two sides' payments do not add up yet (one posted late, or its rate not
# published) is read again at the next checkpoints while younger than this, then given up (not counted)
_FUNDING_WAIT_MS = _HOUR_MS
# live: a liquidation is looked for while a position's exit ended (unfilled, not by us) this recently
_LIQUIDATION_LOOKBACK_MS = 15 * 60_000
_STOP_UNTOUCHED = ("unsupported", "in_place", "versions_exhausted", "none")
# live: a fill this close to (or after) the exchange's positions read may or may not be in it: the
# account's positions on that symbol and side are not reconciled in that pass (clocks are NTP-synced)
_RECONCILE_MARGIN_MS = 5_000
# live: the legs of the `close` rows recording a position reduced or closed outside Verzek
_EXTERNAL_LEG = 50
_HELD_ON_SIDE = Prepared(
    "SELECT COALESCE(sum(CASE WHEN o.role IN ('entry', 'safety') THEN o.filled ELSE -o.filled END), 0) AS held, "
    "count(DISTINCT p.id) AS positions, "
    "COALESCE(bool_or(o.status = 'planned' OR (o.filled > 0 AND COALESCE(o.last_fill_ms, "
    "(extract(epoch FROM o.updated_at) * 1000)::bigint) >= %s)), false) AS moving "
    "FROM orders o JOIN positions p ON p.id = o.position_id "
    "WHERE p.user_id = %s AND p.mode = 'live' AND p.exchange_account_id IS NOT DISTINCT FROM %s AND p.symbol = %s "
    "AND p.side = %s AND p.market_type = 'futures' AND p.status IN ('open', 'closing') "
    "AND (o.filled > 0 OR o.status = 'planned')")


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return "-"
    return format(value.normalize(), "f")


def accepted_entries(rows: list[dict]) -> list[dict]:
    """The entry and safety orders the exchange took: a position opens when there is one."""
    return [r for r in rows if r["role"] in ("entry", "safety")
            and r["status"] not in ("planned", "waiting", "rejected", "dropped")]


def opening_error(rejections: list[str]) -> str | None:
    return ("some orders were rejected: " + "; ".join(rejections))[:1000] if rejections else None


def failure_reason(rejections: list[str]) -> str:
    return "; ".join(rejections) or "no order was accepted"


def opened_text(pos: dict, accepted: list[dict], plan: TradePlan, error: str | None) -> str:
    """The 'position opened' message (`pos`: its mode, side and symbol; `accepted`: its order rows taken)."""
    entries = ", ".join(f"{_fmt(r['amount'])} @ {_fmt(r['price']) if r['price'] else 'market'}" for r in accepted)
    text = (f"{pos['mode'].upper()} {pos['side'].upper()} {pos['symbol']} opened: {entries}; "
            f"stop {_fmt(plan.stop_loss)}; targets {', '.join(_fmt(t.price) for t in plan.take_profits)}")
    return text + f". Note: {error}" if error else text


def failed_text(pos: dict, reason: str) -> str:
    return f"{pos['symbol']} {pos['side']} not opened: {reason}"


def breakeven_level(plan: TradePlan, rows: list[dict], summary, rules: MarketRules,
                    exit_fee_rate: Decimal) -> Decimal | None:
    """Where the breakeven stop goes. `plain`: the average entry. `fees` (default): the price at which
    closing the rest pays back what the entries paid in fees and the exit's own taker fee, so a
    breakeven exit nets zero instead of losing the fees. Long: p = (avg + entry fees / qty) / (1 - f);
    short: p = (avg - entry fees / qty) / (1 + f); rounded away from the loss (a tick up for a long)."""
    average = summary.average_entry
    if not average:
        return None
    if plan.breakeven_mode == "plain":
        return rules.round_price(average)
    qty = summary.entry_qty * rules.contract_size
    entry_fees = sum((r["fee"] or Decimal(0) for r in rows if r["role"] in ("entry", "safety")), Decimal(0))
    if plan.side == "long":
        level = (average + entry_fees / qty) / (1 - exit_fee_rate)
        return rules.round_price(level, side=OrderSide.SELL, passive=True)
    level = (average - entry_fees / qty) / (1 + exit_fee_rate)
    return rules.round_price(level, side=OrderSide.BUY, passive=True)


# the monitor's statements run every tick for every open position: prepared once per connection
_LOAD_POSITION = Prepared("SELECT p.*, u.telegram_chat_id, ts.exchange_account_id AS settings_account "
                          "FROM positions p JOIN users u ON u.id = p.user_id "
                          "LEFT JOIN trading_settings ts ON ts.user_id = p.user_id WHERE p.id = %s")
_RECORD_SCAN = Prepared("UPDATE positions SET stop_loss = %s, breakeven_moved = %s, trailing_high = %s, "
                        "checked_ms = %s, last_price = COALESCE(%s, last_price), updated_at = now() WHERE id = %s")
_RECORD_BOOKS = Prepared("UPDATE positions SET entry_price = %s, filled_amount = %s, closed_amount = %s, cost = %s, "
                         "fees = %s, realized_pnl = %s, unrealized_pnl = %s, tp_hits = %s, updated_at = now() "
                         "WHERE id = %s")


_REJECTED = "UPDATE orders SET status = 'rejected', error = %s, updated_at = now() WHERE client_order_id = %s"


def _autocommit(conn, sql: str, params: tuple):
    """One statement outside a transaction (no BEGIN/COMMIT round trips); its first column."""
    conn.autocommit = True
    try:
        with conn.cursor(cursor_factory=psycopg2.extensions.cursor) as cur:
            cur.execute(sql, params)
            return cur.fetchone()[0]
    finally:
        conn.autocommit = False


class PositionEngine:
    def __init__(self, venues: VenueProvider | None = None, policy: RetryPolicy | None = None) -> None:
        self.venues = venues or VenueProvider()
        self.policy = policy or RetryPolicy()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.venues.clock() / 1000, tz=UTC)

    # --- plumbing ---
    @contextmanager
    def locked(self, position_id: int, *, fresh: bool = False) -> Iterator:
        """A connection holding the position's advisory lock; commit after each recorded step.
        `fresh`: the position was inserted by the batch transaction this runs in (if any), so no
        other session can see it until that commits: no lock is needed."""
        with connection() as conn:
            if conn is batch_connection():
                # in a batch's transaction (paper jobs, see `Executor.handle_batch`): a transaction
                # lock, held until the batch commits (its rows stay invisible to others until then)
                if not fresh:
                    with conn.cursor(cursor_factory=psycopg2.extensions.cursor) as cur:
                        cur.execute("SELECT pg_try_advisory_xact_lock(%s)", (advisory_key(position_id),))
                        if not cur.fetchone()[0]:
                            raise PositionBusy(f"position {position_id} is being handled by another worker")
                with conn.cursor() as cur:
                    yield conn, cur
                return
            # the session lock is taken and released outside any transaction (one round trip each)
            got = _autocommit(conn, "SELECT pg_try_advisory_lock(%s)", (advisory_key(position_id),))
            if not got:
                raise PositionBusy(f"position {position_id} is being handled by another worker")
            try:
                with conn.cursor() as cur:
                    yield conn, cur
                    conn.commit()
            finally:
                if not conn.closed:
                    conn.rollback()
                    _autocommit(conn, "SELECT pg_advisory_unlock(%s)", (advisory_key(position_id),))

    def _load(self, cur, position_id: int) -> dict:
        _LOAD_POSITION.execute(cur, (position_id,))
        row = cur.fetchone()
        if row is None:
            raise LookupError(f"position {position_id} not found")
        return row

    def venue_for(self, cur, pos: dict) -> Venue:
        return self.venues.venue(cur, user_id=pos["user_id"], mode=pos["mode"],
                                 exchange_account_id=pos["exchange_account_id"], market_type=pos["market_type"])

    def _placer(self, exchange, pos: dict) -> OrderPlacer:
        """The position's order placer: in hedge mode every order it sends names the position's side."""
        plan = pos.get("plan")
        if isinstance(plan, str):
            plan = json.loads(plan)
        hedged = bool(plan and plan.get("hedged"))
        return OrderPlacer(exchange, self.policy, position_side=pos["side"] if hedged else None)

    @staticmethod
    def _transient(exc: ExecutionError) -> bool:
        return isinstance(exc, (RequestNotSent, RateLimited, OutcomeUnknown))

    @staticmethod
    def _cancel_row(cur, placer: OrderPlacer, symbol: str, row: dict) -> None:
        """Cancel one of the position's orders on the exchange and record its final state. A
        'planned' row may have reached the exchange before a crash: it is cancelled by client id
        too, and marked cancelled only when the exchange does not know it."""
        state = placer.cancel(symbol, row["client_order_id"], trigger=is_protective_stop(row))
        if state is not None:
            record_state(cur, state)
        elif row["status"] == "planned":
            cur.execute("UPDATE orders SET status = 'cancelled', error = 'position closing', updated_at = now() "
                        "WHERE id = %s AND status = 'planned'", (row["id"],))

    def _notify(self, cur, pos: dict, kind: str, text: str, dedupe: str, *, prefix: bytes = b"", **data) -> None:
        data = {"position_id": pos["id"], "signal_id": pos["signal_id"], "symbol": pos["symbol"], "side": pos["side"],
                "mode": pos["mode"], **data}
        notify(cur, pos["user_id"], pos.get("telegram_chat_id"), kind, text, data, dedupe, prefix=prefix)

    def _place_planned_rows(self, conn, cur, pos: dict, placer: OrderPlacer,
                            rows: list[dict] | None = None, *, never_sent: bool = False,
                            unsent: list[bytes] | None = None) -> list[str]:
        """Send every 'planned' order row (reconciling first); returns the rejection reasons.
        `rows`: the position's orders as just read (else they are read here). `never_sent`: the
        rows were written by the caller's own committed transaction (see `place_pending`).
        `unsent`: the answers' writes are appended there for the caller to send with its next
        statement, instead of in a round trip of their own."""
        rejections: list[str] = []
        # what the exchange answered is written in one round trip after the last order (the
        # caller's transaction commits it); when a later order fails, what was answered before is
        # written and committed first. A crash in between loses nothing: the rows are still
        # 'planned' and the next attempt finds each order by its client id.
        answered: list[bytes] = []
        try:
            planned = [r for r in (load_orders(cur, pos["id"]) if rows is None else rows) if r["status"] == "planned"]
            # never sent: all in one call where the exchange takes several (the paper account)
            answers = placer.place_new_many([request_from_row(r, pos["symbol"]) for r in planned]) \
                if never_sent else None
            for n, row in enumerate(planned):
                try:
                    if answers is None:
                        state = placer.place_or_reconcile(request_from_row(row, pos["symbol"]), never_sent=never_sent)
                    elif isinstance(answers[n], OrderRejected):
                        raise answers[n]
                    else:
                        state = answers[n]
                except OrderRejected as exc:
                    answered.append(cur.mogrify(_REJECTED, (exc.reason[:500], row["client_order_id"])))
                    rejections.append(f"{row['role']} {row['leg']}: {exc.reason}")
                    logger.warning("order rejected", extra={"client_order_id": row["client_order_id"],
                                                            "reason": exc.reason, "kind": exc.kind})
                    continue
                answered.append(record_state_sql(cur, state))
        except BaseException:
            if answered and not conn.closed:
                with contextlib.suppress(psycopg2.Error):
                    cur.execute(b"; ".join(answered))
                    commit_step(conn)
            raise
        if answered and unsent is not None:
            unsent.extend(answered)
        elif answered:
            cur.execute(b"; ".join(answered))
        return rejections

    # --- opening ---
    def place_pending(self, position_id: int, *, created: bool = False) -> str:
        """Send the planned orders of a position (first delivery, redelivery and crash recovery).
        `created`: the caller inserted the position and its order rows in the transaction it just
        committed (the executor's first delivery): unless another attempt has touched the position
        since (each attempt that looks orders up stamps it before sending), no earlier attempt can
        have sent any of them, so they are placed without a lookup first; redeliveries and recovery
        look each one up."""
        with self.locked(position_id, fresh=created) as (conn, cur):
            pos = self._load(cur, position_id)
            rows = load_orders(cur, position_id)
            if not any(r["status"] == "planned" for r in rows) and pos["status"] != "pending":
                return "already_done"
            plan = TradePlan.from_json(pos["plan"])
            # "never sent" holds only while no other attempt has touched the position since its insert:
            # a concurrent redelivery may have taken the lock first, sent, and died before recording
            # (Binance accepts a filled order's client id again, so a blind resend would trade twice)
            never_sent = created and pos["updated_at"] == pos["created_at"]
            if not never_sent and any(r["status"] == "planned" for r in rows):
                cur.execute("UPDATE positions SET updated_at = clock_timestamp() WHERE id = %s", (position_id,))
                commit_step(conn)  # seen by the creating delivery before anything of this attempt is sent
            placer = None
            answered: list[bytes] = []
            try:
                venue = self.venue_for(cur, pos)
                placer = self._placer(venue.exchange, pos)
                nothing_sent = all(r["status"] in ("planned", "waiting") for r in rows)
                if plan.market_type == "futures" and nothing_sent:
                    venue.exchange.set_leverage(plan.symbol, plan.leverage, plan.margin_mode)
                rejections = self._place_planned_rows(conn, cur, pos, placer, rows, never_sent=never_sent,
                                                      unsent=answered)
            except ExecutionError as exc:
                if self._transient(exc):
                    raise TransientJobError(exc.reason) from exc
                rejections = [exc.reason]
                cur.execute("UPDATE orders SET status = 'rejected', error = %s, updated_at = now() "
                            "WHERE position_id = %s AND status = 'planned'", (exc.reason[:500], position_id))
            # what the exchange answered is written in the same round trip as the rows are read again
            rows = load_orders(cur, position_id, prefix=b"".join(a + b"; " for a in answered))
            accepted = accepted_entries(rows)
            if pos["status"] != "pending":
                return "reconciled"
            if accepted:
                error = opening_error(rejections)
                opened = cur.mogrify("UPDATE positions SET status = 'open', opened_at = %s, stop_loss = %s, "
                                     "error = %s, amount = %s, updated_at = now() WHERE id = %s; ",
                                     (self.now(), plan.stop_loss, error, sum((r["amount"] for r in accepted), ZERO),
                                      position_id))
                self._notify(cur, pos, "position_opened", opened_text(pos, accepted, plan, error),
                             f"opened-{position_id}", prefix=opened,
                             leverage=plan.leverage)  # the position's update and its notification: one round trip
                commit_step(conn)
                if placer is not None and any(r["filled"] > 0 for r in accepted):  # a market entry filled at once: protect it now
                    try:
                        self._sync_protective_stop(conn, cur, self._load(cur, position_id), venue, placer,
                                                   plan.stop_loss)
                    except ExecutionError as exc:  # the monitor places it on its next tick
                        logger.warning("protective stop not placed at open", extra={"position_id": position_id,
                                                                                    "reason": exc.reason})
                return "opened"
            reason = failure_reason(rejections)
            failed = cur.mogrify("UPDATE positions SET status = 'failed', error = %s, updated_at = now() "
                                 "WHERE id = %s; ", (reason[:1000], position_id))
            self._notify(cur, pos, "trade_failed", failed_text(pos, reason), f"failed-{position_id}", prefix=failed,
                         reason=reason)
            return "failed"

    # --- closing / updates ---
    def close(self, position_id: int, *, reason: str, role: str = "close", dedupe: str | None = None) -> str:
        with self.locked(position_id) as (conn, cur):
            pos = self._load(cur, position_id)
            if pos["status"] not in ("open", "closing", "pending"):
                return "not_open"
            venue = self.venue_for(cur, pos)
            try:
                return self._close_locked(conn, cur, pos, venue, reason=reason, role=role)
            except ExecutionError as exc:
                if self._transient(exc):
                    raise TransientJobError(exc.reason) from exc
                raise

    def _close_locked(self, conn, cur, pos: dict, venue: Venue, *, reason: str, role: str) -> str:
        placer = self._placer(venue.exchange, pos)
        _drop_waiting(cur, pos["id"])
        for row in load_orders(cur, pos["id"]):
            in_flight_exit = row["role"] in ("sl", "close") and not is_protective_stop(row)
            if not in_flight_exit and row["status"] in LIVE_STATUSES + ("planned",):
                # the resting stop too: cancelled first, and its final state read, so a stop that
                # filled in the meantime counts as closed and nothing is closed twice
                self._cancel_row(cur, placer, pos["symbol"], row)
        conn.commit()
        rows = load_orders(cur, pos["id"])
        summary = summarize(rows)
        if summary.entry_qty == 0:
            cur.execute("UPDATE positions SET status = 'cancelled', close_reason = %s, closed_at = %s, "
                        "updated_at = now() WHERE id = %s", (reason, self.now(), pos["id"]))
            self._notify(cur, pos, "closed", f"{pos['symbol']} {pos['side']}: cancelled before any entry filled "
                                             f"({reason})", f"closed-{pos['id']}", reason=reason)
            return "cancelled"
        remaining = summary.remaining
        in_flight = sum((r["amount"] - r["filled"] for r in rows
                         if r["role"] in ("sl", "close") and r["status"] in LIVE_STATUSES + ("planned",)), ZERO)
        to_close = remaining - in_flight
        if to_close > 0 and pos["market_type"] == "spot":
            to_close = self._spot_sellable(venue, pos, to_close, summary.average_entry)
        if to_close > 0:
            plan = TradePlan.from_json(pos["plan"])
            existing = [r for r in rows if r["role"] == role and not is_protective_stop(r)]
            cid = client_order_id(pos["signal_id"], pos["user_id"], role, 0, len(existing))
            request = OrderRequest(cid, pos["symbol"], plan.exit_side, OrderType.MARKET, to_close, reduce_only=True)
            insert_order_row(cur, pos["id"], pos["user_id"], request, role, 0)
            conn.commit()
            self._place_planned_rows(conn, cur, pos, placer)
        cur.execute("UPDATE positions SET status = 'closing', close_reason = COALESCE(close_reason, %s), "
                    "updated_at = now() WHERE id = %s AND status <> 'closed'", (reason, pos["id"]))
        return "closing"

    def reduce(self, position_id: int, fraction: Decimal, *, leg: int) -> str:
        """The provider's partial close ("close half now"): `fraction` (0 < f < 1) of what the position holds,
        reduce-only at market. As after a TP fill, the trade is being taken off: unfilled entries are cancelled,
        and the resting TP ladder is re-sized to what is left (the protective stop follows on the monitor's next
        step, which sizes it from the books). `leg` (1..99) numbers the signal's partial closes: a redelivered job
        finds its order row and sends nothing twice. What is left too small to trade is closed with it."""
        if not (0 < fraction < 1) or not 1 <= leg <= 99:
            raise ValueError("a partial close takes 0 < fraction < 1 and a leg 1..99")
        with self.locked(position_id) as (conn, cur):
            pos = self._load(cur, position_id)
            if pos["status"] != "open":
                return "not_open"
            venue = self.venue_for(cur, pos)
            try:
                return self._reduce_locked(conn, cur, pos, venue, fraction, leg)
            except ExecutionError as exc:
                if self._transient(exc):
                    raise TransientJobError(exc.reason) from exc
                raise

    def _reduce_locked(self, conn, cur, pos: dict, venue: Venue, fraction: Decimal, leg: int) -> str:
        placer = self._placer(venue.exchange, pos)
        rows = load_orders(cur, pos["id"])
        cid = client_order_id(pos["signal_id"], pos["user_id"], "close", leg)
        if any(r["client_order_id"] == cid for r in rows):
            self._place_planned_rows(conn, cur, pos, placer)  # a crash may have left it unsent
            return "already_reduced"
        summary = summarize(rows)
        if summary.entry_qty <= 0:
            return "nothing_filled"
        in_flight = sum((r["amount"] - r["filled"] for r in rows if r["role"] in ("sl", "close")
                         and not is_protective_stop(r) and r["status"] in LIVE_STATUSES + ("planned",)), ZERO)
        held = summary.remaining - in_flight
        if held <= 0:
            return "closing"
        rules = venue.exchange.market_rules(pos["symbol"])
        price = pos.get("last_price") or summary.average_entry or ZERO
        amount = rules.round_amount(held * fraction)
        if pos["market_type"] == "spot":
            amount = self._spot_sellable(venue, pos, amount, summary.average_entry)
        if amount <= 0 or (price > 0 and rules.check(amount, price)):
            self._notify(cur, pos, "partial_close", f"{pos['symbol']} {pos['side']}: the provider closed "
                         f"{_fmt(fraction * 100)}% — too small a part of this position to close; nothing sold",
                         f"partial-{pos['id']}-{leg}", fraction=str(fraction), amount="0")
            conn.commit()
            return "too_small"
        left = held - amount
        if left <= 0 or (price > 0 and rules.check(left, price)):
            return self._close_locked(conn, cur, pos, venue, reason="signal_partial_close", role="close")
        # the trade is being taken off: no new entries (as after the first TP fill)
        _drop_waiting(cur, pos["id"])
        for row in rows:
            if row["role"] in ("entry", "safety") and row["status"] in LIVE_STATUSES:
                self._cancel_row(cur, placer, pos["symbol"], row)
        plan = TradePlan.from_json(pos["plan"])
        insert_order_row(cur, pos["id"], pos["user_id"],
                         OrderRequest(cid, pos["symbol"], plan.exit_side, OrderType.MARKET, amount, reduce_only=True),
                         "close", leg)
        self._notify(cur, pos, "partial_close", f"{pos['symbol']} {pos['side']}: the provider closed "
                     f"{_fmt(fraction * 100)}% — selling {_fmt(amount)} at market, {_fmt(left)} left"
                     if plan.exit_side.value == "sell" else
                     f"{pos['symbol']} {pos['side']}: the provider closed {_fmt(fraction * 100)}% — buying back "
                     f"{_fmt(amount)} at market, {_fmt(left)} left",
                     f"partial-{pos['id']}-{leg}", fraction=str(fraction), amount=str(amount))
        conn.commit()
        self._place_planned_rows(conn, cur, pos, placer)
        self._resize_take_profits(conn, cur, pos, plan, rules, placer, left)
        return "reduced"

    def _resize_take_profits(self, conn, cur, pos: dict, plan: TradePlan, rules: MarketRules, placer: OrderPlacer,
                             left: Decimal) -> None:
        """After a partial close: the resting TP orders, together, for no more than what is left — each keeps
        its share of the ladder (a new revision of each; a level too small alone is folded into the next)."""
        rows = load_orders(cur, pos["id"])
        live = sorted((r for r in rows if r["role"] == "tp" and r["status"] in LIVE_STATUSES + ("planned",)),
                      key=lambda r: r["leg"])
        resting = sum((r["amount"] - r["filled"] for r in live), ZERO)
        if not live or resting <= left:
            return
        revision = pos["tp_revision"] + 1
        if revision > 99:
            return
        for row in live:
            if row["status"] == "planned":
                cur.execute("UPDATE orders SET status = 'cancelled', updated_at = now() WHERE id = %s", (row["id"],))
            else:
                self._cancel_row(cur, placer, pos["symbol"], row)
        conn.commit()
        after = {r["id"]: r for r in load_orders(cur, pos["id"])}
        remaining = left - sum((after[r["id"]]["filled"] - r["filled"] for r in live), ZERO)  # a TP filled meanwhile
        if remaining <= 0:
            return
        carried = ZERO
        for i, row in enumerate(live):
            last = i == len(live) - 1
            share = (row["amount"] - row["filled"]) / resting
            amount = rules.round_amount(remaining if last else min(remaining, left * share + carried))
            if rules.check(amount, row["price"]):
                carried += left * share
                continue
            carried = ZERO
            remaining -= amount
            request = OrderRequest(client_order_id(pos["signal_id"], pos["user_id"], "tp", row["leg"], revision),
                                   pos["symbol"], plan.exit_side, OrderType.LIMIT, amount, price=row["price"],
                                   reduce_only=True)
            insert_order_row(cur, pos["id"], pos["user_id"], request, "tp", row["leg"])
        cur.execute("UPDATE positions SET tp_revision = %s WHERE id = %s", (revision, pos["id"]))
        conn.commit()
        self._place_planned_rows(conn, cur, pos, placer)

    @staticmethod
    def _spot_sellable(venue: Venue, pos: dict, wanted: Decimal, reference_price: Decimal | None) -> Decimal:
        """At most `wanted`, capped to the free base balance on the amount step; 0 when what is left
        cannot make a valid order (dust left by a fee paid in the base coin)."""
        rules = venue.exchange.market_rules(pos["symbol"])
        held = rules.round_amount(venue.exchange.free_balance(rules.base))
        amount = min(wanted, held)
        price = pos.get("last_price") or reference_price or ZERO
        if amount <= 0 or (price > 0 and rules.check(amount, price)):
            return ZERO
        return amount

    def cancel_entries(self, position_id: int) -> str:
        with self.locked(position_id) as (conn, cur):
            pos = self._load(cur, position_id)
            venue = self.venue_for(cur, pos)
            placer = self._placer(venue.exchange, pos)
            _drop_waiting(cur, position_id)
            for row in load_orders(cur, position_id):
                if row["role"] in ("entry", "safety") and row["status"] in LIVE_STATUSES:
                    state = placer.cancel(pos["symbol"], row["client_order_id"])
                    if state is not None:
                        record_state(cur, state)
            conn.commit()
            if summarize(load_orders(cur, position_id)).entry_qty == 0 and pos["status"] in ("open", "pending"):
                cur.execute("UPDATE positions SET status = 'cancelled', close_reason = 'entries_cancelled', "
                            "closed_at = %s, updated_at = now() WHERE id = %s", (self.now(), position_id))
                return "cancelled"
            return "entries_cancelled"

    def move_stop(self, position_id: int, new_stop: Decimal | None, *, breakeven: bool, dedupe: str) -> str:
        with self.locked(position_id) as (conn, cur):
            pos = self._load(cur, position_id)
            if pos["status"] not in ("open", "pending"):
                return "not_open"
            if breakeven:
                new_stop = summarize(load_orders(cur, position_id)).average_entry or pos["entry_price"]
            if new_stop is None or new_stop <= 0:
                return "no_stop_given"
            cur.execute("UPDATE positions SET stop_loss = %s, breakeven_moved = breakeven_moved OR %s, "
                        "updated_at = now() WHERE id = %s", (new_stop, breakeven, position_id))
            self._notify(cur, pos, "stop_moved", f"{pos['symbol']} {pos['side']}: stop moved to {_fmt(new_stop)}"
                         + (" (breakeven)" if breakeven else ""), dedupe, stop=str(new_stop))
            conn.commit()
            if pos["status"] != "open":
                return "stop_moved"
            # the resting exchange stop follows at once (not at the monitor's next tick)
            pos = self._load(cur, position_id)
            try:
                venue = self.venue_for(cur, pos)
                placer = self._placer(venue.exchange, pos)
                outcome = self._sync_protective_stop(conn, cur, pos, venue, placer, new_stop)
                if outcome in ("stop_passed", "stop_filled"):
                    self._close_locked(conn, cur, pos, venue, reason="breakeven" if breakeven else "stop_loss",
                                       role="sl")
            except ExecutionError as exc:
                if self._transient(exc):
                    raise TransientJobError(exc.reason) from exc
                raise
            return "stop_moved"

    # --- the monitor's step ---
    def advance(self, position_id: int, *, account: AccountPass | None = None) -> str:
        """One monitor step for a position. `account`: the pass over its account (see
        `verzek.execution.account_pass`): the venue is shared and live orders are read from one
        open-orders list instead of one lookup each."""
        try:
            with self.locked(position_id) as (conn, cur):
                pos = self._load(cur, position_id)
                if pos["status"] not in ("open", "closing"):
                    return "skipped"
                try:  # a venue that cannot be built (keys gone, account disabled) is an account error too
                    venue = account.venue(cur, pos) if account is not None else self.venue_for(cur, pos)
                    return self._advance_locked(conn, cur, pos, venue, account)
                except ExecutionError as exc:
                    if self._transient(exc):
                        raise TransientJobError(exc.reason) from exc
                    if isinstance(exc, AccountError):
                        cur.execute("UPDATE positions SET error = %s, updated_at = now() WHERE id = %s",
                                    (exc.reason[:1000], position_id))
                        return "account_error"
                    raise
        except PositionBusy:
            return "busy"

    def _advance_locked(self, conn, cur, pos: dict, venue: Venue, account: AccountPass | None = None) -> str:
        exchange, symbol = venue.exchange, pos["symbol"]
        plan = TradePlan.from_json(pos["plan"])
        long = pos["side"] == "long"
        placer = self._placer(exchange, pos)
        now_ms = self.venues.clock()

        # 1. orders: send anything planned (crash leftovers), refresh everything live: from the
        # account's open-orders list when this step is part of an account pass, else (and for orders
        # that left that list) one batched lookup where the exchange offers it; rows are re-read
        # only when something was written
        rows = load_orders(cur, pos["id"])
        held: HeldPositions | None = None
        if (account is not None and venue.mode == "live" and pos["market_type"] == "futures"
                and any(r["role"] in ("entry", "safety") and r["filled"] > 0 for r in rows)):
            # read before the orders are refreshed: an exit that fills in between makes our books smaller,
            # never the exchange's position (see `_reconcile_with_exchange`)
            held = account.exchange_positions(pos, venue)
        if any(r["status"] == "planned" for r in rows):
            self._place_planned_rows(conn, cur, pos, placer, rows)
            rows = load_orders(cur, pos["id"])
        live = [r for r in rows if r["status"] in LIVE_STATUSES]
        states = {}
        if account is not None:
            for row in live:
                if (state := account.known_state(pos, venue, row)) is not None:
                    states[row["client_order_id"]] = state
        states.update(placer.lookup_many(symbol, [(r["client_order_id"], is_protective_stop(r)) for r in live
                                                  if r["client_order_id"] not in states]))
        changed = False
        for row in live:
            if (state := states.get(row["client_order_id"])) is not None:
                if (row["role"] in ("tp", "sl") and state.status == OrderStatus.CANCELLED
                        and state.filled <= row["filled"]):
                    # an exit we did not cancel (ours are recorded as we send them) ended unfilled: the
                    # exchange ended it (a liquidation cancels the symbol's open orders), recorded as expired
                    state = state.with_(status=OrderStatus.EXPIRED)
                changed = record_state(cur, state, row) or changed
        if changed:  # (nothing written: the reads so far need no commit of their own)
            conn.commit()
            rows = load_orders(cur, pos["id"])
        summary = summarize(rows)
        # the exchange stop fired (seen here, not by the candles): the monitor closes the books
        stop_fill = next((r for r in rows if is_protective_stop(r) and r["filled"] > 0), None)
        entry_fill_ms = min((r["last_fill_ms"] for r in rows if r["role"] in ("entry", "safety")
                             and r["filled"] > 0 and r["last_fill_ms"] is not None), default=None)
        if pos["market_type"] == "futures" and entry_fill_ms is not None:
            pos = self._account_funding(cur, pos, venue, rows, entry_fill_ms, now_ms, account)
        # a liquidation expires the resting exits (paper and exchanges alike): only then is it looked for;
        # live, only while the exit's end is recent (an exchange request, not a database read)
        recent = datetime.fromtimestamp((now_ms - _LIQUIDATION_LOOKBACK_MS) / 1000, tz=UTC)
        exits_expired = any(r["role"] in ("tp", "sl") and r["status"] == "expired"
                            and (venue.mode != "live" or r["updated_at"] is None or r["updated_at"] >= recent)
                            for r in rows)
        if pos["market_type"] == "futures" and entry_fill_ms is not None and summary.remaining > 0 and exits_expired:
            liquidated = self._liquidation(conn, cur, pos, venue, placer, rows, summary, entry_fill_ms, account)
            if liquidated is not None:
                return liquidated
        if held is not None and entry_fill_ms is not None and summary.remaining > 0:
            reconciled = self._reconcile_with_exchange(conn, cur, pos, venue, placer, rows, summary, held,
                                                       entry_fill_ms, now_ms, account)
            if reconciled is not None:
                return reconciled

        # DCA: a filled safety order makes room for the next waiting one (3Commas max active safety orders)
        if plan.max_active_safety and pos["status"] == "open" and any(r["status"] == "waiting" for r in rows):
            active = sum(1 for r in rows if r["role"] == "safety" and r["status"] in LIVE_STATUSES + ("planned",))
            waiting = sorted((r for r in rows if r["status"] == "waiting"), key=lambda r: r["leg"])
            release = [r["id"] for r in waiting[:max(0, plan.max_active_safety - active)]]
            if release and not any(r["role"] == "tp" and r["filled"] > 0 for r in rows):
                cur.execute("UPDATE orders SET status = 'planned', updated_at = now() WHERE id = ANY(%s)", (release,))
                conn.commit()
                self._place_planned_rows(conn, cur, pos, placer)
                rows = load_orders(cur, pos["id"])
                summary = summarize(rows)

        # 2. take-profit fills
        tp_rows = [r for r in rows if r["role"] == "tp"]
        hit_levels = sorted({r["leg"] for r in tp_rows if r["status"] == "filled"})
        tp_hits = len(hit_levels)
        for level in hit_levels:
            tp = next((t for t in plan.take_profits if t.index == level), None)
            self._notify(cur, pos, "tp_hit", f"{symbol} {pos['side']}: TP{level} hit"
                         + (f" at {_fmt(tp.price)}" if tp else ""), f"tp-{pos['id']}-{level}", level=level)
        # the trade is going our way: unfilled entries and safety orders are cancelled (once: the
        # monitor's later steps find none left and spend no round trip on it)
        unfilled = [r for r in rows if r["role"] in ("entry", "safety") and r["status"] in LIVE_STATUSES]
        if tp_hits and (unfilled or any(r["status"] == "waiting" for r in rows)):
            _drop_waiting(cur, pos["id"])
            for row in unfilled:
                self._cancel_row(cur, placer, symbol, row)
            conn.commit()
            rows = load_orders(cur, pos["id"])
            summary = summarize(rows)

        # 3. stop: breakeven after TP n, trailing, and whether it was reached
        rules = exchange.market_rules(symbol)
        be_level = breakeven_level(plan, rows, summary, rules, taker_fee_rate(exchange, symbol))
        stop = pos["stop_loss"]
        breakeven_moved = pos["breakeven_moved"]
        breakeven_from_ms = None
        if (plan.breakeven_after_tp and tp_hits >= plan.breakeven_after_tp and not breakeven_moved
                and summary.average_entry):
            trigger_row = next((r for r in tp_rows if r["leg"] == hit_levels[plan.breakeven_after_tp - 1]
                                and r["status"] == "filled"), None)
            breakeven_from_ms = trigger_row["last_fill_ms"] if trigger_row else None
            old_stop, stop, breakeven_moved = stop, be_level, True
            self._notify(cur, pos, "stop_moved", f"{symbol} {pos['side']}: stop moved to breakeven {_fmt(stop)}",
                         f"be-{pos['id']}", stop=str(stop))
        else:
            old_stop = stop
        if pos["checked_ms"] is not None:
            since = pos["checked_ms"]
        else:
            since = int(pos["opened_at"].timestamp() * 1000) if pos["opened_at"] else now_ms
        tf = venue.prices.timeframe_ms(symbol)
        candles = list(venue.prices.candles(symbol, since, now_ms))
        checked_ms = candles[-1].ts + tf if candles else since
        last_price = candles[-1].close if candles else pos["last_price"]
        extreme = pos["trailing_high"]
        trail_pct = plan.trailing_stop_pct / 100 if plan.trailing_stop_pct else None
        hit = None
        opened_ms = int(pos["opened_at"].timestamp() * 1000) if pos["opened_at"] else None
        if (summary.entry_qty == 0 and plan.entry_timeout_ms and opened_ms is not None and pos["status"] == "open"
                and now_ms - opened_ms >= plan.entry_timeout_ms):
            hit = ("entry_timeout", None)  # nothing filled in time: cancel the entries, no trade
            candles = []
        for candle in candles:
            if summary.entry_qty == 0 or entry_fill_ms is None or candle.ts <= entry_fill_ms:
                if summary.entry_qty == 0 and plan.cancel_if_tp_or_sl_before_entry and pos["status"] == "open":
                    tp1 = plan.take_profits[0].price if plan.take_profits else None
                    if tp1 is not None and (candle.high >= tp1 if long else candle.low <= tp1):
                        hit = ("tp_before_entry", None)
                        break
                    if stop is not None and (candle.low <= stop if long else candle.high >= stop):
                        hit = ("sl_before_entry", None)
                        break
                continue
            in_force = old_stop if breakeven_from_ms is not None and candle.ts <= breakeven_from_ms else stop
            reason = "breakeven" if breakeven_moved and in_force == stop else "stop_loss"
            if trail_pct is not None and extreme is not None:
                trail = rules.round_price(extreme * (1 - trail_pct) if long else extreme * (1 + trail_pct))
                # at or past the stop in force: the trail is what fires (once the trail has been
                # written into the stop it equals it, and must still be labelled a trailing exit)
                if in_force is None or (trail >= in_force if long else trail <= in_force):
                    in_force, reason = trail, "trailing_stop"
            if in_force is not None and (candle.low <= in_force if long else candle.high >= in_force):
                hit = (reason, in_force)
                break
            if trail_pct is not None:
                extreme = (max(extreme or candle.high, candle.high) if long
                           else min(extreme or candle.low, candle.low))
        if trail_pct is not None and extreme is not None:
            trail = rules.round_price(extreme * (1 - trail_pct) if long else extreme * (1 + trail_pct))
            if stop is None or (trail > stop if long else trail < stop):
                stop = trail

        # What the scan found (stop level, breakeven, trail, candles checked) is written with the
        # bookkeeping below, in one round trip and one transaction, unless a close comes first (then
        # it is written before the close). Orders the steps in between send are reconciled by client
        # id, and a crash before the commit only repeats this scan of the same candles next tick.
        scan: tuple | None = (stop, breakeven_moved, extreme, checked_ms, last_price, pos["id"])

        if hit is None and stop_fill is not None and pos["status"] == "open":
            hit = (self._stop_reason(pos, plan, rules, stop_fill["trigger_price"], be_level, extreme),
                   stop_fill["trigger_price"])
        outcome = "open"
        if hit is None and pos["status"] == "open" and summary.remaining > 0:
            if self._ensure_take_profits(conn, cur, pos, plan, rules, rows, summary, placer):
                rows = load_orders(cur, pos["id"])
            # `pos` as loaded serves: the stop sync reads none of the columns updated above
            synced = self._sync_protective_stop(conn, cur, pos, venue, placer, stop, rows=rows)
            if synced in ("stop_passed", "stop_filled"):
                hit = (self._stop_reason(pos, plan, rules, stop, be_level, extreme), stop)
            if synced not in _STOP_UNTOUCHED:
                rows = load_orders(cur, pos["id"])
        if hit is not None and pos["status"] == "open":
            _RECORD_SCAN.execute(cur, scan)
            scan = None
            reason, level = hit
            if level is not None:
                self._notify(cur, pos, "stopped_out", f"{symbol} {pos['side']}: stop {_fmt(level)} reached "
                             f"({reason.replace('_', ' ')}), closing", f"stopped-{pos['id']}", stop=str(level),
                             reason=reason)
            pos = {**pos, "stop_loss": stop}
            outcome = self._close_locked(conn, cur, pos, venue, reason=reason, role="sl" if level else "close")
            conn.commit()
            rows = load_orders(cur, pos["id"])
            summary = summarize(rows)
            pos = self._load(cur, pos["id"])
            if outcome == "cancelled":
                return outcome

        # 4. bookkeeping and completion
        summary = summarize(rows)
        realized = summary.realized(pos["side"], rules.contract_size)
        unrealized = summary.unrealized(pos["side"], last_price, rules.contract_size)
        entries_live = any(r["role"] in ("entry", "safety") and r["status"] in LIVE_STATUSES + ("planned",)
                           for r in rows)
        done = summary.entry_qty > 0 and summary.remaining <= 0
        exits_live = any(r["role"] in ("tp", "sl", "close") and r["status"] in LIVE_STATUSES + ("planned",)
                         for r in rows)
        if (not done and pos["market_type"] == "spot" and summary.exit_qty > 0 and not entries_live
                and not exits_live):
            # what is left is the fee paid in the base coin, too small to sell: the trade is over
            done = self._spot_sellable(venue, pos, summary.remaining, summary.average_entry) == 0
        books = (summary.average_entry, summary.entry_qty, summary.exit_qty, summary.entry_cost, summary.fees,
                 realized, ZERO if done else unrealized, tp_hits, pos["id"])
        if scan is not None:
            cur.execute(_RECORD_SCAN.mogrify(cur, scan) + b"; " + _RECORD_BOOKS.mogrify(cur, books))
        else:
            _RECORD_BOOKS.execute(cur, books)
        if done:
            _drop_waiting(cur, pos["id"])
            for row in rows:  # nothing left to trade: leftovers (e.g. a far safety order) are cancelled
                if row["status"] in LIVE_STATUSES:
                    self._cancel_row(cur, placer, symbol, row)
            exit_roles = {r["role"] for r in rows if r["role"] in ("tp", "sl", "close") and r["filled"] > 0}
            reason = pos["close_reason"] or ("take_profit" if exit_roles == {"tp"} else "closed")
            cur.execute("UPDATE positions SET status = 'closed', close_reason = %s, closed_at = %s, "
                        "unrealized_pnl = 0, updated_at = now() WHERE id = %s", (reason, self.now(), pos["id"]))
            funding = pos.get("funding") or ZERO
            net = realized - summary.fees + funding
            currency = display.pnl_currency(symbol)  # money for people: its currency's step (verzek.display)
            text = (f"{symbol} {pos['side']} closed ({reason.replace('_', ' ')}): "
                    f"PnL {display.signed_money(net, currency)} after fees")
            if funding:
                text += f" and funding ({display.signed_money(funding, currency)})"
            self._notify(cur, pos, "closed", text, f"closed-{pos['id']}", reason=reason, pnl=str(net),
                         fees=str(summary.fees), funding=str(funding))
            return "closed"
        if not entries_live and summary.entry_qty == 0 and pos["status"] == "open":
            cur.execute("UPDATE positions SET status = 'cancelled', close_reason = 'entries_gone', closed_at = %s, "
                        "updated_at = now() WHERE id = %s", (self.now(), pos["id"]))
            return "cancelled"
        return outcome

    def _account_funding(self, cur, pos: dict, venue: Venue, rows: list[dict], entry_fill_ms: int,
                         now_ms: int, account: AccountPass | None = None) -> dict:
        """Add the funding the exchange settled on the symbol since the last accounted event to the
        position (`positions.funding`, + received / - paid): each payment's share is what this position
        held at the event time (its fills before it) over the exchange position it was charged on (paper
        says; live, what the account's positions on the symbol and side held then).

        When it is asked: paper, when its recorded funding schedule has an event since the last one
        accounted; live, on the first pass after each of `_FUNDING_CHECKPOINTS_MS` past a whole hour
        (funding is settled on the hour: every 8 h on most Binance/Bybit perpetuals, 4 h or 1 h on some;
        the exchange posts it shortly after, sometimes late) and on a position's first pass — one read per
        account and symbol per pass (`AccountPass.funding_history`)."""
        fetch = getattr(venue.exchange, "fetch_funding_history", None)
        if not callable(fetch):
            return pos
        since = pos["funding_ms"] + 1 if pos.get("funding_ms") is not None else entry_fill_ms
        plan = pos.get("plan")
        hedged = venue.mode == "live" and bool((json.loads(plan) if isinstance(plan, str) else plan or {}).get("hedged"))
        if venue.mode == "live":
            previous = pos.get("checked_ms")
            if previous is not None and _funding_checkpoint(now_ms) <= _funding_checkpoint(previous):
                return pos  # no funding checkpoint has passed since the last pass
        else:
            scheduled = getattr(venue.prices, "funding_events", None)
            if callable(scheduled) and not scheduled(pos["symbol"], since - 1, self.venues.clock()):
                return pos  # no funding event since the last one accounted: nothing to ask the venue
        events = account.funding_history(pos, venue, since) if account is not None else fetch(pos["symbol"], since)
        if not events:
            return pos
        total = ZERO
        long = pos["side"] == "long"
        last = max(e["timestamp"] for e in events)
        if hedged:
            events, waiting_from = self._split_hedged_funding(cur, pos, venue, events, account, now_ms)
            if waiting_from is not None:
                # a time not whole yet (one side's payment posted, or its rate not published): accounted up to
                # just before it, so the next checkpoint reads it again (and what follows it, counted then)
                last = waiting_from - 1
        for event in events:
            ts = event["timestamp"]
            charged_on = event.get("position_amount")
            if charged_on and (Decimal(str(charged_on)) > 0) != long:
                continue  # paid on the other side of a hedge-mode symbol
            held = sum((r["filled"] for r in rows if r["filled"] > 0 and r["last_fill_ms"] is not None
                        and r["last_fill_ms"] < ts and r["role"] in ("entry", "safety")), ZERO)
            held -= sum((r["filled"] for r in rows if r["filled"] > 0 and r["last_fill_ms"] is not None
                         and r["last_fill_ms"] < ts and r["role"] not in ("entry", "safety")), ZERO)
            if held <= 0:
                continue
            whole = event.get("position_amount")
            whole = abs(Decimal(str(whole))) if whole else self._held_on_account(cur, pos, ts) or held
            total += Decimal(str(event["amount"])) * min(Decimal(1), held / whole)
        if pos.get("funding_ms") is not None and last <= pos["funding_ms"]:
            return pos  # still waiting for the same time: nothing new
        cur.execute("UPDATE positions SET funding = funding + %s, funding_ms = %s, updated_at = now() WHERE id = %s",
                    (total, last, pos["id"]))
        return {**pos, "funding": (pos.get("funding") or ZERO) + total, "funding_ms": last}

    def _split_hedged_funding(self, cur, pos: dict, venue: Venue, events: list[dict],
                              account: AccountPass | None, now_ms: int) -> tuple[list[dict], int | None]:
        """A hedge-mode symbol's payments as this position's side was charged them. Binance's income history
        names no side, so each funding time's payments (one record per side, same time) are attributed
        from the settled rate and the mark price it was charged at (Bybit's funding executions state both,
        `feeRate` and `markPrice`; Binance's are read with `funding_rate_at`): the long side pays
        rate × mark × what the account's longs held, the short side receives rate × mark × the shorts
        (negative rate: the other way round). Their sum is checked against what the exchange reported at
        that time (within 0.01 USDT or 1 %); a time that does not add up, or whose rate is unknown, is
        not counted (logged): a wrong split would move money between the two positions.

        Such a time is usually not whole yet: the exchange posted one side's payment (or the rate) first.
        While it is younger than `_FUNDING_WAIT_MS` it is waited for: the second value returned is the
        earliest such time (None: nothing waited for), before which the caller stops accounting, so the
        next funding checkpoint reads it again. Older, it is given up (logged) and passed over."""
        fetch = getattr(venue.exchange, "funding_rate_at", None)
        groups: dict[int, list[dict]] = {}
        for event in events:
            groups.setdefault(event["timestamp"] // 60_000, []).append(event)
        out: list[dict] = []
        waiting_from: int | None = None
        for _, group in sorted(groups.items()):
            ts = min(e["timestamp"] for e in group)
            reported = sum((Decimal(str(e["amount"])) for e in group), ZERO)
            stated = next((e for e in group if e.get("rate") is not None and e.get("mark")), None)
            rate_mark = ((Decimal(str(stated["rate"])), Decimal(str(stated["mark"]))) if stated is not None
                         else account.funding_rate_at(pos, venue, ts) if account is not None
                         else fetch(pos["symbol"], ts) if callable(fetch) else None)
            held_long = self._held_on_account(cur, {**pos, "side": "long"}, ts)
            held_short = self._held_on_account(cur, {**pos, "side": "short"}, ts)
            wait = now_ms - ts < _FUNDING_WAIT_MS
            if rate_mark is None:
                logger.warning("hedged funding not attributed: no rate" + (" yet" if wait else ""),
                               extra={"position_id": pos["id"], "ts": ts})
                if wait:
                    waiting_from = ts
                    break  # the times after it are read again with it
                continue
            rate, mark = rate_mark
            long_amount, short_amount = -rate * mark * held_long, rate * mark * held_short
            tolerance = max(Decimal("0.01"), (abs(long_amount) + abs(short_amount)) / 100)
            if abs(long_amount + short_amount - reported) > tolerance:
                logger.warning("hedged funding not attributed: the sides do not add up to the payments"
                               + (" (yet)" if wait else ""),
                               extra={"position_id": pos["id"], "ts": ts, "reported": str(reported),
                                      "long": str(long_amount), "short": str(short_amount)})
                if wait:
                    waiting_from = ts
                    break
                continue
            mine, whole = (long_amount, held_long) if pos["side"] == "long" else (short_amount, held_short)
            if whole > 0:
                out.append({"timestamp": ts, "amount": mine, "position_amount": whole if pos["side"] == "long"
                            else -whole})
        return out, waiting_from

    @staticmethod
    def _held_on_account(cur, pos: dict, ts: int) -> Decimal:
        """What the account's positions on the symbol and side held just before `ts` (the exchange
        position a live funding payment was charged on: exchanges report the payment, not the size)."""
        cur.execute("SELECT COALESCE(sum(CASE WHEN o.role IN ('entry', 'safety') THEN o.filled ELSE -o.filled END), 0) "
                    "AS held FROM orders o JOIN positions p ON p.id = o.position_id "
                    "WHERE p.user_id = %s AND p.mode = %s AND p.exchange_account_id IS NOT DISTINCT FROM %s "
                    "AND p.symbol = %s AND p.side = %s AND p.market_type = 'futures' AND o.filled > 0 "
                    "AND o.last_fill_ms < %s",
                    (pos["user_id"], pos["mode"], pos["exchange_account_id"], pos["symbol"], pos["side"], ts))
        return max(ZERO, cur.fetchone()["held"])

    def _liquidation(self, conn, cur, pos: dict, venue: Venue, placer: OrderPlacer, rows: list[dict], summary,
                     since_ms: int, account: AccountPass | None = None) -> str | None:
        """When the exchange liquidated the position (its liquidation order on the symbol since the first
        entry fill), record it as the position's last exit, cancel what is left of its orders and mark it
        `liquidated` (an auto-deleveraging close: `closed`, reason `adl`); None when neither happened. The liquidation closes what was left at the
        exchange's price (paper: the bankruptcy price, so the position loses exactly what backed it)."""
        fetch = getattr(venue.exchange, "fetch_liquidations", None)
        if not callable(fetch):
            return None
        events = account.liquidations(pos, venue, since_ms) if account is not None else fetch(pos["symbol"], since_ms)
        # the liquidation closing this position's side (a hedge-mode symbol may have two)
        exit_side = OrderSide.SELL if pos["side"] == "long" else OrderSide.BUY
        events = [e for e in events if e.side == exit_side]
        if not events:
            return None
        event = events[0]
        for row in rows:
            if row["status"] in LIVE_STATUSES + ("planned",):
                self._cancel_row(cur, placer, pos["symbol"], row)
        conn.commit()
        rows = load_orders(cur, pos["id"])
        remaining = summarize(rows).remaining
        plan = TradePlan.from_json(pos["plan"])
        cid = client_order_id(pos["signal_id"], pos["user_id"], "liquidation", 0)
        if remaining > 0:
            request = OrderRequest(cid, pos["symbol"], plan.exit_side, OrderType.MARKET, remaining,
                                   trigger_price=event.trigger_price, reduce_only=True)  # where it was liquidated
            insert_order_row(cur, pos["id"], pos["user_id"], request, "liquidation", 0)
            record_state(cur, event.with_(client_order_id=cid, amount=remaining, filled=remaining))
        rows = load_orders(cur, pos["id"])
        summary = summarize(rows)
        rules = venue.exchange.market_rules(pos["symbol"])
        realized = summary.realized(pos["side"], rules.contract_size)
        now = datetime.fromtimestamp(event.updated_ms / 1000, tz=UTC) if event.updated_ms else self.now()
        # auto-deleveraging (the exchange's `adl-` close) ends the position at a price of the exchange's
        # choosing, but it is no liquidation: closed, reason `adl`
        adl = event.client_order_id.startswith("adl-")
        status, reason = ("closed", "adl") if adl else ("liquidated", "liquidation")
        cur.execute("UPDATE positions SET status = %s, close_reason = %s, closed_at = %s, "
                    "entry_price = %s, filled_amount = %s, closed_amount = %s, cost = %s, fees = %s, "
                    "realized_pnl = %s, unrealized_pnl = 0, last_price = COALESCE(%s, last_price), updated_at = now() "
                    "WHERE id = %s",
                    (status, reason, now, summary.average_entry, summary.entry_qty, summary.exit_qty,
                     summary.entry_cost, summary.fees, realized, event.trigger_price, pos["id"]))
        net = realized - summary.fees + (pos.get("funding") or ZERO)
        mode = plan.margin_mode or "isolated"
        pnl = display.signed_money(net, display.pnl_currency(pos["symbol"]))
        if adl:
            self._notify(cur, pos, "closed",
                         f"{pos['symbol']} {pos['side']} closed by the exchange's auto-deleveraging at "
                         f"{_fmt(event.trigger_price)}: PnL {pnl} after fees", f"closed-{pos['id']}", reason="adl",
                         pnl=str(net), price=str(event.trigger_price), fees=str(summary.fees))
        else:
            self._notify(cur, pos, "liquidated",
                         f"{pos['symbol']} {pos['side']} LIQUIDATED by the exchange at {_fmt(event.trigger_price)} "
                         f"({mode} margin, {plan.leverage}x): PnL {pnl} after fees", f"liquidated-{pos['id']}",
                         reason="liquidation", pnl=str(net), price=str(event.trigger_price), fees=str(summary.fees))
        conn.commit()
        return "adl" if adl else "liquidated"

    def _reconcile_with_exchange(self, conn, cur, pos: dict, venue: Venue, placer: OrderPlacer, rows: list[dict],
                                 summary, held: HeldPositions, entry_fill_ms: int, now_ms: int,
                                 account: AccountPass | None) -> str | None:
        """Our books against the exchange's position (live futures; see docs/decisions/position-reconciliation.md).

        What the account's open positions on the symbol and side hold by our fills is compared with what
        the exchange held when `held` was read. Nothing is decided while a fill of ours lies within
        `_RECONCILE_MARGIN_MS` of that read (or later) or an order is unsent: the read may predate it.
        The exchange holding as much or more: nothing to do (more is someone else's, or a fill we have
        not seen yet). Holding less: the shortfall was closed outside us (by hand on the exchange, a
        liquidation or auto-deleveraging without resting exits, another program). Gone entirely and the
        exchange's liquidation record names it: closed as `liquidation` / `adl`. Otherwise the shortfall
        is taken from the newest positions first and recorded as a filled `close` row at the reference
        price (the exchange's mark while it still holds some, else our last candle close: the exchange's
        own fill is not read, so the PnL of that part is an estimate, and the notification says so);
        a position with nothing left is closed `external_close`, its resting orders cancelled.
        Returns the outcome when it closed or reduced the position, else None."""
        symbol, side = pos["symbol"], pos["side"]
        _HELD_ON_SIDE.execute(cur, (held.taken_ms - _RECONCILE_MARGIN_MS, pos["user_id"],
                                    pos["exchange_account_id"], symbol, side))
        ours = cur.fetchone()
        if ours["moving"] or ours["positions"] > 1:
            # Several positions of ours share the exchange's position on this symbol and side: a shortfall may
            # be another one's own exit that filled and is not in our books yet (its orders are refreshed
            # later in the pass, or in another message), so it cannot be attributed; each position's exits
            # still close it when they fill.
            return None
        exchange_amount = held.amount(symbol, side) or ZERO
        if exchange_amount >= ours["held"]:
            return None
        if exchange_amount == 0:
            liquidated = self._liquidation(conn, cur, pos, venue, placer, rows, summary, entry_fill_ms, account)
            if liquidated is not None:
                return liquidated
        cut = min(summary.remaining, ours["held"] - exchange_amount)
        still = held.by_symbol_side.get((symbol, side))
        price = still.mark_price if still is not None and still.mark_price else None
        if price is None:
            recent = list(venue.prices.candles(symbol, now_ms - 10 * 60_000, now_ms))
            price = recent[-1].close if recent else pos["last_price"] or summary.average_entry
        plan = TradePlan.from_json(pos["plan"])
        leg = _EXTERNAL_LEG + sum(1 for r in rows if r["role"] == "close" and r["leg"] >= _EXTERNAL_LEG)
        cid = client_order_id(pos["signal_id"], pos["user_id"], "close", leg)
        request = OrderRequest(cid, symbol, plan.exit_side, OrderType.MARKET, cut, reduce_only=True)
        insert_order_row(cur, pos["id"], pos["user_id"], request, "close", leg)
        record_state(cur, OrderState(cid, None, symbol, plan.exit_side, OrderType.MARKET, OrderStatus.FILLED, cut,
                                     filled=cut, average=price, updated_ms=held.taken_ms))
        currency = display.pnl_currency(symbol)
        if cut < summary.remaining:
            self._notify(cur, pos, "position_reduced",
                         f"{symbol} {side}: the exchange holds {_fmt(exchange_amount)} where Verzek counted "
                         f"{_fmt(ours['held'])}: {_fmt(cut)} was closed outside Verzek (recorded at about "
                         f"{_fmt(price)}, the exchange's fill is not read); {_fmt(summary.remaining - cut)} stays open",
                         f"reduced-{pos['id']}-{leg}", amount=str(cut), price=str(price))
            conn.commit()
            return "reduced_externally"
        for row in rows:
            if row["status"] in LIVE_STATUSES + ("planned",):
                self._cancel_row(cur, placer, symbol, row)
        _drop_waiting(cur, pos["id"])
        conn.commit()
        rows = load_orders(cur, pos["id"])
        summary = summarize(rows)
        rules = venue.exchange.market_rules(symbol)
        realized = summary.realized(side, rules.contract_size)
        cur.execute("UPDATE positions SET status = 'closed', close_reason = 'external_close', closed_at = %s, "
                    "entry_price = %s, filled_amount = %s, closed_amount = %s, cost = %s, fees = %s, "
                    "realized_pnl = %s, unrealized_pnl = 0, last_price = %s, updated_at = now() WHERE id = %s",
                    (self.now(), summary.average_entry, summary.entry_qty, summary.exit_qty, summary.entry_cost,
                     summary.fees, realized, price, pos["id"]))
        net = realized - summary.fees + (pos.get("funding") or ZERO)
        self._notify(cur, pos, "closed",
                     f"{symbol} {side} closed outside Verzek: the exchange no longer holds it and records no "
                     f"liquidation; its orders are cancelled. PnL about {display.signed_money(net, currency)} after "
                     f"fees (at the last price {_fmt(price)}; the exchange's own fill is not read)",
                     f"closed-{pos['id']}", reason="external_close", pnl=str(net), price=str(price))
        conn.commit()
        return "external_close"

    def _ensure_take_profits(self, conn, cur, pos: dict, plan: TradePlan, rules: MarketRules, rows: list[dict],
                             summary, placer: OrderPlacer) -> bool:
        """Rest one reduce-only limit per TP level, sized from the filled amount; re-size them (new
        revision) while no TP has filled and the filled amount has grown (a later entry/DCA fill).
        Returns whether it touched the orders (False: the ladder is as it should be)."""
        if not plan.take_profits or summary.entry_qty <= 0:
            return False
        tp_rows = [r for r in rows if r["role"] == "tp"]
        live_tp = [r for r in tp_rows if r["status"] in LIVE_STATUSES + ("planned",)]
        if any(r["filled"] > 0 for r in tp_rows):
            return False  # ladder is running; entries were cancelled at the first TP fill, size is final
        basis = pos.get("tp_basis")
        if live_tp and (basis == summary.entry_qty if basis is not None
                        else sum((r["amount"] for r in live_tp), ZERO) == summary.entry_qty):
            return False
        revision = pos["tp_revision"] + (1 if tp_rows else 0)
        if revision > 99:
            return False
        for row in live_tp:
            state = placer.cancel(pos["symbol"], row["client_order_id"]) if row["status"] != "planned" else None
            if state is not None:
                record_state(cur, state)
            elif row["status"] == "planned":
                cur.execute("UPDATE orders SET status = 'cancelled', updated_at = now() WHERE id = %s", (row["id"],))
        amounts: list[tuple[int, Decimal, Decimal]] = []
        total = summary.remaining  # (no TP has filled: what the provider's partial closes left, else all)
        if pos["market_type"] == "spot":  # never sell more than is held (a fee may have been paid in base)
            total = min(total, rules.round_amount(placer.exchange.free_balance(rules.base)))
            if total <= 0:
                return True  # (live TPs may have been cancelled above)
        carried = ZERO
        follow = plan.tp_follow_average and summary.average_entry and plan.average_entry
        for i, tp in enumerate(plan.take_profits):
            last = i == len(plan.take_profits) - 1
            # DCA: the target keeps its distance from the (new) average entry, like 3Commas' TP %
            price = rules.round_price(tp.price * summary.average_entry / plan.average_entry if follow else tp.price)
            amount = (total - sum((a for _, _, a in amounts), ZERO)) if last else rules.round_amount(
                total * tp.fraction + carried)
            if rules.check(amount, price) and not last:
                carried += total * tp.fraction  # too small alone: folded into the next level
                continue
            carried = ZERO
            if rules.check(amount, price):
                if amounts:  # the last level is too small: fold it into the previous one
                    idx, p, a = amounts[-1]
                    amounts[-1] = (idx, p, a + amount)
                continue
            amounts.append((tp.index, price, amount))
        inserted: set[str] = set()  # rows this step created: no earlier attempt can have sent them
        for index, price, amount in amounts:
            cid = client_order_id(pos["signal_id"], pos["user_id"], "tp", index, revision)
            request = OrderRequest(cid, pos["symbol"], plan.exit_side, OrderType.LIMIT, amount, price=price,
                                   reduce_only=True)
            insert_order_row(cur, pos["id"], pos["user_id"], request, "tp", index)
            if cur.rowcount == 1:
                inserted.add(cid)
        cur.execute("UPDATE positions SET tp_revision = %s, tp_basis = %s WHERE id = %s",
                    (revision, summary.entry_qty, pos["id"]))
        conn.commit()
        rows = load_orders(cur, pos["id"])
        # placed without a lookup first when every planned row is one of them (else all are looked up)
        fresh = all(r["client_order_id"] in inserted for r in rows if r["status"] == "planned")
        self._place_planned_rows(conn, cur, pos, placer, rows, never_sent=fresh)
        return True

    @staticmethod
    def _stop_reason(pos: dict, plan: TradePlan, rules: MarketRules, level: Decimal | None,
                     be_level: Decimal | None, extreme: Decimal | None) -> str:
        if level is None:
            return "stop_loss"
        if plan.trailing_stop_pct and extreme is not None:
            pct = plan.trailing_stop_pct / 100
            trail = rules.round_price(extreme * (1 - pct) if pos["side"] == "long" else extreme * (1 + pct))
            if level == trail:
                return "trailing_stop"
        if pos["breakeven_moved"] and be_level is not None and level == be_level:
            return "breakeven"
        return "stop_loss"

    def _sync_protective_stop(self, conn, cur, pos: dict, venue: Venue, placer: OrderPlacer,
                              stop: Decimal | None, *, rows: list[dict] | None = None) -> str:
        """Make the resting exchange stop match the position: reduce-only stop-market at `stop` for
        the whole remaining amount while the position is open, none otherwise. Returns what it did:
        unsupported | none | in_place | placed | cancelled | rejected | stop_passed (the exchange
        refused it: the price is already through the stop) | stop_filled (a stop being replaced had
        filled) | versions_exhausted."""
        symbol = pos["symbol"]
        rows = load_orders(cur, pos["id"]) if rows is None else rows
        stops = [r for r in rows if is_protective_stop(r)]
        supported = protective_stops_supported(venue.exchange, symbol)
        if not stops and not supported:
            return "unsupported"
        summary = summarize(rows)
        exits_in_flight = any(r["role"] in ("sl", "close") and not is_protective_stop(r)
                              and r["status"] in LIVE_STATUSES + ("planned",) for r in rows)
        want: tuple[Decimal, Decimal] | None = None
        if supported and pos["status"] == "open" and stop is not None and stop > 0 and summary.remaining > 0 \
                and not exits_in_flight:
            want = (venue.exchange.market_rules(symbol).round_price(stop), summary.remaining)
        live = [r for r in stops if r["status"] in LIVE_STATUSES + ("planned",)]
        if want is not None and len(live) == 1 and live[0]["status"] != "planned" \
                and live[0]["trigger_price"] == want[0] and live[0]["amount"] - live[0]["filled"] == want[1]:
            return "in_place"
        if want is not None and not live and stops and stops[-1]["status"] == "rejected" \
                and stops[-1]["trigger_price"] == want[0] and stops[-1]["amount"] == want[1]:
            return "rejected"  # refused before for the same stop: the monitor watches it, no retry loop
        version = 1 + max((protective_stop_version(r["client_order_id"]) or 0 for r in stops), default=-1)
        if want is not None and version > MAX_STOP_VERSION:
            logger.warning("protective stop versions exhausted; the monitor watches the stop",
                           extra={"position_id": pos["id"]})
            return "versions_exhausted"
        filled_before = {r["client_order_id"]: r["filled"] for r in live}
        for row in live:  # never two live stops: the old one is gone before the new one is sent
            self._cancel_row(cur, placer, symbol, row)
        commit_step(conn)
        after = {r["client_order_id"]: r for r in (load_orders(cur, pos["id"]) if live else [])
                 if r["client_order_id"] in filled_before}
        if any(r["status"] in LIVE_STATUSES for r in after.values()):
            raise TransientJobError(f"position {pos['id']}: the resting stop could not be cancelled yet")
        if any(r["filled"] > filled_before[cid] for cid, r in after.items()):
            return "stop_filled"
        if want is None:
            return "cancelled" if live else "none"
        plan = TradePlan.from_json(pos["plan"])
        request = OrderRequest(protective_stop_id(pos["signal_id"], pos["user_id"], version), symbol, plan.exit_side,
                               OrderType.STOP_MARKET, want[1], trigger_price=want[0], reduce_only=True)
        insert_order_row(cur, pos["id"], pos["user_id"], request, "sl", 1 + version // 100)
        fresh = cur.rowcount == 1  # a new version's row: no earlier attempt can have sent it (no lookup first)
        commit_step(conn)  # the intent first: a crash after the exchange accepted it is reconciled by client id
        try:
            state = placer.place_or_reconcile(request, never_sent=fresh)
        except OrderRejected as exc:
            record_rejection(cur, request.client_order_id, exc.reason)
            if exc.kind != "would_trigger":
                cur.execute("UPDATE positions SET error = %s, updated_at = now() WHERE id = %s",
                            (f"exchange stop refused, the monitor watches the stop: {exc.reason}"[:1000], pos["id"]))
            commit_step(conn)
            logger.warning("protective stop rejected", extra={"client_order_id": request.client_order_id,
                                                              "reason": exc.reason, "kind": exc.kind})
            return "stop_passed" if exc.kind == "would_trigger" else "rejected"
        record_state(cur, state)
        commit_step(conn)
        if state.status != OrderStatus.OPEN and state.filled > 0:
            return "stop_filled"
        return "placed"


def _drop_waiting(cur, position_id: int) -> None:
    """DCA safety orders still held back (never sent) are cancelled with the position's other orders."""
    cur.execute("UPDATE orders SET status = 'cancelled', error = 'not needed any more', updated_at = now() "
                "WHERE position_id = %s AND status = 'waiting'", (position_id,))


def plan_json(plan: TradePlan) -> str:
    return json.dumps(plan.to_json())
