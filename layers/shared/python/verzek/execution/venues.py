"""Where a user's orders go: the DB-backed paper account (default) or their live exchange account.

`DbPaperExchange` keeps a user's paper account in rows (`paper_balances`, `paper_positions`,
`paper_orders`; see `verzek.execution.paper_store`); each port call is one transaction on its own
connection, locking only the rows it touches, exactly like a remote exchange: what it accepted
stays accepted even when the caller crashes before writing its own records — which is what the
executor's reconciliation is built for. Inside a batch's transaction (`verzek.db.batch_transaction`,
the executor's paper jobs) it runs on that transaction instead: the paper account and the job's own
rows commit or roll back together.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import psycopg2
from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from verzek.config import get_settings
from verzek.db import batch_connection, connection
from verzek.execution import paper_store
from verzek.execution.orders import TransientJobError
from verzek.execution.paper import PaperExchange, RecordedPrices
from verzek.execution.ports import (
    AccountError,
    Exchange,
    MarketRules,
    OrderRejected,
    OrderRequest,
    OrderState,
    PriceSource,
    RequestNotSent,
)


def _fee_rate(setting: str) -> Decimal | None:
    """A PAPER_*_FEE_PCT value as a rate; None for `market` (each market's own recorded fee)."""
    return None if setting == "market" else Decimal(str(setting)) / 100


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


class DbPaperExchange:
    """The paper account in rows (`verzek.execution.paper_store`): each port call is one
    transaction locking only the rows it touches, writing back only what changed."""

    name = "paper"

    def __init__(self, user_id: int, prices, clock: Callable[[], int], *, start_balance: Decimal,
                 taker_fee: Decimal | None, maker_fee: Decimal | None, slippage_pct: Decimal,
                 rules: dict[str, MarketRules] | None = None, exchange: str = "binance") -> None:
        self.user_id, self.prices, self.clock = user_id, prices, clock
        self._engine_args = {"taker_fee": taker_fee, "maker_fee": maker_fee, "slippage_pct": slippage_pct, "rules": rules,
                             "default_balance": start_balance, "exchange": exchange}
        self._held: PaperExchange | None = None  # the account as loaded by `held`, while it lasts

    @contextmanager
    def held(self) -> Iterator[list[bytes]]:
        """Inside a batch's transaction only: the whole account loaded (and locked, until the batch
        commits) once for a run of calls. The calls made on this object meanwhile (`free_balance`,
        `set_leverage`, `create_order(s)`, lookups) run on it with no round trip of their own. On
        leaving, what they changed is left, as bound statements, in the yielded list, for the caller
        to send ahead of its next statement: they commit or roll back with the job (its savepoint)
        like the rest of the batch. The account's lock (`paper_store.account_lock_key`, exclusive)
        is held until the batch commits: a call on the account from another worker waits for it and
        then sees the batch's orders. A client id the account already has as a final order (final
        orders are not loaded) — or, as a backstop, a row this view saw missing but another call
        created — fails that statement on the table's unique key: the job fails and is redelivered
        (as `StaleView` is retried), nothing is placed twice."""
        if batch_connection() is None or self._held is not None:
            raise RuntimeError("DbPaperExchange.held runs once at a time inside a batch transaction")
        writes: list[bytes] = []
        with connection() as conn, conn.cursor() as cur:
            engine = self._stateless()
            loaded = paper_store.load(cur, self.user_id, engine)
            self._held = engine
            try:
                yield writes
            finally:
                self._held = None
            paper_store.save(cur, self.user_id, engine, loaded, unsent=writes)

    def _run(self, fn: Callable[[PaperExchange], Any], *, symbol: str | None = None,
             client_order_ids: Sequence[str] = ()):
        """`fn` on the rows of `symbol` (None: the whole account) and the orders `client_order_ids`."""
        if self._held is not None:
            return fn(self._held)
        if batch_connection() is not None:
            return self._run_in_batch(fn, symbol=symbol, client_order_ids=client_order_ids)
        for attempt in range(3):
            try:
                with connection() as conn:
                    # BEGIN rides on the load and COMMIT on the writes: two round trips per call
                    conn.autocommit = True
                    try:
                        with conn.cursor() as cur:
                            try:
                                engine = self._stateless()
                                loaded = paper_store.load(cur, self.user_id, engine, symbol=symbol,
                                                          client_order_ids=client_order_ids, begin=True)
                                result = fn(engine)
                                paper_store.save(cur, self.user_id, engine, loaded, commit=True)
                                return result
                            except BaseException:
                                if not conn.closed and conn.info.transaction_status != TRANSACTION_STATUS_IDLE:
                                    with contextlib.suppress(psycopg2.Error):  # a broken connection: the
                                        cur.execute("ROLLBACK")               # pool discards it
                                raise
                    finally:
                        if not conn.closed:
                            conn.autocommit = False
            except paper_store.StaleView:
                if attempt == 2:
                    raise RequestNotSent("paper account busy, nothing changed") from None

    def _run_in_batch(self, fn: Callable[[PaperExchange], Any], *, symbol: str | None,
                      client_order_ids: Sequence[str]):
        """`_run` inside a batch's transaction (`verzek.db.batch_transaction`, paper jobs only): the
        rows are locked until the batch commits, and what the call wrote commits or rolls back with
        the job that made it (its savepoint) — the paper account and the job's own rows can no longer
        disagree, so nothing needs reconciling after a crash."""
        with connection() as conn, conn.cursor() as cur:
            engine = self._stateless()
            loaded = paper_store.load(cur, self.user_id, engine, symbol=symbol, client_order_ids=client_order_ids)
            result = fn(engine)
            try:
                paper_store.save(cur, self.user_id, engine, loaded)
            except paper_store.StaleView:
                # a concurrent call created one of the account's rows first; this call's writes are
                # partly done in the batch's transaction, so it cannot simply be run again here: the
                # job is rolled back to its savepoint and redelivered
                raise TransientJobError("paper account busy, nothing changed") from None
            return result

    def _stateless(self) -> PaperExchange:
        return paper_store.StoredPaperExchange(self.prices, self.clock, **self._engine_args)

    # rules and prices do not depend on the account: no database round trip
    def market_rules(self, symbol: str) -> MarketRules:
        return self._stateless().market_rules(symbol)

    def last_price(self, symbol: str) -> Decimal:
        return self._stateless().last_price(symbol)

    def free_balance(self, asset: str) -> Decimal:
        return self._run(lambda e: e.free_balance(asset))

    def set_leverage(self, symbol: str, leverage: int, margin_mode: str | None) -> None:
        return self._run(lambda e: e.set_leverage(symbol, leverage, margin_mode), symbol=symbol)

    def create_order(self, request: OrderRequest) -> OrderState:
        # the whole account: the reservation checks the free balance, every order and margin counts
        return self._run(lambda e: e.create_order(request), client_order_ids=(request.client_order_id,))

    def create_orders(self, requests: Sequence[OrderRequest]) -> list[OrderState | OrderRejected]:
        """Several new orders in one transaction (like an exchange's batch-order endpoint), placed in
        turn exactly as one `create_order` each would be: per order its state, or the refusal."""
        def place(e: PaperExchange) -> list[OrderState | OrderRejected]:
            answers: list[OrderState | OrderRejected] = []
            for request in requests:
                try:
                    answers.append(e.create_order(request))
                except OrderRejected as exc:
                    answers.append(exc)
            return answers

        return self._run(place, client_order_ids=[r.client_order_id for r in requests])

    def fetch_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        return self._run(lambda e: e.fetch_order(symbol, client_order_id), symbol=symbol,
                         client_order_ids=(client_order_id,))

    def fetch_orders(self, symbol: str, client_order_ids: Sequence[str]) -> dict[str, OrderState]:
        """Several orders of one symbol in one transaction (the monitor's batched lookup): the
        states found, by client id; an id missing from the answer is not on this account."""
        def fetch(e: PaperExchange) -> dict[str, OrderState]:
            e.sync()
            return {cid: e.orders[cid].state for cid in client_order_ids if cid in e.orders}

        return self._run(fetch, symbol=symbol, client_order_ids=client_order_ids)

    def cancel_order(self, symbol: str, client_order_id: str, *, trigger: bool = False) -> OrderState:
        return self._run(lambda e: e.cancel_order(symbol, client_order_id), symbol=symbol,
                         client_order_ids=(client_order_id,))

    def supports_protective_stop(self, symbol: str) -> bool:
        return self._stateless().supports_protective_stop(symbol)

    # read only: the symbol was synced by the monitor's order lookups just before (they settle funding
    # and liquidations as the candles come)
    def fetch_funding_history(self, symbol: str, since_ms: int) -> list[dict]:
        with connection() as conn, conn.cursor() as cur:
            return paper_store.funding_history(cur, self.user_id, symbol, since_ms)

    def taker_fee_rate(self, symbol: str) -> Decimal:
        return self._stateless().taker_fee_rate(symbol)

    def fetch_liquidations(self, symbol: str, since_ms: int) -> list[OrderState]:
        with connection() as conn, conn.cursor() as cur:
            return paper_store.liquidations(cur, self.user_id, symbol, since_ms)

    def balances(self) -> dict[str, Decimal]:
        return self._run(lambda e: (e.sync(), dict(e.balances))[1])


@dataclass
class Venue:
    exchange: Exchange
    prices: PriceSource
    mode: str  # paper | live
    exchange_name: str
    exchange_account_id: int | None = None


class VenueProvider:
    """Builds the venue for (user, market type). Tests and benchmarks pass their own price source and
    clock; in the cloud paper prices come from `PAPER_PRICE_SOURCE`."""

    def __init__(self, paper_prices=None, clock: Callable[[], int] = wall_clock_ms,
                 paper_rules: dict[str, MarketRules] | None = None, live_prices=None) -> None:
        self._paper_prices = paper_prices
        self.live_prices = live_prices  # None: each live account reads its own exchange's prices
        self.clock = clock
        self.paper_rules = paper_rules

    def paper_prices(self):
        if self._paper_prices is None:
            self._paper_prices = prices_from_settings()
        return self._paper_prices

    def venue(self, cur, *, user_id: int, mode: str, exchange_account_id: int | None, market_type: str) -> Venue:
        settings = get_settings()
        if mode == "paper":
            prices = self.paper_prices()
            exchange = DbPaperExchange(user_id, prices, self.clock,
                                       start_balance=Decimal(settings.paper_start_balance),
                                       taker_fee=_fee_rate(settings.paper_taker_fee_pct),
                                       maker_fee=_fee_rate(settings.paper_maker_fee_pct),
                                       slippage_pct=Decimal(str(settings.paper_slippage_pct)),
                                       rules=self.paper_rules, exchange=settings.paper_exchange)
            return Venue(exchange, prices, "paper", "paper")
        if exchange_account_id is None:
            raise AccountError("live trading needs an exchange account in your settings")
        cur.execute("SELECT id, user_id, exchange, testnet, enabled FROM exchange_accounts WHERE id = %s",
                    (exchange_account_id,))
        account = cur.fetchone()
        if account is None or account["user_id"] != user_id:
            raise AccountError("the exchange account in your settings no longer exists")
        if not account["enabled"]:
            raise AccountError("your exchange account is disabled")
        from verzek.execution.ccxt_adapter import CcxtExchange
        from verzek.security.keystore import load_credentials  # the live path only

        try:
            credentials = load_credentials(cur.connection, exchange_account_id)
        except Exception as exc:  # noqa: BLE001 - missing key, tampered row, KMS down: the message never holds secrets
            raise AccountError(f"your exchange keys could not be loaded ({type(exc).__name__})") from None
        exchange = CcxtExchange.connect(account["exchange"], api_key=credentials.api_key, secret=credentials.secret,
                                        password=credentials.password, testnet=account["testnet"],
                                        market_type=market_type, price_source=self.live_prices,
                                        prefer_nodes=proxy_nodes_for(cur, exchange_account_id, settings))
        del credentials  # decrypted keys live only inside the client for this call
        return Venue(exchange, self.live_prices or exchange, "live", account["exchange"], exchange_account_id)


def proxy_nodes_for(cur, exchange_account_id: int, settings) -> tuple[str, ...]:
    """The nodes an account's requests may leave from, in order (`verzek.exchange.fleet.route_nodes`);
    () without a fleet."""
    from verzek.exchange import fleet

    try:
        nodes = fleet.fleet_from_settings(settings)
    except ValueError:
        # PROXY_PUBLIC_IPS does not pair up with PROXY_URLS: the IPs are only shown to users, routing
        # needs the node names alone (the API logs the misconfiguration).
        nodes = fleet.fleet_from_settings(settings.model_copy(update={"proxy_public_ips": ""}))
    assignment = fleet.assigned_node(cur, exchange_account_id, nodes)
    if assignment is None:
        return ()
    return fleet.route_nodes(assignment)


def prices_from_settings():
    """`PAPER_PRICE_SOURCE`: `live:<exchange>` (public candles via ccxt) or `replay:<dir>` (recorded)."""
    source = get_settings().paper_price_source
    kind, _, arg = source.partition(":")
    if kind == "replay":
        from pathlib import Path

        return RecordedPrices.from_directory(Path(arg))  # candles, and the funding events + mark prices beside them
    if kind == "live":
        from verzek.execution.ccxt_adapter import PublicPrices

        return PublicPrices(arg or "binance")
    raise ValueError(f"PAPER_PRICE_SOURCE must be live:<exchange> or replay:<dir>, not {source!r}")
