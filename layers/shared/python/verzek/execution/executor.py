"""The execution-queue consumer: one job → plan → orders → rows → notification.

    from verzek.execution.executor import Executor
    Executor().handle(parse_job(body))     # raises TransientJobError → the message is retried

* `execute_signal` (signal, user): risk checks → market rules, price, free balance → plan → the
  position and its orders are written as 'planned' in one transaction (the intent, before any
  exchange call) → each order is placed through `OrderPlacer.place_or_reconcile` (looks the
  deterministic client id up before placing) and recorded right away → notification.
  Redelivery finds the position and only reconciles its 'planned' orders: one set of orders.
* `signal_update`: the provider's close / cancel / stop move acts on the user's open position.
* `close_position`: a manual close from the app.

Failures: transient ones (network, rate limits, unknown outcomes, a busy position) raise
`TransientJobError` so the queue redelivers; permanent ones (rejected orders, refused plans,
account problems) are recorded on the position with the reason and the user is notified; a job
that is not valid JSON/schema raises and, after the queue's retries, ends in the DLQ.
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal

import psycopg2.errors
import psycopg2.extensions

from verzek.db import Prepared, batch_connection, batch_transaction, connection, fetch_rows, statement
from verzek.domain.jobs import ClosePositionJob, ExecuteSignalJob, SignalUpdateJob, parse_job
from verzek.domain.signals import EntryType, MarginMode, MarketType, Side, Signal, SignalSource
from verzek.execution import markets, risk
from verzek.execution.lifecycle import (
    PositionEngine,
    accepted_entries,
    failed_text,
    failure_reason,
    opened_text,
    opening_error,
)
from verzek.execution.orders import (
    OrderPlacer,
    RetryPolicy,
    TransientJobError,
    notification_channels,
    notify,
    row_status,
)
from verzek.execution.planner import PlanRejected, TradePlan, TradingSettings, plan_trade, taker_fee_rate
from verzek.execution.ports import (
    AccountError,
    ExecutionError,
    OrderRejected,
    OrderRequest,
    OutcomeUnknown,
    RateLimited,
    RequestNotSent,
)
from verzek.execution.venues import VenueProvider
from verzek.observability import logger


def signal_from_row(row: dict) -> Signal:
    market = MarketType(row["market_type"]) if row["market_type"] else (
        MarketType.FUTURES if ":" in row["symbol"] else MarketType.SPOT)
    kwargs = {"provider_chat_id": row["provider_chat_id"], "provider_message_id": row["provider_message_id"]}
    if row["external_id"] is not None:
        kwargs = {"external_id": row["external_id"]}
    return Signal(source=SignalSource(row["source"]), symbol=row["symbol"], side=Side(row["side"]),
                  entry_type=EntryType(row["entry_type"]), entries=tuple(row["entries"] or ()),
                  targets=tuple(row["targets"] or ()), stop_loss=row["stop_loss"],
                  stop_loss_pct=row.get("stop_loss_pct"), market=market,
                  leverage=row["leverage"], margin_mode=MarginMode(row["margin_mode"]) if row["margin_mode"] else None,
                  **kwargs)


def market_symbol(signal: Signal) -> tuple[str, str]:
    """(ccxt unified symbol, spot|futures) for the signal."""
    if signal.market == MarketType.FUTURES or ":" in signal.symbol:
        if ":" in signal.symbol:
            return signal.symbol, "futures"
        return f"{signal.symbol}:{signal.symbol.split('/')[1]}", "futures"
    return signal.symbol, "spot"


# the per-job reads, prepared once per connection (a fan-out runs them once per user)
_SIGNAL = Prepared("SELECT * FROM signals WHERE id = %s")
_SETTINGS = Prepared("SELECT ts.*, u.telegram_chat_id, ea.exchange AS account_exchange FROM trading_settings ts "
                     "JOIN users u ON u.id = ts.user_id "
                     "LEFT JOIN exchange_accounts ea ON ea.id = ts.exchange_account_id WHERE ts.user_id = %s")
_EXISTING = Prepared("SELECT id, status FROM positions WHERE user_id = %s AND signal_id = %s")
# the same reads for a whole batch, one round trip each (see `Executor._prefetch`)
_SIGNALS = Prepared("SELECT * FROM signals WHERE id = ANY(%s)")
_SETTINGS_MANY = Prepared("SELECT ts.*, u.telegram_chat_id, ea.exchange AS account_exchange FROM trading_settings ts "
                          "JOIN users u ON u.id = ts.user_id "
                          "LEFT JOIN exchange_accounts ea ON ea.id = ts.exchange_account_id "
                          "WHERE ts.user_id = ANY(%s)")
# per (user, signal) job: the position it already has (redelivery) and the user's other live positions
_JOB_POSITIONS = Prepared(
    "SELECT j.user_id, j.signal_id, "
    "(SELECT id FROM positions p WHERE p.user_id = j.user_id AND p.signal_id = j.signal_id) AS existing, "
    "(SELECT count(*) FROM positions p WHERE p.user_id = j.user_id AND p.signal_id <> j.signal_id "
    "AND p.status IN ('pending', 'open', 'closing')) AS open_positions "
    "FROM unnest(%s::bigint[], %s::bigint[]) AS j(user_id, signal_id)")


# the orders' values are bound into the text at `{orders}` (their `%` doubled) before the position's parameters
_ORDER_VALUES = ("(%s::bigint, %s::text, %s::text, %s::integer, %s::text, %s::text, %s::numeric, %s::numeric, "
                 "%s::numeric, %s::boolean, %s::text)")
_INSERT_POSITION_AND_ORDERS = (
    b"WITH p AS (INSERT INTO positions (user_id, signal_id, exchange_account_id, mode, exchange, symbol, side, "
    b"market_type, leverage, status, plan, amount, stop_loss) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,'pending',%s,%s,%s) "
    b"ON CONFLICT (user_id, signal_id) DO NOTHING RETURNING id), "
    b"o AS (INSERT INTO orders (position_id, user_id, client_order_id, role, leg, side, order_type, price, "
    b"trigger_price, amount, reduce_only, status) "
    b"SELECT p.id, v.* FROM p, (VALUES {orders}) AS v ON CONFLICT (client_order_id) DO NOTHING) "
    b"SELECT id FROM p")


# the position's unique key: a duplicate of the job committed first (`Executor._open_in_batch`)
_POSITION_KEY = "positions_user_signal_unique"
# `handle_batch` → `_open_in_batch`: the job may end its statement with the next job's savepoint
_SAVEPOINT_RENEWAL: contextvars.ContextVar[dict | None] = contextvars.ContextVar("verzek_savepoint_renewal",
                                                                                 default=None)
_RENEW_SAVEPOINT = b"RELEASE SAVEPOINT job; SAVEPOINT job"

# a new paper position inserted already open (or failed) with its orders' states and its notification
# (`Executor._open_in_batch`), prepared once per connection; a position already there fails it on
# its unique key: the orders and the notification's
# channels come as one array per column (any number of rows, the same statement); the notification's
# payload and dedupe key get the new position's id in SQL
_INSERT_OPENED = Prepared(
    "WITH p AS (INSERT INTO positions (user_id, signal_id, exchange_account_id, mode, exchange, symbol, side, "
    "market_type, leverage, status, plan, amount, stop_loss, error, opened_at) VALUES (%(user)s, %(signal)s, "
    "%(account)s::bigint, %(mode)s, %(exchange)s, %(symbol)s, %(side)s, %(market_type)s, %(leverage)s, %(status)s, "
    "%(plan)s::jsonb, %(amount)s, %(stop_loss)s::numeric, %(error)s::text, %(opened_at)s::timestamptz) "
    "RETURNING id), "
    "o AS (INSERT INTO orders (position_id, user_id, client_order_id, role, leg, side, order_type, price, "
    "trigger_price, amount, reduce_only, status, exchange_order_id, filled, average_price, fee, fee_currency, "
    "last_fill_ms, error) SELECT p.id, %(user)s, v.cid, v.role, v.leg::integer, v.side, v.type, v.price::numeric, "
    "NULL, v.amount::numeric, false, v.status, v.xid, v.filled::numeric, v.average::numeric, v.fee::numeric, "
    "v.fee_currency, v.last_fill_ms::bigint, v.error FROM p, "
    "unnest(%(cids)s::text[], %(roles)s::text[], %(legs)s::text[], %(sides)s::text[], %(types)s::text[], "
    "%(prices)s::text[], %(amounts)s::text[], %(statuses)s::text[], %(xids)s::text[], %(filled)s::text[], "
    "%(averages)s::text[], %(fees)s::text[], %(fee_currencies)s::text[], %(last_fills)s::text[], "
    "%(errors)s::text[]) AS v(cid, role, leg, side, type, price, amount, status, xid, filled, average, fee, "
    "fee_currency, last_fill_ms, error) ON CONFLICT (client_order_id) DO NOTHING), "
    "n AS (INSERT INTO notifications (user_id, channel, target, kind, payload, dedupe_key) "
    "SELECT %(user)s, v.channel, v.target, %(kind)s, "
    "jsonb_set(%(payload)s::jsonb, '{data,position_id}', to_jsonb(p.id)), %(dedupe)s || p.id || ':' || v.channel "
    "FROM p, unnest(%(channels)s::text[], %(targets)s::text[]) AS v(channel, target) "
    "ON CONFLICT (dedupe_key) DO NOTHING) "
    "SELECT id FROM p")


# (parameter, the order row's key) for the orders' columns of `_INSERT_OPENED`: text arrays (cast in
# SQL), so that NULLs and any number of rows fit the same prepared parameter types
_OPENED_ORDER_COLUMNS = (("cids", "client_order_id"), ("roles", "role"), ("legs", "leg"), ("sides", "side"),
                         ("types", "order_type"), ("prices", "price"), ("amounts", "amount"), ("statuses", "status"),
                         ("xids", "exchange_order_id"), ("filled", "filled"), ("averages", "average_price"),
                         ("fees", "fee"), ("fee_currencies", "fee_currency"), ("last_fills", "last_fill_ms"),
                         ("errors", "error"))


@dataclass(frozen=True)
class Known:
    """What `Executor._prefetch` read for one job of a batch (the per-job reads, done batch-wide)."""

    signal: dict | None
    settings: dict | None
    existing: dict | None
    open_positions: int
    kill_switch: bool


class NotBatched(Exception):
    """This job is not for a batch's shared transaction (a live account, a redelivery, a reversal):
    it is rolled back to its savepoint and run on its own after the batch."""


class NotStarted(Exception):
    """Left for redelivery without being touched (the caller's `may_start` said no)."""


class Executor:
    def __init__(self, venues: VenueProvider | None = None, policy: RetryPolicy | None = None) -> None:
        self.venues = venues or VenueProvider()
        self.engine = PositionEngine(self.venues, policy)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.venues.clock() / 1000, tz=UTC)

    def handle(self, job, *, known: Known | None = None, log: bool = True) -> str:
        """One job's outcome. `log=False`: the caller logs it (`handle_batch`: one line per batch)."""
        if isinstance(job, ExecuteSignalJob):
            outcome = self.execute_signal(job, known=known)
        elif isinstance(job, SignalUpdateJob):
            outcome = self.apply_update(job)
        elif isinstance(job, ClosePositionJob):
            outcome = self.close_position(job)
        else:  # pragma: no cover - parse_job only returns the three
            raise TypeError(f"unknown job {type(job).__name__}")
        if log:
            logger.info("job done", extra={"job": job.type, "dedupe_key": job.dedupe_key, "outcome": outcome})
        return outcome

    def handle_batch(self, jobs: Sequence, *, may_start: Callable[[], bool] | None = None) -> list:
        """A batch of jobs (one SQS batch, one lease of the local queue): each job's outcome, or the
        exception that fails it (its message is redelivered), in the jobs' order.

        New paper trades (`execute_signal` for a paper account) run in one transaction
        (`verzek.db.batch_transaction`), the paper account's orders included: one commit for the
        batch instead of several per job. Each job runs under a savepoint, so one that raises is
        rolled back alone (and reported failed) while the others commit; a crash before the commit
        loses the whole batch, and its redelivery starts clean. Everything else — live accounts
        (their orders reach an exchange: the intent must be committed before each call, see
        `PositionEngine.place_pending`), redeliveries finding a position, reversals, updates and
        closes — runs job by job afterwards, as `handle` does. `may_start` is asked before each
        job; once it says no, the rest are reported `NotStarted`."""
        results: list = [None] * len(jobs)
        alone: list[int] = []
        batched = sorted((i for i, job in enumerate(jobs) if isinstance(job, ExecuteSignalJob)),
                         key=lambda i: (jobs[i].user_id, jobs[i].signal_id))  # one lock order for all batches
        stopped = False
        if batched:
            try:
                with batch_transaction() as conn, conn.cursor() as cur:
                    known = dict(zip(batched, self._prefetch(cur, [jobs[i] for i in batched])))
                    seen: set[int] = set()
                    release = ""  # the previous job's savepoint is released with the next one's start
                    renewed = False  # ... or the previous job's last statement took the next one's already
                    for i in batched:
                        if stopped or (may_start is not None and not may_start()):
                            stopped = True
                            results[i] = NotStarted()
                            continue
                        job = jobs[i]
                        if not renewed:
                            cur.execute(release + "SAVEPOINT job")
                        release, renewal = "", {"renewed": False}
                        token = _SAVEPOINT_RENEWAL.set(renewal)
                        try:
                            # what was read for the batch holds for a user's first job only: a
                            # second one must see what the first wrote (its position, a pause)
                            results[i] = self.handle(job, known=None if job.user_id in seen else known[i],
                                                     log=False)
                        except Exception as exc:
                            if renewal["renewed"]:  # its savepoint is gone: it cannot be undone alone
                                raise
                            cur.execute("ROLLBACK TO SAVEPOINT job")  # this job's writes undone
                            if isinstance(exc, NotBatched):
                                alone.append(i)
                            else:  # it fails alone (redelivered)
                                results[i] = exc
                        finally:
                            _SAVEPOINT_RENEWAL.reset(token)
                        renewed = renewal["renewed"]
                        release = "RELEASE SAVEPOINT job; "
                        seen.add(job.user_id)
            except Exception as exc:  # noqa: BLE001 - the commit (or the connection) failed: nothing of the batch
                for i in batched:        # is saved; every job not already failed or handed back is redelivered
                    if i not in alone and not isinstance(results[i], BaseException):
                        results[i] = exc
            # one line for the batch's transaction, once its outcome is known (after the commit), not
            # one per job (a JSON log line costs about as much CPU as planning the trade)
            logger.info("batch done", extra={"jobs": " ".join(
                f"{jobs[i].dedupe_key}={results[i] if isinstance(results[i], str) else type(results[i]).__name__}"
                for i in batched if i not in alone)})
        for i in alone + [i for i in range(len(jobs)) if i not in set(batched)]:
            if stopped or (may_start is not None and not may_start()):
                stopped = True
                results[i] = NotStarted()
                continue
            try:
                results[i] = self.handle(jobs[i])
            except Exception as exc:  # noqa: BLE001 - reported for this job only (redelivered)
                results[i] = exc
        return results

    def handle_bodies(self, bodies: Sequence, *, may_start: Callable[[], bool] | None = None) -> list:
        """`handle_batch` on queue message bodies: a body that is not a valid job gets its
        validation error as its result (it fails alone, and ends in the dead letters)."""
        results: list = [None] * len(bodies)
        jobs, where = [], []
        for i, body in enumerate(bodies):
            try:
                jobs.append(parse_job(body))
                where.append(i)
            except ValueError as exc:  # pydantic's ValidationError and JSON errors are ValueErrors
                results[i] = exc
        for i, result in zip(where, self.handle_batch(jobs, may_start=may_start) if jobs else []):
            results[i] = result
        return results

    @staticmethod
    def _prefetch(cur, jobs: Sequence[ExecuteSignalJob]) -> list[Known]:
        """`execute_signal`'s reads for every job of a batch in four round trips (not five per job)."""
        signals = {r["id"]: r for r in fetch_rows(cur, _SIGNALS, (sorted({j.signal_id for j in jobs}),))}
        settings = {r["user_id"]: r for r in fetch_rows(cur, _SETTINGS_MANY, (sorted({j.user_id for j in jobs}),))}
        positions = {(r["user_id"], r["signal_id"]): r for r in fetch_rows(
            cur, _JOB_POSITIONS, ([j.user_id for j in jobs], [j.signal_id for j in jobs]))}
        halted = risk.global_kill_switch_on(cur)
        known = []
        for job in jobs:
            found = positions[(job.user_id, job.signal_id)]
            known.append(Known(signals.get(job.signal_id), settings.get(job.user_id),
                               None if found["existing"] is None else {"id": found["existing"]},
                               found["open_positions"], halted))
        return known

    # --- execute_signal ---
    def execute_signal(self, job: ExecuteSignalJob, *, known: Known | None = None) -> str:
        if known is None:
            # three reads, each one round trip outside a transaction block (nothing is written here)
            signal_row = next(iter(statement(_SIGNAL, (job.signal_id,))), None)
            settings_row = next(iter(statement(_SETTINGS, (job.user_id,))), None)
            existing = next(iter(statement(_EXISTING, (job.user_id, job.signal_id))), None)
        else:
            signal_row, settings_row, existing = known.signal, known.settings, known.existing
        if signal_row is None:
            logger.warning("job for an unknown signal ignored", extra={"signal_id": job.signal_id})
            return "signal_missing"
        if settings_row is None:
            return "no_settings"
        settings = TradingSettings.from_row(settings_row)
        batched = batch_connection() is not None
        if batched and (existing is not None or settings.mode != "paper"):
            raise NotBatched()
        if existing is not None:  # redelivery or a concurrent duplicate: reconcile, never re-plan
            return self.engine.place_pending(existing["id"])
        if not settings.auto_trade:
            return "auto_trade_off"
        if signal_row["status"] != "open" or signal_row["rejected_reason"]:
            return "signal_not_open"
        signal = signal_from_row(signal_row)
        symbol, market_type = market_symbol(signal)
        if settings.mode == "live" and market_type == "futures":
            # the account's exchange may list the coin's perpetual under another settle currency (Kraken
            # Futures: BTC/USD:USD); the position, its risk checks and its orders use that market
            symbol = markets.venue_symbol(symbol, settings_row["account_exchange"] or "")
        ctx = {"user_id": job.user_id, "signal_id": job.signal_id, "symbol": symbol, "market_type": market_type,
               "side": signal.side.value, "mode": settings.mode,
               "exchange": "paper" if settings.mode == "paper" else (settings_row["account_exchange"] or "unknown"),
               "exchange_account_id": settings.exchange_account_id if settings.mode == "live" else None,
               "chat": settings_row["telegram_chat_id"]}

        with connection() as conn, conn.cursor() as cur:
            block = risk.precheck(cur, user_id=job.user_id, signal_id=job.signal_id, source=signal.source.value,
                                  symbol=symbol, settings=settings, now=self.now(),
                                  open_positions=None if known is None else known.open_positions,
                                  halted=None if known is None else known.kill_switch)
            if block is not None:
                return self._record_skip(cur, ctx, block.code, block.reason, notify_user=block.notify)
            opposite = risk.opposite_positions(cur, user_id=job.user_id, signal_id=job.signal_id, symbol=symbol,
                                               market_type=market_type, side=signal.side.value, mode=settings.mode)
            if opposite and settings.opposite_signal_policy == "refuse":
                return self._record_skip(cur, ctx, "opposite_position", risk.opposite_reason(symbol, opposite))
        try:
            with connection() as conn, conn.cursor() as cur:
                venue = self.venues.venue(cur, user_id=job.user_id, mode=settings.mode,
                                          exchange_account_id=settings.exchange_account_id, market_type=market_type)
            exchange = venue.exchange
            hedged = False
            if market_type == "futures":
                # live: the account's position mode, read from the exchange per trade (a hedge-mode account
                # refuses one-way orders, Binance -4061, and the reverse); paper: the user's policy
                position_mode = getattr(exchange, "position_mode", None)
                if callable(position_mode):
                    hedged = position_mode(symbol) == "hedge"
                    if hedged and settings.opposite_signal_policy != "hedge":
                        raise AccountError("your futures account is in hedge mode: choose the opposite-signal "
                                           "policy hedge to trade it, or switch the account's position mode to "
                                           "one-way")
                else:
                    hedged = settings.opposite_signal_policy == "hedge"
            if opposite and settings.opposite_signal_policy == "hedge" and not hedged:
                with connection() as conn, conn.cursor() as cur:
                    return self._record_skip(cur, ctx, "opposite_position", risk.opposite_reason(
                        symbol, opposite, policy="hedge"))
            rules = exchange.market_rules(symbol)
            last_price = exchange.last_price(symbol)
            # a new paper trade in a batch: the paper account is read once, by `_open_in_batch`
            in_batch = batched and not opposite and known is not None and callable(getattr(exchange, "held", None))
            if not in_batch:
                free = exchange.free_balance(rules.quote)
        except (RequestNotSent, RateLimited, OutcomeUnknown) as exc:
            raise TransientJobError(exc.reason) from exc
        except (AccountError, OrderRejected, ExecutionError) as exc:
            return self._record_failed_venue(ctx, exc)
        ctx["exchange"] = venue.exchange_name
        if in_batch:
            return self._open_in_batch(job, signal, settings, ctx, venue, rules, last_price, hedged)

        plan = self._sized_plan(job, signal, settings, ctx, exchange, rules, last_price, free, hedged)
        if isinstance(plan, str):
            return plan
        if opposite and batched:
            raise NotBatched()
        # close-and-reverse, only once nothing can refuse the new trade any more (hedge mode, the plan,
        # the sized limits and protections): the held side is closed at market, its close sent before the
        # new entry (the venue fills a close before an entry on the same candle), then the new one opens
        for held in opposite if settings.opposite_signal_policy == "reverse" else ():
            self.engine.close(held["id"], reason="reversed")

        safety = sorted(o.leg for o in plan.orders if o.role == "safety")
        held_back = set(safety[plan.max_active_safety:]) if plan.max_active_safety else set()
        with connection() as conn, conn.cursor() as cur:
            # the position and its orders in one statement (one round trip): the orders only when the
            # position is new (a concurrent duplicate's insert does nothing, and neither do its orders)
            orders = b",".join(cur.mogrify(_ORDER_VALUES, (
                job.user_id, order.client_order_id, order.role, order.leg, order.side.value, order.type.value,
                order.price, None, order.amount, False,
                "waiting" if order.role == "safety" and order.leg in held_back else "planned"))
                for order in plan.orders)
            cur.execute(_INSERT_POSITION_AND_ORDERS.replace(b"{orders}", orders.replace(b"%", b"%%")), (
                job.user_id, job.signal_id, ctx["exchange_account_id"], settings.mode, venue.exchange_name, symbol,
                signal.side.value, market_type, plan.leverage, json.dumps(plan.to_json()),
                sum((o.amount for o in plan.orders if o.role == "entry"), Decimal(0)), plan.stop_loss))
            row = cur.fetchone()
            created = row is not None
            if not created:
                cur.execute("SELECT id FROM positions WHERE user_id = %s AND signal_id = %s",
                            (job.user_id, job.signal_id))
                row = cur.fetchone()
        # the intent is committed before the first exchange call
        return self.engine.place_pending(row["id"], created=created)

    def _record_failed_venue(self, ctx: dict, exc: ExecutionError) -> str:
        with connection() as conn, conn.cursor() as cur:
            return self._record_skip(cur, ctx, "account_error" if isinstance(exc, AccountError) else "market",
                                     exc.reason, status="failed")

    def _sized_plan(self, job: ExecuteSignalJob, signal: Signal, settings: TradingSettings, ctx: dict, exchange,
                    rules, last_price: Decimal, free: Decimal, hedged: bool) -> TradePlan | str:
        """The trade's plan, or the outcome of a refusal (recorded): the plan refused, or a check that
        needs its size (`risk.check_sized`) blocking it."""
        symbol = ctx["symbol"]
        try:
            plan = plan_trade(signal, settings, rules, free_balance=free, last_price=last_price,
                              fee_rate=taker_fee_rate(exchange, symbol),
                              signal_id=job.signal_id, user_id=job.user_id)
            if hedged:  # every order of the position names its side (Binance positionSide, Bybit positionIdx)
                plan = replace(plan, hedged=True)
        except PlanRejected as exc:
            with connection() as conn, conn.cursor() as cur:
                return self._record_skip(cur, ctx, exc.code, exc.reason)
        with connection() as conn, conn.cursor() as cur:
            block = risk.check_sized(cur, user_id=job.user_id, signal_id=job.signal_id, settings=settings,
                                     notional=plan.notional, free_balance=free, now=self.now(), symbol=symbol)
            if block is not None:
                return self._record_skip(cur, ctx, block.code, block.reason, notify_user=block.notify)
        return plan

    def _open_in_batch(self, job: ExecuteSignalJob, signal: Signal, settings: TradingSettings, ctx: dict,
                       venue, rules, last_price: Decimal, hedged: bool) -> str:
        """A new paper trade inside a batch's transaction (`handle_batch`), where the paper account
        joins the transaction: its rows are read once (`DbPaperExchange.held`: the free balance and
        the order placement run on them), the orders are placed first, and the position is inserted
        already open (or failed) with its orders' states and its notification, in one statement
        sent with the paper account's writes. No 'planned' row is written and then updated: per
        job one read and one write (two for a paper account's very first trade), not eight round
        trips. Exactly-once as for the rest of the batch: everything here commits or rolls back
        together; a position already there (a duplicate committed meanwhile) keeps nothing of this
        attempt (`NotBatched`: its savepoint is rolled back and it takes the reconcile path)."""
        exchange, symbol, side = venue.exchange, ctx["symbol"], ctx["side"]
        with exchange.held() as paper_writes:
            try:
                free = exchange.free_balance(rules.quote)
            except (RequestNotSent, RateLimited, OutcomeUnknown) as exc:
                raise TransientJobError(exc.reason) from exc
            except (AccountError, OrderRejected, ExecutionError) as exc:
                outcome = self._record_failed_venue(ctx, exc)
            else:
                plan = outcome = self._sized_plan(job, signal, settings, ctx, exchange, rules, last_price, free,
                                                  hedged)
            if not isinstance(outcome, str):
                safety = sorted(o.leg for o in plan.orders if o.role == "safety")
                held_back = set(safety[plan.max_active_safety:]) if plan.max_active_safety else set()
                sent = [o for o in plan.orders if not (o.role == "safety" and o.leg in held_back)]
                placer = OrderPlacer(exchange, self.engine.policy, position_side=side if plan.hedged else None)
                answers, rejections = self._place_in_batch(placer, plan, sent, symbol, ctx["market_type"])
        if isinstance(outcome, str):  # refused: what the paper account changed (a first balance) is still kept
            if paper_writes:
                with connection() as conn, conn.cursor() as cur:
                    cur.execute(b"; ".join(paper_writes))
            return outcome

        rows = []  # the orders as their rows will read
        for order in plan.orders:
            answer = answers.get(order.client_order_id)
            row = {"client_order_id": order.client_order_id, "role": order.role, "leg": order.leg,
                   "side": order.side.value, "order_type": order.type.value, "price": order.price,
                   "amount": order.amount, "status": "waiting", "exchange_order_id": None, "filled": Decimal(0),
                   "average_price": None, "fee": Decimal(0), "fee_currency": None, "last_fill_ms": None,
                   "error": None}
            if isinstance(answer, ExecutionError):
                row.update(status="rejected", error=answer.reason[:500])
            elif answer is not None:
                row.update(status=row_status(answer), exchange_order_id=answer.exchange_order_id,
                           filled=min(order.amount, answer.filled), average_price=answer.average, fee=answer.fee,
                           fee_currency=answer.fee_currency,
                           last_fill_ms=(answer.updated_ms or None) if answer.filled > 0 else None)
            rows.append(row)
        accepted = accepted_entries(rows)
        pos = {"mode": settings.mode, "side": side, "symbol": symbol}
        data = {"signal_id": job.signal_id, "symbol": symbol, "side": side, "mode": settings.mode}
        if accepted:
            error = opening_error(rejections)
            status, amount, opened_at = "open", sum((r["amount"] for r in accepted), Decimal(0)), self.now()
            kind, text, dedupe, data = ("position_opened", opened_text(pos, accepted, plan, error), "opened-",
                                        {**data, "leverage": plan.leverage})
        else:
            error = failure_reason(rejections)
            status, opened_at = "failed", None
            amount = sum((o.amount for o in plan.orders if o.role == "entry"), Decimal(0))
            kind, text, dedupe, data = "trade_failed", failed_text(pos, error), "failed-", {**data, "reason": error}
        channels = notification_channels(ctx["chat"])
        with connection() as conn, conn.cursor(cursor_factory=psycopg2.extensions.cursor) as cur:  # a tuple row
            opened = _INSERT_OPENED.mogrify(cur, {
                "user": job.user_id, "signal": job.signal_id, "account": ctx["exchange_account_id"],
                "mode": settings.mode, "exchange": venue.exchange_name, "symbol": symbol, "side": side,
                "market_type": ctx["market_type"], "leverage": plan.leverage, "status": status,
                "plan": json.dumps(plan.to_json()), "amount": amount, "stop_loss": plan.stop_loss, "error": error,
                "opened_at": opened_at,
                **{name: [None if r[column] is None else str(r[column]) for r in rows]
                   for name, column in _OPENED_ORDER_COLUMNS},
                "kind": kind, "payload": json.dumps({"text": text, "data": data}, default=str), "dedupe": dedupe,
                "channels": [channel for channel, _ in channels], "targets": [target for _, target in channels]})
            filled = any(r["filled"] > 0 for r in accepted)
            # nothing of this job follows the statement (no stop to place): the next job's savepoint is
            # taken in the same round trip (`handle_batch`); if the statement fails, neither runs
            renewal = None if filled else _SAVEPOINT_RENEWAL.get()
            try:
                cur.execute(b"; ".join([*paper_writes, opened, *([_RENEW_SAVEPOINT] if renewal is not None else [])]))
            except psycopg2.errors.UniqueViolation as exc:
                if exc.diag.constraint_name == _POSITION_KEY:  # a duplicate of this job committed first:
                    raise NotBatched() from None               # nothing of this attempt is kept, it reconciles
                raise
            if renewal is not None:
                renewal["renewed"] = True
            else:
                [position_id] = cur.fetchone()
        if filled:  # a market entry filled at once: protect it now
            with connection() as conn, conn.cursor() as cur:
                try:
                    self.engine._sync_protective_stop(conn, cur, self.engine._load(cur, position_id), venue, placer,
                                                      plan.stop_loss)
                except ExecutionError as exc:  # the monitor places it on its next tick
                    logger.warning("protective stop not placed at open", extra={"position_id": position_id,
                                                                                "reason": exc.reason})
        return "opened" if accepted else "failed"

    @staticmethod
    def _place_in_batch(placer: OrderPlacer, plan: TradePlan, orders: list, symbol: str,
                        market_type: str) -> tuple[dict, list[str]]:
        """Place a new position's orders (none can have been sent before: the position does not exist
        yet): each order's state or refusal by client id, and the refusals as the position's error
        lists them. A refusal of the whole call (the leverage) refuses every order."""
        requests = [OrderRequest(o.client_order_id, symbol, o.side, o.type, o.amount, o.price) for o in orders]
        try:
            if market_type == "futures":
                placer.exchange.set_leverage(symbol, plan.leverage, plan.margin_mode)
            answers = placer.place_new_many(requests)
            if answers is None:
                answers = []
                for request in requests:
                    try:
                        answers.append(placer.place_or_reconcile(request, never_sent=True))
                    except OrderRejected as exc:
                        answers.append(exc)
        except ExecutionError as exc:
            if isinstance(exc, (RequestNotSent, RateLimited, OutcomeUnknown)):
                raise TransientJobError(exc.reason) from exc
            return {r.client_order_id: exc for r in requests}, [exc.reason]
        rejections = []
        for order, answer in zip(orders, answers):
            if isinstance(answer, OrderRejected):
                rejections.append(f"{order.role} {order.leg}: {answer.reason}")
                logger.warning("order rejected", extra={"client_order_id": order.client_order_id,
                                                        "reason": answer.reason, "kind": answer.kind})
        return {r.client_order_id: a for r, a in zip(requests, answers)}, rejections

    def _record_skip(self, cur, ctx: dict, code: str, reason: str, *, notify_user: bool = True,
                     status: str = "cancelled") -> str:
        """The trade is not taken: a position row says why (the user sees it in the app)."""
        cur.execute(
            "INSERT INTO positions (user_id, signal_id, exchange_account_id, mode, exchange, symbol, side, market_type, "
            "status, close_reason, error, closed_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) "
            "ON CONFLICT (user_id, signal_id) DO NOTHING RETURNING id",
            (ctx["user_id"], ctx["signal_id"], ctx["exchange_account_id"], ctx["mode"], ctx["exchange"], ctx["symbol"],
             ctx["side"], ctx["market_type"], status, code[:64], reason[:1000], self.now()))
        row = cur.fetchone()
        if row is not None and notify_user:
            notify(cur, ctx["user_id"], ctx["chat"], "trade_skipped",
                   f"{ctx['symbol']} {ctx['side']} not traded: {reason}",
                   {"signal_id": ctx["signal_id"], "code": code, "reason": reason, "mode": ctx["mode"]},
                   f"skip-{ctx['signal_id']}-{ctx['user_id']}")
        logger.info("trade skipped", extra={"signal_id": ctx["signal_id"], "user_id": ctx["user_id"], "code": code})
        return f"skipped:{code}"

    # --- updates ---
    def apply_update(self, job: SignalUpdateJob) -> str:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT * FROM signal_events WHERE id = %s AND signal_id = %s", (job.event_id, job.signal_id))
            event = cur.fetchone()
            cur.execute("SELECT id, status FROM positions WHERE user_id = %s AND signal_id = %s",
                        (job.user_id, job.signal_id))
            pos = cur.fetchone()
        if event is None:
            logger.warning("update job for an unknown event ignored", extra={"event_id": job.event_id})
            return "event_missing"
        if pos is None or pos["status"] not in ("pending", "open", "closing"):
            return "no_open_position"
        kind = event["kind"]
        data = event["data"] or {}
        if isinstance(data, str):
            data = json.loads(data)
        if kind in ("closed", "cancelled", "sl_hit"):
            return self.engine.close(pos["id"], reason=f"signal_{kind}")
        if kind == "entry_cancelled":
            return self.engine.cancel_entries(pos["id"])
        if kind == "partial_close":
            return self._partial_close(pos["id"], job, data)
        if kind == "sl_moved":
            breakeven = bool(data.get("breakeven")) or data.get("action") in ("move_sl_breakeven", "breakeven")
            new_stop = event["price"]
            if new_stop is None and data.get("new_stop") is not None:
                new_stop = Decimal(str(data["new_stop"]))
            return self.engine.move_stop(pos["id"], new_stop, breakeven=breakeven and new_stop is None,
                                         dedupe=f"upd-{job.event_id}-{job.user_id}")
        return f"ignored:{kind}"

    def _partial_close(self, position_id: int, job: SignalUpdateJob, data: dict) -> str:
        """The provider's "close half": that share of the position at market. Without an amount ("take some
        profit") nothing is sold — the share would be a guess; the TP ladder and the stop keep managing it."""
        try:
            fraction = Decimal(str(data.get("fraction")))
        except (ArithmeticError, ValueError):
            return "ignored:partial_close_without_amount"
        if not (fraction.is_finite() and 0 < fraction < 1):
            return "ignored:partial_close_without_amount"
        with connection() as conn, conn.cursor() as cur:
            # the partial's number on this signal, fixed by the event's place among them: a redelivery gets the same
            cur.execute("SELECT count(*) AS n FROM signal_events WHERE signal_id = %s AND kind = 'partial_close' "
                        "AND id <= %s", (job.signal_id, job.event_id))
            leg = cur.fetchone()["n"]
        if not 1 <= leg <= 99:
            return "ignored:too_many_partial_closes"
        return self.engine.reduce(position_id, fraction, leg=leg)

    def close_position(self, job: ClosePositionJob) -> str:
        with connection() as conn, conn.cursor() as cur:
            cur.execute("SELECT id, user_id FROM positions WHERE id = %s", (job.position_id,))
            pos = cur.fetchone()
        if pos is None or pos["user_id"] != job.user_id:
            logger.warning("close job for a position the user does not own ignored",
                           extra={"position_id": job.position_id})
            return "not_found"
        return self.engine.close(pos["id"], reason=job.reason)
