"""Placing orders without ever placing one twice, and the order/position bookkeeping shared by the
executor and the position monitor.

`OrderPlacer.place_or_reconcile` is the one way an order reaches an exchange:

1. Look the client order id up first (a redelivered job, or a crash after the exchange accepted
   the order but before we recorded it, finds the order instead of placing a second one).
2. Place it. `RequestNotSent` / `RateLimited` (certainly not executed) are resent with backoff.
3. `OutcomeUnknown` (timeout, dropped connection): never resend; look the id up with backoff
   ("not found" right after creation is normal: exchanges are eventually consistent). Still not
   found → `TransientJobError`: the job is redelivered later and starts again at step 1.
4. `OrderRejected` (insufficient funds, invalid order) is permanent and returned to the caller to
   record; a "duplicate client id" rejection means it exists: look it up.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

from tenacity import RetryError, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from verzek.db import Prepared, fetch_rows
from verzek.execution.ports import (
    ZERO,
    Exchange,
    OrderNotFound,
    OrderRejected,
    OrderRequest,
    OrderSide,
    OrderState,
    OrderStatus,
    OrderType,
    OutcomeUnknown,
    RateLimited,
    RequestNotSent,
)
from verzek.observability import logger


class TransientJobError(Exception):
    """Retry the whole job later (SQS redelivery): nothing unsafe happened."""


class PositionBusy(TransientJobError):
    """Another worker holds this position right now."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_wait: float = 0.25
    max_wait: float = 4.0
    lookup_attempts: int = 5  # "order not found" right after an unknown outcome
    sleep: Callable[[float], None] = time.sleep


class OrderPlacer:
    def __init__(self, exchange: Exchange, policy: RetryPolicy | None = None, *,
                 position_side: str | None = None) -> None:
        self.exchange = exchange
        self.policy = policy or RetryPolicy()
        # hedge mode: the side of the position every order sent opens or closes (None: one-way)
        self.position_side = position_side

    def _retrying(self, exc_types, attempts: int) -> Retrying:
        p = self.policy
        return Retrying(retry=retry_if_exception_type(exc_types), stop=stop_after_attempt(attempts),
                        wait=wait_exponential(multiplier=p.base_wait, max=p.max_wait), sleep=p.sleep, reraise=True)

    def lookup(self, symbol: str, client_order_id: str, *, not_found_attempts: int = 1,
               trigger: bool = False) -> OrderState | None:
        """The order by client id, or None. Reads are safe to repeat: transient errors are retried.
        `trigger=True` for stop orders (the exchange may keep them in another book)."""
        retryable = (RequestNotSent, RateLimited, OutcomeUnknown) + ((OrderNotFound,) if not_found_attempts > 1
                                                                      else ())
        hint = {"trigger": True} if trigger else {}
        try:
            for attempt in self._retrying(retryable, max(self.policy.attempts, not_found_attempts)):
                with attempt:
                    return self.exchange.fetch_order(symbol, client_order_id, **hint)
        except OrderNotFound:
            return None
        except (RequestNotSent, RateLimited, OutcomeUnknown) as exc:
            raise TransientJobError(f"could not look up order {client_order_id}: {exc.reason}") from exc
        return None

    def lookup_many(self, symbol: str, orders: Sequence[tuple[str, bool]]) -> dict[str, OrderState]:
        """Several orders of one symbol, given as (client id, is a stop order): the states found, by
        client id (an id missing from the answer is not on the exchange). An exchange that answers
        for several orders at once (`fetch_orders`: the paper account, one transaction) is asked
        once; any other is asked order by order (`lookup`)."""
        batch = getattr(self.exchange, "fetch_orders", None)
        if not callable(batch) or len(orders) < 2:
            found = {}
            for cid, trigger in orders:
                state = self.lookup(symbol, cid, trigger=trigger)
                if state is not None:
                    found[cid] = state
            return found
        ids = [cid for cid, _ in orders]
        try:
            for attempt in self._retrying((RequestNotSent, RateLimited, OutcomeUnknown), self.policy.attempts):
                with attempt:
                    return batch(symbol, ids)
        except (RequestNotSent, RateLimited, OutcomeUnknown) as exc:
            raise TransientJobError(f"could not look up orders {', '.join(ids)}: {exc.reason}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def place_or_reconcile(self, request: OrderRequest, *, never_sent: bool = False) -> OrderState:
        """`never_sent`: the caller wrote this order's row itself, in a transaction committed just
        before (no earlier attempt can have sent an order with this client id): no lookup first."""
        trigger = request.type == OrderType.STOP_MARKET
        if self.position_side is not None and request.position_side is None:
            request = dataclasses.replace(request, position_side=self.position_side)
        if not never_sent:
            existing = self.lookup(request.symbol, request.client_order_id, trigger=trigger)
            if existing is not None:
                logger.info("order already on the exchange: reconciled",
                            extra={"client_order_id": request.client_order_id})
                return existing
        try:
            for attempt in self._retrying((RequestNotSent, RateLimited), self.policy.attempts):
                with attempt:
                    return self.exchange.create_order(request)
        except (RequestNotSent, RateLimited) as exc:
            raise TransientJobError(f"order {request.client_order_id} not sent: {exc.reason}") from exc
        except OutcomeUnknown:
            found = self.lookup(request.symbol, request.client_order_id,
                                not_found_attempts=self.policy.lookup_attempts, trigger=trigger)
            if found is not None:
                return found
            raise TransientJobError(f"order {request.client_order_id}: outcome unknown and not found yet; "
                                    "will look it up again before placing anything") from None
        except OrderRejected as exc:
            if exc.kind == "duplicate":
                found = self.lookup(request.symbol, request.client_order_id,
                                    not_found_attempts=self.policy.lookup_attempts, trigger=trigger)
                if found is not None:
                    return found
                raise TransientJobError(f"order {request.client_order_id} reported duplicate but not found") from exc
            raise
        raise AssertionError("unreachable")  # pragma: no cover

    def place_new_many(self, requests: Sequence[OrderRequest]) -> list[OrderState | OrderRejected] | None:
        """Orders no earlier attempt can have sent (`place_or_reconcile`'s `never_sent`) in one call,
        on an exchange that takes several at once (`create_orders`: the paper account, one
        transaction): per order its state or its refusal. None when the exchange takes orders one
        by one. After an unknown outcome each is looked up, never resent; a client id the exchange
        already has falls back to `place_or_reconcile` (looked up first)."""
        batch = getattr(self.exchange, "create_orders", None)
        if not callable(batch) or len(requests) < 2:
            return None
        if self.position_side is not None:  # hedge mode: as `place_or_reconcile` sends them
            requests = [r if r.position_side is not None else dataclasses.replace(r, position_side=self.position_side)
                        for r in requests]
        try:
            for attempt in self._retrying((RequestNotSent, RateLimited), self.policy.attempts):
                with attempt:
                    answers = batch(requests)
        except (RequestNotSent, RateLimited) as exc:
            raise TransientJobError(f"orders {', '.join(r.client_order_id for r in requests)} not sent: "
                                    f"{exc.reason}") from exc
        except OutcomeUnknown:  # never resent blindly: each is looked up (with backoff), as one order would be
            found = []
            for request in requests:
                state = self.lookup(request.symbol, request.client_order_id,
                                    not_found_attempts=self.policy.lookup_attempts,
                                    trigger=request.type == OrderType.STOP_MARKET)
                if state is None:
                    raise TransientJobError(f"order {request.client_order_id}: outcome unknown and not found yet; "
                                            "will look it up again before placing anything") from None
                found.append(state)
            return found
        except OrderRejected:  # refused as a whole (a client id it already has): nothing of the call was taken
            answers = [OrderRejected("", "duplicate")] * len(requests)
        return [self._reconciled(r) if isinstance(a, OrderRejected) and a.kind == "duplicate" else a
                for r, a in zip(requests, answers)]

    def _reconciled(self, request: OrderRequest) -> OrderState | OrderRejected:
        try:
            return self.place_or_reconcile(request)
        except OrderRejected as exc:
            return exc

    def cancel(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState | None:
        hint = {"trigger": True} if trigger else {}
        try:
            for attempt in self._retrying((RequestNotSent, RateLimited, OutcomeUnknown), self.policy.attempts):
                with attempt:
                    return self.exchange.cancel_order(symbol, client_order_id, **hint)
        except OrderNotFound:
            return None
        except (RequestNotSent, RateLimited, OutcomeUnknown) as exc:
            raise TransientJobError(f"could not cancel {client_order_id}: {exc.reason}") from exc
        except RetryError as exc:  # pragma: no cover - reraise=True makes this unreachable
            raise TransientJobError(str(exc)) from exc
        return None


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------

ORDER_COLUMNS = ("id, position_id, user_id, client_order_id, exchange_order_id, role, leg, side, order_type, price, "
                 "trigger_price, amount, filled, average_price, fee, fee_currency, reduce_only, status, error, "
                 "last_fill_ms, updated_at")


def row_status(state: OrderState) -> str:
    if state.status == OrderStatus.OPEN:
        return "partially_filled" if state.filled > 0 else "open"
    return {OrderStatus.FILLED: "filled", OrderStatus.CANCELLED: "cancelled", OrderStatus.REJECTED: "rejected",
            OrderStatus.EXPIRED: "expired"}[state.status]


def is_protective_stop(row: dict) -> bool:
    """A resting reduce-only stop order (as opposed to the monitor's market close after a stop)."""
    return row["role"] == "sl" and row["order_type"] == OrderType.STOP_MARKET.value


def request_from_row(row: dict, symbol: str) -> OrderRequest:
    return OrderRequest(client_order_id=row["client_order_id"], symbol=symbol, side=OrderSide(row["side"]),
                        type=OrderType(row["order_type"]), amount=row["amount"], price=row["price"],
                        trigger_price=row["trigger_price"], reduce_only=row["reduce_only"])


def insert_order_row(cur, position_id: int, user_id: int, request: OrderRequest, role: str, leg: int,
                     status: str = "planned") -> None:
    """`status` planned (sent by the next placement) or waiting (a DCA safety order held back until a
    resting one fills)."""
    cur.execute(
        "INSERT INTO orders (position_id, user_id, client_order_id, role, leg, side, order_type, price, "
        "trigger_price, amount, reduce_only, status) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) "
        "ON CONFLICT (client_order_id) DO NOTHING",
        (position_id, user_id, request.client_order_id, role, leg, request.side.value, request.type.value,
         request.price, request.trigger_price, request.amount, request.reduce_only, status))


_ROW_SCALE = Decimal("1e-18")  # orders' amounts are NUMERIC(38, 18)
_ROW_CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)  # PostgreSQL rounds numeric half away from zero


def _as_stored(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_ROW_SCALE, context=_ROW_CONTEXT)


def state_changes_row(row: dict, state: OrderState) -> bool:
    """Whether `record_state(cur, state)` would change anything on `row` (as `load_orders` read it)."""
    return not (row["status"] == row_status(state)
                and (state.exchange_order_id is None or state.exchange_order_id == row["exchange_order_id"])
                and state.filled <= row["filled"]  # (unrounded: a larger one moves last_fill_ms)
                and (state.average is None or _as_stored(state.average) == row["average_price"])
                and _as_stored(state.fee) <= row["fee"]
                and (state.fee_currency is None or state.fee_currency == row["fee_currency"]))


_RECORD_STATE = Prepared(
    "UPDATE orders SET exchange_order_id = COALESCE(%s, exchange_order_id), status = %s, "
    "filled = LEAST(amount, GREATEST(filled, %s)), average_price = COALESCE(%s, average_price), "
    "fee = GREATEST(fee, %s), fee_currency = COALESCE(%s, fee_currency), "
    "last_fill_ms = CASE WHEN %s > filled THEN %s ELSE last_fill_ms END, updated_at = now() "
    "WHERE client_order_id = %s")


def _record_state_params(state: OrderState) -> tuple:
    return (state.exchange_order_id, row_status(state), state.filled, state.average, state.fee, state.fee_currency,
            state.filled, state.updated_ms or None, state.client_order_id)


def record_state_sql(cur, state: OrderState) -> bytes:
    """`record_state`'s statement, bound, to be sent with others in one round trip."""
    return _RECORD_STATE.mogrify(cur, _record_state_params(state))


def record_state(cur, state: OrderState, row: dict | None = None) -> bool:
    """Write what the exchange says about an order onto its row (filled never goes backwards).
    With the `row` as last read, nothing is written when nothing would change. Returns whether
    it wrote."""
    if row is not None and not state_changes_row(row, state):
        return False
    _RECORD_STATE.execute(cur, _record_state_params(state))
    return True


def record_rejection(cur, client_order_id: str, reason: str) -> None:
    cur.execute("UPDATE orders SET status = 'rejected', error = %s, updated_at = now() WHERE client_order_id = %s",
                (reason[:500], client_order_id))


_LOAD_ORDERS = Prepared(f"SELECT {ORDER_COLUMNS} FROM orders WHERE position_id = %s ORDER BY id")


def load_orders(cur, position_id: int, *, prefix: bytes = b"") -> list[dict]:
    """The position's orders; `prefix`: bound statements sent ahead in the same round trip."""
    return fetch_rows(cur, _LOAD_ORDERS, (position_id,), prefix=prefix.decode().replace("%", "%%"))


@dataclass(frozen=True)
class Summary:
    entry_qty: Decimal
    entry_cost: Decimal
    exit_qty: Decimal
    exit_value: Decimal
    fees: Decimal

    @property
    def average_entry(self) -> Decimal | None:
        return self.entry_cost / self.entry_qty if self.entry_qty else None

    @property
    def remaining(self) -> Decimal:
        return self.entry_qty - self.exit_qty

    def realized(self, side: str, contract_size: Decimal = Decimal(1)) -> Decimal:
        """Gross realised PnL of the closed part against the average entry (fees separate)."""
        if not self.exit_qty or not self.entry_qty:
            return ZERO
        direction = 1 if side == "long" else -1
        # fully closed: exact (no division); otherwise the closed share of the entry cost
        basis = self.entry_cost if self.exit_qty == self.entry_qty else self.entry_cost * self.exit_qty / self.entry_qty
        return (self.exit_value - basis) * direction * contract_size

    def unrealized(self, side: str, price: Decimal | None, contract_size: Decimal = Decimal(1)) -> Decimal:
        if price is None or not self.remaining or not self.entry_qty:
            return ZERO
        direction = 1 if side == "long" else -1
        return (price - self.average_entry) * self.remaining * direction * contract_size


def summarize(rows: list[dict]) -> Summary:
    entry_qty = entry_cost = exit_qty = exit_value = fees = ZERO
    for row in rows:
        filled = row["filled"] or ZERO
        fees += row["fee"] or ZERO
        if not filled:
            continue
        value = filled * (row["average_price"] or row["price"] or ZERO)
        if row["role"] in ("entry", "safety"):
            entry_qty += filled
            entry_cost += value
        else:
            exit_qty += filled
            exit_value += value
    return Summary(entry_qty, entry_cost, exit_qty, exit_value, fees)


# ---------------------------------------------------------------------------------------------
# Notifications (outbox rows; dispatched by the notifier)
# ---------------------------------------------------------------------------------------------


def notification_channels(telegram_chat_id: int | None) -> list[tuple[str, str | None]]:
    """(channel, target) for every channel a user has."""
    channels: list[tuple[str, str | None]] = [("console", None), ("push", None)]
    if telegram_chat_id:
        channels.append(("telegram", str(telegram_chat_id)))
    return channels


def notify(cur, user_id: int, telegram_chat_id: int | None, kind: str, text: str, data: dict, dedupe: str,
           *, prefix: bytes = b"") -> None:
    """Queue one notification on every channel the user has; `dedupe` makes a redelivery a no-op.
    `prefix`: bound statements sent ahead in the same round trip."""
    payload = json.dumps({"text": text, "data": data}, default=str)
    rows = [cur.mogrify("(%s, %s, %s, %s, %s, %s)", (user_id, channel, target, kind, payload, f"{dedupe}:{channel}"))
            for channel, target in notification_channels(telegram_chat_id)]
    cur.execute(prefix + b"INSERT INTO notifications (user_id, channel, target, kind, payload, dedupe_key) VALUES "
                + b", ".join(rows) + b" ON CONFLICT (dedupe_key) DO NOTHING")  # one round trip for every channel


def advisory_key(position_id: int) -> int:
    """Lock namespace for positions (high bits tag the purpose so other advisory locks never clash)."""
    return (0x5645 << 48) | position_id
